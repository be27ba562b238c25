import { describe, expect, it } from 'vitest';
import { javaParseInt, javaParseLong } from '../util/java.ts';

describe("Java's Long.valueOf / Integer.valueOf", () => {
  it('reads the decimal digits of every script Java 8 knows, with an optional sign', () => {
    expect(javaParseLong('20')).toBe(20n);
    expect(javaParseLong('+20')).toBe(20n);
    expect(javaParseLong('-0')).toBe(0n);
    expect(javaParseLong('007')).toBe(7n);
    expect(javaParseLong('١٠')).toBe(10n); // Arabic-Indic
    expect(javaParseLong('１０')).toBe(10n); // fullwidth
    expect(javaParseLong('४२')).toBe(42n); // Devanagari
    expect(javaParseLong('1٠')).toBe(10n); // scripts mix, one char at a time
    expect(javaParseInt('٣')).toBe(3);
  });

  it('refuses what Java refuses', () => {
    for (const s of [
      '',
      '+',
      '-',
      ' 1',
      '1 ',
      '1.0',
      '1e3',
      '0x10',
      '²',
      '𝟎',
      '෦',
      '꧰',
      '１０a',
      null,
      undefined,
    ]) {
      expect(javaParseLong(s), String(s)).toBeUndefined();
    }
    // 𝟎 (U+1D7CE) is a digit outside the BMP; ෦ and ꧰ are digits Unicode added after Java 8's 6.2
  });

  it('keeps to the range of a long and of an int', () => {
    expect(javaParseLong('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(javaParseLong('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(javaParseLong('9223372036854775808')).toBeUndefined();
    expect(javaParseLong('1'.repeat(100_000))).toBeUndefined();
    expect(javaParseInt('2147483647')).toBe(2147483647);
    expect(javaParseInt('2147483648')).toBeUndefined();
    expect(javaParseInt('-2147483648')).toBe(-2147483648);
  });
});
