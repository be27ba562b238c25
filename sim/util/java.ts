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

/**
 * The zero of every run of decimal digits Java 8's Character.digit(char, 10) reads: the BMP's Nd
 * characters of Unicode 6.2 (ZStack builds for Java 1.8). Long.parseLong reads a string one char at a
 * time with Character.digit, so "١٠" (Arabic-Indic) and "１０" (fullwidth) are 10, while a digit outside
 * the BMP (two chars, neither a digit) is not a number.
 */
const JAVA8_DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0,
  0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50,
  0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xaa50, 0xabf0, 0xff10,
];

/** Character.digit(c, 10) of Java 8: the digit's value, or -1. */
export function javaDigit(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  for (const zero of JAVA8_DIGIT_ZEROS) if (unit >= zero && unit <= zero + 9) return unit - zero;
  return -1;
}

/** Long.parseLong / Integer.parseInt (radix 10): an optional '+' or '-', then Java digits, in range. */
function javaParseDecimal(s: string, min: bigint, max: bigint): bigint | undefined {
  const signed = s.startsWith('-') || s.startsWith('+');
  if (s.length === (signed ? 1 : 0)) return undefined;
  const negative = s.startsWith('-');
  const bound = negative ? -min : max;
  let v = 0n;
  for (let i = signed ? 1 : 0; i < s.length; i++) {
    const d = javaDigit(s.charCodeAt(i));
    if (d < 0) return undefined;
    v = v * 10n + BigInt(d);
    if (v > bound) return undefined;
  }
  return negative ? -v : v;
}

/** Java's Long.valueOf(String). */
export function javaParseLong(s: string | null | undefined): bigint | undefined {
  if (s === null || s === undefined) return undefined;
  return javaParseDecimal(s, -(2n ** 63n), 2n ** 63n - 1n);
}

/** Java's Integer.valueOf(String). */
export function javaParseInt(s: string): number | undefined {
  const v = javaParseDecimal(s, -(2n ** 31n), 2n ** 31n - 1n);
  return v === undefined ? undefined : Number(v);
}
