import type { APIRequestContext } from '@playwright/test';
import { adminSession, callZStack, expect, type Sim, type SimRequest } from './fixtures';

/**
 * Helpers of the journeys at the size of a big cloud (e2e/scale-*.spec.ts, on the console + simulator
 * with SIM_SCALE=10000): seeding large groups through ZStack's own APIs, and the request lines sent.
 */

/** The request line the simulator received (`GET /zstack/v1/...?... HTTP/1.1`), as the browser wrote it. */
export function requestLine(r: SimRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(r.query ?? {}))
    for (const v of [value].flat()) params.append(key, v);
  const qs = params.toString();
  return `${r.method} ${r.path}${qs ? `?${qs}` : ''} HTTP/1.1`;
}

/** The longest request line of everything the simulator received since its log was cleared. */
export async function longestRequestLine(sim: Sim): Promise<{ length: number; line: string }> {
  const lines = (await sim.requests()).map(requestLine);
  const line = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
  return { length: line.length, line: line.slice(0, 200) };
}

/** UUIDs of up to `limit` inventories matching `q`, for test setup (one read, no paging needed here). */
async function uuids(request: APIRequestContext, session: string, path: string, q: string, limit: number) {
  const res = await request.get(`/zstack/v1${path}`, {
    params: new URLSearchParams([
      ['q', q],
      ['limit', String(limit)],
      ['fields', 'uuid'],
      ['sort', '+uuid'],
    ]),
    headers: { Authorization: `OAuth ${session}` },
  });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { inventories: { uuid: string }[] }).inventories.map((i) => i.uuid);
}

async function groupUuid(request: APIRequestContext, session: string, path: string, name: string) {
  const [uuid] = await uuids(request, session, path, `name=${name}`, 1);
  expect(uuid, `${path} ${name}`).toBeTruthy();
  return uuid!;
}

/** Group `oncall` with `count` more members (vid-000001...), in one AddIAM2VirtualIDsToGroup. */
export async function seedMembers(request: APIRequestContext, count: number): Promise<string> {
  const session = await adminSession(request);
  const group = await groupUuid(request, session, '/iam2/projects/groups', 'oncall');
  const ids = await uuids(request, session, '/iam2/virtual-ids', 'name~=vid-%', count);
  expect(ids).toHaveLength(count);
  const added = await callZStack(request, session, 'POST', `/iam2/projects/groups/${group}/virtual-ids`, {
    params: { virtualIDUuids: ids },
  });
  expect(added.status).toBe(200);
  return group;
}

/** Server group `scale-pool-000001` with `count` backends (the NICs of vm-000001...) at weight 50. */
export async function seedBackends(request: APIRequestContext, count: number): Promise<string> {
  const session = await adminSession(request);
  const group = await groupUuid(request, session, '/load-balancers/servergroups', 'scale-pool-000001');
  const nics = await uuids(request, session, '/vm-instances/nics', 'vmInstance.name~=vm-%', count);
  expect(nics).toHaveLength(count);
  const added = await callZStack(
    request,
    session,
    'POST',
    `/load-balancers/servergroups/${group}/backendservers`,
    {
      params: { vmNics: nics.map((uuid) => ({ uuid, weight: '50' })) },
    },
  );
  expect(added.status, JSON.stringify(added.body).slice(0, 300)).toBe(200);
  return group;
}
