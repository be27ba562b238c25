import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../api/queryClient';
import { fakeFetch, json } from '../../../test/fakeFetch';
import { candidateSearch } from './candidates';
import { findMembers, membersQuery } from './members';

afterEach(() => vi.unstubAllGlobals());

const hex = (n: number) => n.toString(16).padStart(32, '0');
const group = 'f'.repeat(32);
const project = 'e'.repeat(32);
const params = (url: string) => new URL(url, 'http://console').searchParams;
const firstPage = { page: 0, pageSize: 20, sort: { key: 'name', direction: 'asc' as const }, filter: '' };

describe('the Virtual IDs picker', () => {
  it('asks for a page of the project and, at once, for the members among it: members are marked, never listed', async () => {
    const { calls } = fakeFetch((call) =>
      params(call.url)
        .getAll('q')
        .some((c) => c.startsWith('groups.uuid='))
        ? json(200, { inventories: [{ uuid: hex(2) }] })
        : json(200, {
            inventories: [
              { uuid: hex(1), name: 'b_b1' },
              { uuid: hex(2), name: 'b_b2' },
            ],
            total: 2,
          }),
    );
    const page = await candidateSearch(group, project)('b_b', new AbortController().signal);
    expect(page.items.map((v) => [v.name, v.member])).toEqual([
      ['b_b1', false],
      ['b_b2', true],
    ]);
    expect(calls).toHaveLength(2);
    const [candidates, members] = calls.map((c) => params(c.url));
    // `_` is matched literally, not as LIKE's "any character"
    expect(candidates!.getAll('q')).toEqual([`projects.uuid=${project}`, 'name~=%b\\_b%']);
    expect(members!.getAll('q')).toEqual([
      `projects.uuid=${project}`,
      'name~=%b\\_b%',
      `groups.uuid=${group}`,
    ]);
    for (const p of [candidates!, members!]) {
      expect(p.get('limit')).toBe('20');
      expect(p.get('sort')).toBe('+name');
    }
    expect(members!.get('fields')).toBe('uuid');
  });
});

describe('the members table', () => {
  it('reads a page with GetIAM2VirtualIDsOfGroup, where sortBy/sortDirection are real (not sort=)', async () => {
    const { calls } = fakeFetch(() =>
      json(200, { inventories: [{ uuid: hex(1), name: 'alice' }], total: 41 }),
    );
    const page = await createQueryClient().fetchQuery(
      membersQuery(group, { ...firstPage, page: 2, sort: { key: 'state', direction: 'desc' } }),
    );
    expect(page).toMatchObject({ total: 41, rows: [{ name: 'alice' }] });
    const url = new URL(calls[0]!.url, 'http://console');
    expect(url.pathname).toBe('/zstack/v1/iam2/IAM2VirtualIDGroup/IAM2VirtualID');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      groupUuid: group,
      limit: '20',
      start: '40',
      replyWithCount: 'true',
      sortBy: 'state',
      sortDirection: 'desc',
    });
  });

  it('filters by name through the query API and the group relation', async () => {
    const { calls } = fakeFetch(() => json(200, { inventories: [], total: 0 }));
    await createQueryClient().fetchQuery(membersQuery(group, { ...firstPage, filter: '50%' }));
    const p = params(calls[0]!.url);
    expect(new URL(calls[0]!.url, 'http://console').pathname).toBe('/zstack/v1/iam2/virtual-ids');
    expect(p.getAll('q')).toEqual([`groups.uuid=${group}`, 'name~=%50\\%%']);
    expect(p.get('sort')).toBe('+name');
  });

  it('finds every member for "select all" a page of 1000 at a time, the rest at once after the first', async () => {
    const all = Array.from({ length: 2500 }, (_, i) => ({ uuid: hex(i), name: `m${i}` }));
    const { calls } = fakeFetch((call) => {
      const p = params(call.url);
      const start = Number(p.get('start') ?? 0);
      return json(200, { inventories: all.slice(start, start + Number(p.get('limit'))), total: 2500 });
    });
    const found = await findMembers(group, '', new AbortController().signal);
    expect(found).toHaveLength(2500);
    expect(new Set(found.map((m) => m.uuid)).size).toBe(2500);
    expect(calls.map((c) => params(c.url).get('start'))).toEqual([null, '1000', '2000']);
    expect(calls.map((c) => params(c.url).get('limit'))).toEqual(['1000', '1000', '1000']);
  });
});
