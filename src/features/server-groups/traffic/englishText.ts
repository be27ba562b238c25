import trafficMessages from '../../../i18n/locales/en/traffic.json';
import type { TrafficMessage } from './messages';

/**
 * For tests: a traffic message's English text with its values in place (`{name}`, `{since, time, short}`),
 * read from the English catalogue.
 */
const english = (value: string | number | Date): string =>
  value instanceof Date ? value.toLocaleTimeString('en', { timeStyle: 'short' }) : String(value);

export { trafficMessages };

export function englishText({ key, values }: TrafficMessage): string {
  return trafficMessages[key].replace(/\{(\w+)(?:, *\w+(?:, *\w+)?)?\}/g, (whole, name: string) => {
    const value = values?.[name];
    return value === undefined ? whole : english(value);
  });
}
