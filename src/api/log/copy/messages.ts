import type { ApiLogKey, MessageValues } from '../../../i18n/keys';

/** A sentence of the API log's catalogue part (src/i18n/locales/<locale>/apilog.json), worded where shown. */
export interface LogMessage {
  key: ApiLogKey;
  values?: MessageValues;
}

/** Why an entry cannot be copied as a command (shown instead of the command). */
export const copyMessages = {
  bodyNotKept: (size: number): LogMessage => ({ key: 'apiLog.copy.bodyNotKept', values: { size } }),
  unknownApi: (method: string, path: string): LogMessage => ({
    key: 'apiLog.copy.unknownApi',
    values: { method, path },
  }),
  unreadableBody: { key: 'apiLog.copy.unreadableBody' } as LogMessage,
} as const;
