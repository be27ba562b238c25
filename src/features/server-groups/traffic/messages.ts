import type { TrafficKey } from '../../../i18n/keys';

/**
 * The traffic modules give the admin sentences as keys of the `traffic` part of the message catalogues
 * (src/i18n/locales/<locale>/traffic.json) and the ICU values they take (`{name}`), never built text:
 * the component that shows one translates it (`t(m.key, m.values)`), so it follows a language switch.
 */
export type TrafficMessageKey = TrafficKey;
export type TrafficValues = Record<string, string | number | Date>;

/** A sentence to show: its key and the ICU values it takes. */
export interface TrafficMessage {
  key: TrafficMessageKey;
  values?: TrafficValues;
}

export const msg = (key: TrafficMessageKey, values?: TrafficValues): TrafficMessage =>
  values ? { key, values } : { key };
