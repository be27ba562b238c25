import { describe, expect, it } from 'vitest';
import { lineProblems, parseIpLines } from './ipLines';
import { ipMessage, weightMessages } from './schema';

describe('the "IP addresses" text area', () => {
  it('turns good lines into entries, with an optional weight after a space, tab, comma or semicolon', () => {
    const parsed = parseIpLines('192.168.2.1\n  192.168.2.2 50\nfd00::5,0\r\n\n10.0.0.7;\t30\n');
    expect(parsed.entries).toEqual([
      { ipAddress: '192.168.2.1', weight: '100' },
      { ipAddress: '192.168.2.2', weight: '50' },
      { ipAddress: 'fd00::5', weight: '0' },
      { ipAddress: '10.0.0.7', weight: '30' },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rest).toBe('');
  });

  it('keeps bad lines, numbered as they will read, each with its reason', () => {
    const parsed = parseIpLines('10.0.0.1\n10.0.0.300\n10.0.0.2 101\n\n10.0.0.3 5 extra\n10.0.0.4 1.5');
    expect(parsed.entries).toEqual([{ ipAddress: '10.0.0.1', weight: '100' }]);
    expect(parsed.rest).toBe('10.0.0.300\n10.0.0.2 101\n10.0.0.3 5 extra\n10.0.0.4 1.5');
    expect(parsed.problems.map((p) => [p.line, p.reason, p.value])).toEqual([
      [1, ipMessage, '10.0.0.300'],
      [2, weightMessages.invalid, '101'],
      [3, 'backends.lines.extra', 'extra'],
      [4, weightMessages.invalid, '1.5'],
    ]);
    // re-checking the text that stays gives the same numbers
    expect(lineProblems(parsed.rest)).toEqual(parsed.problems);
  });

  it('numbers problems by the lines of the text as edited, blank lines included', () => {
    expect(lineProblems('\nnope\n10.0.0.1').map((p) => p.line)).toEqual([2]);
  });

  it('reads a paste of a thousand lines quickly', () => {
    const lines = Array.from({ length: 1000 }, (_, i) =>
      i % 10 === 0 ? `10.1.${i >> 8}.${i & 255}x` : `10.1.${i >> 8}.${i & 255} ${i % 101}`,
    );
    const started = performance.now();
    const parsed = parseIpLines(lines.join('\n'));
    const elapsed = performance.now() - started;
    expect(parsed.entries).toHaveLength(900);
    expect(parsed.problems).toHaveLength(100);
    expect(elapsed).toBeLessThan(200);
  });
});
