/**
 * ZStack's i18n of messages (Platform.toI18nString): the format string of an error is the key of
 * conf/i18n/messages_<locale>.properties; a hit is formatted with MessageFormat in the node's locale, a miss
 * with String.format (so a message ZStack never translated reads in English on a zh_CN node too).
 * Internal errors (SYS.1000) are never translated (Platform.err). Descriptions are not translated at all:
 * they come from conf/errorCodes/*.xml, which exist in English only (ErrorFacadeImpl).
 */
import { CATALOGUE } from './catalogue.ts';
import { javaFormat, messageFormat } from './java-text.ts';
import type { SimLocale } from './locale.ts';

export { DEFAULT_LOCALE, LOCALES, parseLocale, type SimLocale } from './locale.ts';

/** A message as ZStack code writes it (format string + arguments), rendered when the node answers. */
export class Msg {
  constructor(
    readonly fmt: string,
    readonly args: readonly unknown[] = [],
    /** false for internal errors: String.format only. */
    readonly translated = true,
  ) {}

  render(locale: SimLocale): string {
    const args = this.args.map((a) => (a instanceof Msg ? a.render(locale) : a));
    try {
      if (this.translated) {
        const pattern = CATALOGUE[this.fmt]?.[locale];
        if (pattern) return messageFormat(pattern, args, locale);
      }
      return args.length ? javaFormat(this.fmt, args) : this.fmt;
    } catch {
      // Platform.err: a message that cannot be formatted is reported as its raw format string.
      return this.fmt;
    }
  }
}

/** Platform.i18n(fmt, args): a message of the catalogue, e.g. one that another message quotes. */
export const i18n = (fmt: string, ...args: unknown[]): Msg => new Msg(fmt, args);

/** A text that is what it is (no catalogue, no formatting). */
export const literal = (text: string): Msg => new Msg(text, [], false);
