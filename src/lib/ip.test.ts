import { describe, expect, it } from 'vitest';
import { canonicalIp, compareIps, ipVersionOf } from './ip';

describe('IP addresses', () => {
  it('tells IPv4 from IPv6 and refuses the rest', () => {
    expect(ipVersionOf('10.0.0.1')).toBe(4);
    expect(ipVersionOf('fd00::5')).toBe(6);
    expect(ipVersionOf('::ffff:10.0.0.1')).toBe(6);
    expect(ipVersionOf('10.0.0.256')).toBeUndefined();
    expect(ipVersionOf('<img src=x onerror=alert(1)>')).toBeUndefined();
  });

  it('spells each IPv6 address one way (RFC 5952)', () => {
    expect(canonicalIp('FD00:0000:0:0::0005')).toBe('fd00::5');
    expect(canonicalIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canonicalIp('::')).toBe('::');
    expect(canonicalIp('::ffff:10.0.0.1')).toBe('::ffff:a00:1');
    expect(canonicalIp('1:2:3:4:5:6:7:0')).toBe('1:2:3:4:5:6:7:0');
    expect(canonicalIp(' 10.0.0.1 ')).toBe('10.0.0.1');
  });

  it('orders addresses as numbers, IPv4 before IPv6, anything else last', () => {
    const sorted = ['10.0.0.10', 'fd00::5', 'x', '10.0.0.9', '9.255.255.255', 'fd00::10', '10.0.1.1'].sort(
      compareIps,
    );
    expect(sorted).toEqual([
      '9.255.255.255',
      '10.0.0.9',
      '10.0.0.10',
      '10.0.1.1',
      'fd00::5',
      'fd00::10',
      'x',
    ]);
  });
});
