/**
 * Renderings of Java values as ZStack's messages show them: java.util.List#toString, Double#toString and
 * java.text.MessageFormat placeholders (ZStack resolves its English messages through MessageFormat, which
 * leaves a placeholder without an argument as literal text, e.g. "{1}").
 */

export function javaList(items: readonly unknown[]): string {
  return `[${items.map((i) => String(i)).join(', ')}]`;
}

export function javaDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(n);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa = '0', exponent = '0'] = n.toExponential().split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${exponent.replace('+', '')}`;
}

/** Fills {0}, {1}, ... like java.text.MessageFormat; a placeholder without an argument stays as is. */
export function messageFormat(template: string, ...args: unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const i = Number(index);
    return i < args.length ? String(args[i]) : whole;
  });
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Java's Long.valueOf(String): an optional sign and decimal digits that fit in 64 bits, nothing else. */
export function javaParseLong(s: string | null | undefined): bigint | undefined {
  if (s === null || s === undefined || !/^[+-]?\d+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v < LONG_MIN || v > LONG_MAX ? undefined : v;
}

/** Java's Integer.valueOf(String). */
export function javaParseInt(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const v = Number(s);
  return v < -2147483648 || v > 2147483647 ? undefined : v;
}
