import { describe, expect, it } from 'vitest';
import { loginTarget } from './loginTarget';

const origin = 'https://console.example.com';

describe('the page a login leads to', () => {
  it('is the console page the admin asked for', () => {
    expect(loginTarget('/server-groups/abc', origin)).toBe('/server-groups/abc');
    expect(loginTarget('/virtual-id-groups?project=ops#members', origin)).toBe(
      '/virtual-id-groups?project=ops#members',
    );
  });

  it('is the start page for anything that would leave the console or is no console path', () => {
    for (const from of [
      '//evil.example/x',
      '/\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'server-groups',
      '',
      undefined,
      42,
      '/login',
      '/login/again',
    ]) {
      expect(loginTarget(from, origin), String(from)).toBe('/');
    }
  });
});
