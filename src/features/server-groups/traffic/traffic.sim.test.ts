import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { zstack } from '../../../api/client';
import { callAsync } from '../../../api/jobs';
import { setSessionId } from '../../../api/session';
import { planDrain } from './drain';
import { healthCheckLines, listenerSettingsQuery } from './listenerSettings';
import { englishText } from './englishText';
import { groupListeners, peerGroupsQuery, shareListeners } from './pool';
import { groupShares, type ShareBackend } from './shares';
import { backendStatus, vmStatesQuery } from './status';
import { backendHealthQuery, backendSessionsQuery, healthOf, sessionsOf } from './zwatch';

/**
 * The traffic reads and the drain against the simulator over real HTTP: what the console sends is what a
 * node takes, and what it answers parses into the figures the table shows. The simulator is loaded at run
 * time (it is Node code outside the console's sources) and served on a random port of 127.0.0.1.
 */
interface Sim {
  handle(req: unknown, res: unknown): void;
  attach(server: unknown): void;
  close(): void;
}
interface HttpServer {
  listen(port: number, host: string, done: () => void): void;
  address(): { port: number };
  closeAllConnections(): void;
  close(done: () => void): void;
}
const simModule = '../../../../sim/index.ts';
const httpModule = 'node:http';

let sim: Sim;
let server: HttpServer;
let origin = '';
const realFetch = globalThis.fetch;

beforeAll(async () => {
  const { createSimulator } = (await import(/* @vite-ignore */ simModule)) as {
    createSimulator(opts: object): Sim;
  };
  const { createServer } = (await import(/* @vite-ignore */ httpModule)) as {
    createServer(handler: (req: unknown, res: unknown) => void): HttpServer;
  };
  sim = createSimulator({ jobDurationMs: 20, locale: 'en_US' });
  server = createServer((req, res) => sim.handle(req, res));
  sim.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(new URL(String(input), origin), init),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  sim.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(resolve));
});

/** A simulator control (sim/controls.ts: a JSON body and the X-Sim-Control header); fails the test if refused. */
async function control(path: string, body: unknown = {}): Promise<void> {
  const res = await realFetch(`${origin}/__sim${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sim-Control': '1' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/__sim${path} answered ${res.status}: ${await res.text()}`);
}

async function sha512(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-512', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface Group {
  uuid: string;
  loadBalancerUuid: string;
  vmNicRefs: { vmNicUuid: string; weight: number; status: string; ipVersion: number }[];
}

/** web-pool of web-lb (seed): web-1's NIC, on http-80 (weightroundrobin, with canary-pool) and https-443. */
async function webPool() {
  const group = (
    await zstack.get<{ inventories: Group[] }>('/load-balancers/servergroups', {
      q: 'name=web-pool',
      limit: 1,
    })
  ).inventories[0]!;
  const lb = (
    await zstack.get<{ inventories: { listeners: unknown; type: string }[] }>(
      `/load-balancers/${group.loadBalancerUuid}`,
    )
  ).inventories[0]!;
  const nic = (
    await zstack.get<{ inventories: { uuid: string; ip: string; vmInstanceUuid: string }[] }>(
      '/vm-instances/nics',
      {
        q: `uuid=${group.vmNicRefs[0]!.vmNicUuid}`,
        limit: 1,
      },
    )
  ).inventories[0]!;
  return { group, lb, nic, topology: groupListeners(lb.listeners, group.uuid) };
}

beforeEach(async () => {
  await control('/reset');
  const login = await zstack.put<{ inventory: { uuid: string } }>(
    '/accounts/login',
    { logInByAccount: { accountName: 'admin', password: await sha512('password') } },
    { auth: false },
  );
  setSessionId(login.inventory.uuid);
});

