// The benchmark's own calls to the simulator: its controls (/__sim) and a few ZStack API lookups (to find
// the UUIDs of the seeded resources the scenarios open).
import { createHash } from 'node:crypto';

export class SimClient {
  constructor(base) {
    this.base = base;
  }

  async json(method, path, body, headers = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : {};
  }

  config() {
    return this.json('GET', '/__sim/config');
  }

  requests() {
    return this.json('GET', '/__sim/requests');
  }

  clearRequests() {
    return this.json('DELETE', '/__sim/requests');
  }

  /** An admin session for API lookups (never used by the browser). */
  async adminSession() {
    if (this.session) return this.session;
    const password = createHash('sha512').update('password').digest('hex');
    const res = await this.json('PUT', '/zstack/v1/accounts/login', {
      logInByAccount: { accountName: 'admin', password },
    });
    this.session = res.inventory.uuid;
    return this.session;
  }

  async uuidByName(path, name) {
    const session = await this.adminSession();
    const q = new URLSearchParams({ q: `name=${name}`, limit: '1' });
    const res = await this.json('GET', `/zstack/v1${path}?${q}`, undefined, {
      Authorization: `OAuth ${session}`,
    });
    const uuid = res.inventories?.[0]?.uuid;
    if (!uuid) throw new Error(`no ${path} named ${name}`);
    return uuid;
  }
}

/** Query parameters of a logged request, as URLSearchParams (repeated keys kept). */
export function queryOf(record) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(record.query ?? {})) {
    for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  }
  return params;
}

const uuidLike = /^[0-9a-f]{32}$/;

/**
 * A GET that reads a list of rows (a ZStack query API or a paged GET API), as opposed to one row by UUID,
 * a job poll or a session check.
 */
export function isListRead(record) {
  if (record.method !== 'GET') return false;
  const segments = record.path.replace(/^\/zstack\/v1\//, '').split('/');
  const last = segments[segments.length - 1] ?? '';
  if (segments[0] === 'api-jobs') return false;
  if (uuidLike.test(last)) return false;
  if (record.path.includes('/sessions/') || last === 'valid') return false;
  return true;
}

/** The request line the simulator received (`GET /zstack/v1/...?... HTTP/1.1`), rebuilt from its log. */
export function requestLine(record) {
  const qs = queryOf(record).toString();
  return `${record.method} ${record.path}${qs ? `?${qs}` : ''} HTTP/1.1`;
}

/** Follows an async ZStack call of the benchmark's own to its end (setup only). */
async function finished(sim, answer) {
  const location = answer.location && new URL(answer.location).pathname;
  if (!location) return answer;
  for (let i = 0; i < 600; i += 1) {
    const res = await fetch(`${sim.base}${location}`);
    if (res.status !== 202) {
      const text = await res.text();
      if (!res.ok) throw new Error(`${location}: ${res.status} ${text.slice(0, 300)}`);
      return text ? JSON.parse(text) : {};
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${location} did not finish`);
}

async function uuidsOf(sim, path, q, limit) {
  const session = await sim.adminSession();
  const params = new URLSearchParams([
    ['q', q],
    ['limit', String(limit)],
    ['fields', 'uuid'],
    ['sort', '+uuid'],
  ]);
  const res = await sim.json('GET', `/zstack/v1${path}?${params}`, undefined, {
    Authorization: `OAuth ${session}`,
  });
  return res.inventories.map((i) => i.uuid);
}

/** Adds the first `count` generated virtual IDs (vid-000001...) to a group, in one AddIAM2VirtualIDsToGroup. */
export async function seedMembers(sim, groupName, count) {
  const session = await sim.adminSession();
  const group = await sim.uuidByName('/iam2/projects/groups', groupName);
  const ids = await uuidsOf(sim, '/iam2/virtual-ids', 'name~=vid-%', count);
  const answer = await sim.json(
    'POST',
    `/zstack/v1/iam2/projects/groups/${group}/virtual-ids`,
    { params: { virtualIDUuids: ids } },
    {
      Authorization: `OAuth ${session}`,
    },
  );
  await finished(sim, answer);
  return group;
}

/** Adds the NICs of the first `count` generated VMs (vm-000001...) to a server group, in one call. */
export async function seedBackends(sim, poolName, count) {
  const session = await sim.adminSession();
  const pool = await sim.uuidByName('/load-balancers/servergroups', poolName);
  const nics = await uuidsOf(sim, '/vm-instances/nics', 'vmInstance.name~=vm-%', count);
  const answer = await sim.json(
    'POST',
    `/zstack/v1/load-balancers/servergroups/${pool}/backendservers`,
    { params: { vmNics: nics.map((uuid) => ({ uuid, weight: '50' })) } },
    { Authorization: `OAuth ${session}` },
  );
  await finished(sim, answer);
  return pool;
}
