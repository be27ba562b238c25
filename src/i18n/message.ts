import type { MessageKey, MessageValues } from './keys';

/**
 * A message of the console kept as its key and values, for code outside React (an error the HTTP client
 * makes): whoever shows it translates it then, so that it follows a later switch.
 */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}