describe('against the simulator', () => {
  it('reads each listener’s algorithm and check, and gives the shares they imply', async () => {
    const client = new QueryClient();
    const { group, topology } = await webPool();
    expect(topology.map((l) => [l.name, l.peerGroupUuids.length])).toEqual([
      ['http-80', 1],
      ['https-443', 0],
    ]);
    const settings = await client.fetchQuery(listenerSettingsQuery(topology.map((l) => l.uuid)));
    const [http, https] = topology.map((l) => settings.get(l.uuid)!);
    expect([
      http!.algorithm,
      ...healthCheckLines(http!.healthCheck, topology[0]!.instancePort).map(englishText),
    ]).toEqual([
      'weightroundrobin',
      'HTTP check: HEAD / on port 8080 every 5 s, expecting 2xx',
      'Up after 2 passing checks in a row, down after 6 failing ones',
    ]);
    expect([https!.algorithm, https!.algorithmTagged, https!.healthCheck.protocol]).toEqual([
      'roundrobin',
      true,
      'tcp',
    ]);

    const peers = await client.fetchQuery(peerGroupsQuery(topology.flatMap((l) => l.peerGroupUuids)));
    const backends: ShareBackend[] = group.vmNicRefs.map((r) => ({ key: r.vmNicUuid, ...r }));
    const shares = groupShares(backends, shareListeners({ topology, settings, peers }));
    expect(shares.listeners.map((l) => [l.mode, l.cells.get(backends[0]!.key)])).toEqual([
      ['weighted', { kind: 'share', percent: 100 }],
      ['equal', { kind: 'share', percent: 100 }],
    ]);
  });

  it('shows a stopped VM’s backend as Inactive, with the VM’s state', async () => {
    await control('/vms/state', { name: 'web-1', state: 'Stopped' });
    const { group, nic } = await webPool();
    const states = await new QueryClient().fetchQuery(vmStatesQuery([nic.vmInstanceUuid]));
    const status = backendStatus({
      kind: 'nic',
      status: group.vmNicRefs[0]!.status,
      vmState: states.get(nic.vmInstanceUuid),
    });
    expect([status.attachment.status, status.vm?.state, status.inConfiguration]).toEqual([
      'Inactive',
      'Stopped',
      false,
    ]);
  });

  it('without ZWatch: says so, after one request for the whole session', async () => {
    const client = new QueryClient();
    const { group, nic, topology } = await webPool();
    const scope = (ips: string[]) => ({
      loadBalancerUuid: group.loadBalancerUuid,
      listenerUuids: topology.map((l) => l.uuid),
      ips,
    });
    const answer = await client.fetchQuery(backendHealthQuery(client, scope([nic.ip])));
    expect(healthOf(answer, topology[0]!.uuid, nic.ip)).toBe('needsZWatch');
    // the next page, and the sessions of a drain
    await client.fetchQuery(backendHealthQuery(client, scope(['10.0.0.99'])));
    await client.fetchQuery(backendSessionsQuery(client, scope([nic.ip])));
    const log = (await (await realFetch(`${origin}/__sim/requests`)).json()) as {
      path: string;
      status: number;
    }[];
    expect(log.filter((r) => r.path.includes('zwatch')).map((r) => r.status)).toEqual([404]);
  });

  it('with ZWatch: health and sessions per listener', async () => {
    await control('/zwatch', { enabled: true });
    const client = new QueryClient();
    const { group, nic, topology } = await webPool();
    const scope = {
      loadBalancerUuid: group.loadBalancerUuid,
      listenerUuids: topology.map((l) => l.uuid),
      ips: [nic.ip],
    };
    await control('/zwatch/backends', { ip: nic.ip, sessions: 12 });
    const sessions = await client.fetchQuery(backendSessionsQuery(client, scope));
    expect(sessionsOf(sessions, scope.listenerUuids, nic.ip)).toBe(24);
    await control('/zwatch/backends', { ip: nic.ip, listenerUuid: topology[1]!.uuid, up: false });
    const health = await client.fetchQuery(backendHealthQuery(client, scope));
    expect(topology.map((l) => healthOf(health, l.uuid, nic.ip))).toEqual(['up', 'down']);
  });

  it('refuses to drain where a listener ignores weights; drains on weighted round robin until no session is open', async () => {
    await control('/zwatch', { enabled: true });
    const client = new QueryClient();
    const { lb, nic, topology } = await webPool();
    const algorithms = async (t: typeof topology) => {
      const settings = await client.fetchQuery(listenerSettingsQuery(t.map((l) => l.uuid)));
      return {
        listeners: t.map((l) => ({ ...l, algorithm: settings.get(l.uuid)?.algorithm })),
        settings,
        loadBalancerType: lb.type,
      };
    };
    const web = planDrain(
      [{ key: nic.uuid, ref: { kind: 'nic', uuid: nic.uuid }, weight: 100, label: 'web-1' }],
      await algorithms(topology),
    );
    expect(!web.ok && web.reason).toEqual({
      key: 'traffic.drain.refusedAlgorithm',
      values: { listeners: 'https-443' },
    });

    // canary-pool is on http-80 alone (weighted round robin): give it a server address with open sessions
    const canary = (
      await zstack.get<{ inventories: Group[] }>('/load-balancers/servergroups', {
        q: 'name=canary-pool',
        limit: 1,
      })
    ).inventories[0]!;
    const ip = '10.0.0.50';
    await callAsync({
      method: 'POST',
      path: `/load-balancers/servergroups/${canary.uuid}/backendservers`,
      body: { params: { servers: [{ ipAddress: ip, weight: '100' }] } },
    });
    await control('/zwatch/backends', { ip, sessions: 5 });
    const canaryListeners = groupListeners(lb.listeners, canary.uuid);
    const plan = planDrain(
      [{ key: `ip:${ip}`, ref: { kind: 'ip', ipAddress: ip }, weight: 100, label: ip, ip }],
      await algorithms(canaryListeners),
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    await callAsync({
      method: 'PUT',
      path: `/load-balancers/servergroups/${canary.uuid}/backendserver/actions`,
      body: plan.body,
    });
    const scope = {
      loadBalancerUuid: canary.loadBalancerUuid,
      listenerUuids: canaryListeners.map((l) => l.uuid),
      ips: [ip],
    };
    let open: number | 'noData' | undefined;
    for (let i = 0; i < 40 && open !== 0; i++) {
      if (i) await new Promise((r) => setTimeout(r, 200));
      open = sessionsOf(
        await client.fetchQuery({ ...backendSessionsQuery(client, scope), staleTime: 0 }),
        scope.listenerUuids,
        ip,
      );
    }
    expect(open).toBe(0);
  });
});
