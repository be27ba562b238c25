import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queryClient';
import { fakeFetch, json } from '../../test/fakeFetch';
import { candidateSearch, memberIdsQuery } from './api';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const group = 'f'.repeat(32);
const project = 'e'.repeat(32);

function membersOf(count: number) {
  return fakeFetch((call) => {
    const url = new URL(call.url, 'http://console');
    if (url.pathname.endsWith('/iam2/IAM2VirtualIDGroup/IAM2VirtualID')) {
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Number(url.searchParams.get('limit'));
      const all = Array.from({ length: count }, (_, i) => ({ uuid: hex(i), name: `m${i}` }));
      return json(200, { inventories: all.slice(start, start + limit), total: count });
    }
    return json(200, { inventories: [{ uuid: hex(99999), name: 'candidate' }], total: 1 });
  });
}

describe('the Virtual IDs picker query', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the complete member set page by page with sortBy/sortDirection, not sort=', async () => {
    const { calls } = membersOf(1001);
    const ids = await createQueryClient().fetchQuery(memberIdsQuery(group));
    expect(ids).toHaveLength(1001);
    const urls = calls.map((c) => new URL(c.url, 'http://console'));
    expect(urls.map((u) => u.searchParams.get('start'))).toEqual(['0', '1000']);
    for (const u of urls) {
      expect(u.searchParams.get('groupUuid')).toBe(group);
      expect(u.searchParams.get('sortBy')).toBe('name');
      expect(u.searchParams.get('sortDirection')).toBe('asc');
      expect(u.searchParams.get('replyWithCount')).toBe('true');
      expect(u.searchParams.has('sort')).toBe(false);
    }
  });

  it('excludes every member in the query and searches by name, one page at a time', async () => {
    const { calls } = membersOf(3);
    const search = candidateSearch(createQueryClient(), group, project);
    const page = await search('b_b%', new AbortController().signal);
    expect(page).toEqual({ items: [{ uuid: hex(99999), name: 'candidate' }], total: 1 });
    const url = new URL(calls.at(-1)!.url, 'http://console');
    expect(url.pathname).toBe('/zstack/v1/iam2/virtual-ids');
    expect(url.searchParams.getAll('q')).toEqual([
      `projects.uuid=${project}`,
      `uuid!?=${hex(0)},${hex(1)},${hex(2)}`,
      'name~=%b\\_b\\%%',
    ]);
    expect(url.searchParams.get('limit')).toBe('20');
    expect(url.searchParams.get('sort')).toBe('+name');
  });

  it('asks for the member set once while it is fresh, whatever is typed', async () => {
    const { calls } = membersOf(0);
    const search = candidateSearch(createQueryClient(), group, project);
    await search('', new AbortController().signal);
    await search('a', new AbortController().signal);
    const memberReads = calls.filter((c) => c.url.includes('IAM2VirtualIDGroup'));
    expect(memberReads).toHaveLength(1);
    const last = new URL(calls.at(-1)!.url, 'http://console');
    // an empty group excludes nothing (and sends no empty "not in" list)
    expect(last.searchParams.getAll('q')).toEqual([`projects.uuid=${project}`, 'name~=%a%']);
  });
});
