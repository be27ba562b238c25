import { describe, expect, it } from 'vitest';
import { errorMentions, isPermissionError, isRetryable, ZStackError } from './errors';

const err = (code: string, details = '', status = 503) =>
  new ZStackError({ code, description: 'd', details }, status);

describe('ZStack errors', () => {
  it('recognises refusals by code and by the words ZStack uses', () => {
    expect(isPermissionError(err('ID.1002'))).toBe(true);
    expect(isPermissionError(err('SYS.1006', 'operation denied by default'))).toBe(true);
    expect(isPermissionError(err('SYS.1006', 'account[uuid:x] is not the owner of the resource'))).toBe(true);
    expect(
      isPermissionError(
        err('SYS.1006', 'the server ips [10.0.0.1] are already on the load balancer servegroup'),
      ),
    ).toBe(false);
    expect(isPermissionError(err('SYS.1007', 'denied by default'))).toBe(false);
  });

  it('retries transport failures only', () => {
    expect(isRetryable(err('CONSOLE.NETWORK', '', 0))).toBe(true);
    expect(isRetryable(err('CONSOLE.HTTP', '', 502))).toBe(true);
    expect(isRetryable(err('SYS.1007'))).toBe(false);
    expect(isRetryable(err('ID.1001'))).toBe(false);
  });

  it('finds the IPs and NICs an error names, whole tokens only', () => {
    const e = err(
      'SYS.1006',
      'the server ips [10.0.0.1, fd00::5] are already on the load balancer servegroup.',
    );
    expect(errorMentions(e, ['10.0.0.1', '10.0.0.12', '0.0.1', 'fd00::5', 'fd00::'])).toEqual([
      '10.0.0.1',
      'fd00::5',
    ]);
    expect(errorMentions(err('SYS.1006', 'ip [10.0.0.12] is repeated'), ['10.0.0.1'])).toEqual([]);
    // ZStack's own wording puts a field name and a colon before the value
    expect(
      errorMentions(err('SYS.1006', 'because ip [ipAddress:10.0.0.1] is repeated'), ['10.0.0.1', 'fd00::1']),
    ).toEqual(['10.0.0.1']);
    expect(
      errorMentions(err('SYS.1007', `vmnic[uuid:${'a'.repeat(32)}] is not exist`), ['a'.repeat(32)]),
    ).toEqual(['a'.repeat(32)]);
    // but a colon inside an IPv6 address still joins
    expect(errorMentions(err('SYS.1006', 'ip [::ffff:10.0.0.1] is invalid'), ['10.0.0.1'])).toEqual([]);
  });
});
