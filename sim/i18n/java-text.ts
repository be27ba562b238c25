/**
 * Java's text formatting as ZStack's messages go through it: java.util.Formatter (String.format, used for
 * messages missing from the catalogue and for internal errors) and java.text.MessageFormat (Spring's
 * message source formats every catalogue entry with it: conf/zstack.xml sets alwaysUseMessageFormat).
 * Both throw on a malformed pattern, as Java does; Platform.err then keeps the raw format string.
 */
import type { SimLocale } from './locale.ts';

export class JavaFormatError extends Error {}

/** String.valueOf for the values ZStack passes: List/Set print as "[a, b]", null as "null". */
export function javaToString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(javaToString).join(', ')}]`;
  if (v instanceof Set) return javaToString([...(v as Set<unknown>)]);
  return String(v);
}

const isJavaInteger = (v: unknown): v is number | bigint =>
  typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));

/** String.format with the conversions ZStack's messages use (%s, %S, %d, %%, %n, positional %1$s). */
export function javaFormat(fmt: string, args: readonly unknown[]): string {
  let next = 0;
  return fmt.replace(
    /%(\d+\$)?([-#+ 0,(<]*)(\d+)?(\.\d+)?([a-zA-Z%])/g,
    (_all, pos: string | undefined, _f, _w, _p, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      const index = pos ? Number(pos.slice(0, -1)) - 1 : next++;
      if (index < 0 || index >= args.length) throw new JavaFormatError(`Format specifier '%${conv}'`);
      const arg = args[index];
      switch (conv) {
        case 's':
          return javaToString(arg);
        case 'S':
          return javaToString(arg).toUpperCase();
        case 'd':
          if (arg !== null && arg !== undefined && !isJavaInteger(arg))
            throw new JavaFormatError(`d != ${typeof arg}`);
          return javaToString(arg);
        default:
          throw new JavaFormatError(`Conversion = '${conv}'`);
      }
    },
  );
}

/** NumberFormat.getInstance(locale) for en_US and zh_CN: grouping by thousands with ',', at most 3 decimals. */
function formatNumber(n: number | bigint): string {
  const [int = '0', frac] =
    typeof n === 'bigint'
      ? [String(n)]
      : String(Number.isInteger(n) ? n : Math.round(n * 1000) / 1000).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

function formatArgument(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint') return formatNumber(v);
  return javaToString(v);
}

/**
 * MessageFormat.format: '{n}' takes argument n (numbers in the locale's format), "''" is a quote, text between
 * single quotes is literal (an unclosed quote runs to the end), a lone '}' is literal, and a placeholder
 * without an argument stays as written ("{1}"). ZStack's catalogue uses no format types ({0,number}).
 */
export function messageFormat(pattern: string, args: readonly unknown[], _locale: SimLocale): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i++;
      } else inQuote = !inQuote;
      continue;
    }
    if (inQuote || c !== '{') {
      out += c;
      continue;
    }
    const close = pattern.indexOf('}', i);
    if (close < 0) throw new JavaFormatError('Unmatched braces in the pattern.');
    const body = pattern.slice(i + 1, close);
    if (!/^\d+$/.test(body)) throw new JavaFormatError(`can't parse argument number: ${body}`);
    const index = Number(body);
    out += index < args.length ? formatArgument(args[index]) : `{${body}}`;
    i = close;
  }
  return out;
}
