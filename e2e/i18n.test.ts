// A unit test (Vitest) of the catalogue helpers the Playwright suites use; Playwright runs *.spec.ts only.
import { describe, expect, it } from 'vitest';
import { escapeRegExp, like, names, t } from './i18n';

describe('t and names', () => {
  it('formats a message of either locale as the console does, plurals included', () => {
    expect(t('members.count', { count: 1 })).toBe('1 member');
    expect(t('members.count', { count: 2 })).toBe('2 members');
    expect(names('zh-CN')('members.count', { count: 2 })).toBe('2 个成员');
    expect(() => t('no.such.key' as never)).toThrow(/no message/);
  });
});

describe('escapeRegExp', () => {
  it('makes every special character literal', () => {
    const s = 'Remove 192.168.1.1 (row 2) [x]+?*^$|{}\\';
    expect(new RegExp(`^${escapeRegExp(s)}$`).test(s)).toBe(true);
  });
});

describe('like', () => {
  it('matches the message with any value for the arguments not given, and only the message', () => {
    const re = like('workbench.removeFromGroup', {}, 'en', '^$');
    expect(re.test(t('workbench.removeFromGroup', { label: 'web-1 (10.0.0.1)' }))).toBe(true);
    expect(re.test('Remove web-1 from the list')).toBe(false);
  });

  it('fixes the arguments given, as text, as a formatted number or as a pattern', () => {
    expect(like('errors.title.failed', { action: 'a.b' }, 'en', '^$').test('Could not a.b')).toBe(true);
    expect(like('errors.title.failed', { action: 'a.b' }, 'en', '^$').test('Could not axb')).toBe(false);
    const sessions = like('traffic.drain.sessions', { count: /\d+/ }, 'en', '^$');
    expect(sessions.test(t('traffic.drain.sessions', { count: 12 }))).toBe(true);
    expect(sessions.test(t('traffic.drain.sessions', { count: 'many' }))).toBe(false);
    const shown = like('workbench.showing', { shown: 1000 }, 'en', '^');
    expect(shown.test(t('workbench.showing', { shown: 1000, total: 5000 }))).toBe(true);
  });

  it('takes a typed argument (a time) as any text, and a plural with its count', () => {
    const since = like('traffic.drain.unverified', {}, 'en', '^$');
    expect(since.test(t('traffic.drain.unverified', { since: new Date() }))).toBe(true);
    const added = like('addMembers.added.text', { count: 2, group: 'oncall' }, 'en', '^$');
    expect(
      added.test(t('addMembers.added.text', { count: 2, names: 'bob and carol', group: 'oncall' })),
    ).toBe(true);
    expect(added.test(t('addMembers.added.text', { count: 1, names: 'bob', group: 'oncall' }))).toBe(false);
  });

  it('works in Chinese', () => {
    const re = like('app.noAccess.text', {}, 'zh-CN', '^$');
    expect(re.test(names('zh-CN')('app.noAccess.text', { what: 'x' }))).toBe(true);
  });
});
