/**
 * Java's Double#toString and number parsing as ZStack's code uses them. Messages are formatted in
 * sim/i18n/java-text.ts (MessageFormat, String.format).
 */

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
