import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, Harness, q, type Reply } from './harness.ts';

let h: Harness;
let admin: string;
const sg: Record<string, string> = {};

beforeAll(async () => {
  h = await Harness.start();
  admin = await h.login('admin');
  for (const name of ['web-pool', 'web-v6-pool', 'shared-pool', 'orphan-pool', 'dev-pool'])
    sg[name] = await h.uuidOf('/load-balancers/servergroups', name, admin);
});
afterAll(() => h.close());

interface Nic {
  uuid: string;
  ip: string;
  metaData?: string;
  usedIps: { ip: string; ipVersion: number }[];
}
const invs = <T>(r: Reply): T[] => (r.json?.inventories as T[] | undefined) ?? [];
const ips = (r: Reply) => invs<Nic>(r).map((n) => n.ip);
const names = (r: Reply) => invs<{ name: string }>(r).map((n) => n.name);
const candidates = (query: string, session = admin) =>
  h.get(`/load-balancers/servergroups/candidate-nics?${query}`, session);

describe('GetCandidateVmNicsForLoadBalancerServerGroup (VirtualRouterLoadBalancerBackend)', () => {
  it("offers the user VMs' NICs on the router's guest networks with the service, of the group's version, minus members", async () => {
    const r = await candidates(`servergroupUuid=${sg['web-pool']}&ipVersion=6`);
    expect(r.status).toBe(200);
    // not web-1 (a member), not db-net (no LoadBalancer service), not web-v6 (IPv6 only: the group is IPv4),
    // not the router's own NICs (metaData), dual-1 (dual stack) fits; the group's version wins over ipVersion=6
    expect(ips(r)).toEqual([
      '10.0.0.12',
      '10.0.0.13',
      '10.0.0.21',
      '10.0.0.66',
      '10.0.0.14',
      '10.0.0.5',
      '10.0.2.10',
    ]);
    expect(r.json).not.toHaveProperty('total');
    expect(invs<Nic>(r).every((n) => n.metaData === undefined)).toBe(true);
    expect(
      invs<Nic>(r)
        .at(-1)
        ?.usedIps.map((u) => u.ipVersion),
    ).toEqual([4, 6]);

    expect(ips(await candidates(`servergroupUuid=${sg['web-v6-pool']}`))).toEqual([
      'fd00:10::10',
      '10.0.2.10',
    ]);
    // a load balancer alone: every NIC it reaches, members included
    const lb = await h.uuidOf('/load-balancers', 'web-lb', admin);
    expect(ips(await candidates(`loadBalancerUuid=${lb}`))).toContain('10.0.0.11');
    expect(ips(await candidates(`loadBalancerUuid=${lb}&ipVersion=6`))).toEqual(['fd00:10::10', '10.0.2.10']);
  });

  it("reads the networks of the router that serves the group's members, and offers stopped VMs", async () => {
    // shared-pool: shared-vm-1 (running) and shared-vm-2 (stopped) are members; shared-lb's router serves shared-net only
    expect(ips(await candidates(`servergroupUuid=${sg['shared-pool']}`))).toEqual([]);
    expect(ips(await candidates(`servergroupUuid=${sg['dev-pool']}`))).toEqual([]);
    const lb = await h.uuidOf('/load-balancers', 'shared-lb', admin);
    expect(ips(await candidates(`loadBalancerUuid=${lb}`))).toEqual(['10.3.0.11', '10.3.0.12']);
  });

  it('needs a group or a load balancer, and valid values', async () => {
    const none = errorOf(await candidates(''));
    expect(none).toMatchObject({
      code: 'SYS.1006',
      details:
        'could not get candidate vmnic, because both load balancer uuid and server group uuid are not specified',
    });
    expect(errorOf(await candidates('servergroupUuid=nope')).code).toBe('SYS.1003');
    const lb = await h.uuidOf('/load-balancers', 'web-lb', admin);
    expect(errorOf(await candidates(`loadBalancerUuid=${lb}&ipVersion=5`)).details).toBe(
      'valid value for field[ipVersion] of message[org.zstack.header.message.ApiMessageParamValidator] are [4, 6], but 5 found',
    );
    expect(errorOf(await candidates(`servergroupUuid=${sg['orphan-pool']}`)).code).toBe('SYS.1000');
  });
});

describe('GetCandidateL3NetworksForServerGroup / ForLoadBalancer', () => {
  it("answers the guest networks with the service of the load balancer's router", async () => {
    const r = await h.get(
      `/load-balancers/servergroups/candidate-l3network?serverGroupUuid=${sg['web-pool']}`,
      admin,
    );
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(['app-net', 'app-net-v6', 'dual-net']);
    expect(invs<{ ipRanges: unknown[] }>(r)[2]?.ipRanges).toHaveLength(2);
    const lb = await h.uuidOf('/load-balancers', 'shared-lb', admin);
    const byLb = await h.get(
      `/load-balancers/servergroups/candidate-l3network?loadBalancerUuid=${lb}`,
      admin,
    );
    expect(names(byLb)).toEqual(['shared-net']);
    const listener = await h.uuidOf('/load-balancers/listeners', 'https-443', admin);
    const byListener = await h.get(`/load-balancers/listeners/${listener}/networks/candidates`, admin);
    expect(names(byListener)).toEqual(['app-net', 'app-net-v6', 'dual-net']);
    // a project member reads them too (the networks are not filtered by owner)
    const auditor = await h.loginVid('auditor', 'ops');
    const forAuditor = await h.get(`/load-balancers/listeners/${listener}/networks/candidates`, auditor);
    expect(names(forAuditor)).toEqual(['app-net', 'app-net-v6', 'dual-net']);
  });

  it('pages with limit and start as APIGetMessage.filter does', async () => {
    const path = `/load-balancers/servergroups/candidate-l3network?serverGroupUuid=${sg['web-pool']}`;
    expect(names(await h.get(`${path}&limit=1&start=1`, admin))).toEqual(['app-net-v6']);
    expect(names(await h.get(`${path}&start=3`, admin))).toEqual([]);
    // a start beyond the end answers everything
    expect(names(await h.get(`${path}&start=4`, admin))).toEqual(['app-net', 'app-net-v6', 'dual-net']);
  });

  it('needs a group or a load balancer; unknown uuids are SYS.1003', async () => {
    expect(errorOf(await h.get('/load-balancers/servergroups/candidate-l3network', admin))).toMatchObject({
      code: 'SYS.1006',
      details:
        'could not get candidate l3 network, because both load balancer uuid and server group uuid are not specified',
    });
    const unknown = await h.get(
      '/load-balancers/listeners/0123456789abcdef0123456789abcdef/networks/candidates',
      admin,
    );
    expect(errorOf(unknown).code).toBe('SYS.1003');
  });
});

/**
 * The console's paged equivalent (sim/README.md "Candidate NICs through paged queries"): the networks once,
 * then a NIC query; members are marked from the group's vmNicRefs (ZStack's "!?=" through a relation
 * cannot exclude them: it matches only NICs in some other group).
 */
async function pagedCandidates(group: string, session: string): Promise<string[]> {
  const l3s = invs<{ uuid: string }>(
    await h.get(`/load-balancers/servergroups/candidate-l3network?serverGroupUuid=${group}`, session),
  ).map((l) => l.uuid);
  const sgInv = invs<{ ipVersion: number; vmNicRefs: { vmNicUuid: string }[] }>(
    await h.get(`/load-balancers/servergroups/${group}`, session),
  )[0];
  const members = new Set(sgInv?.vmNicRefs.map((r) => r.vmNicUuid));
  const conditions = q(
    `l3NetworkUuid?=${l3s.join(',')}`,
    'vmInstance.type?=UserVM,baremetal2',
    'vmInstance.state?=Running,Stopped',
    'metaData is null',
    'ip not null',
    `usedIp.ipVersion=${sgInv?.ipVersion ?? 4}`,
  );
  const out: string[] = [];
  for (let start = 0; ; start += 3) {
    const page = invs<Nic>(await h.get(`/vm-instances/nics?${conditions}&limit=3&start=${start}`, session));
    out.push(...page.filter((n) => !members.has(n.uuid)).map((n) => n.uuid));
    if (page.length < 3) return out;
  }
}

describe('the same set through paged queries', () => {
  it('matches GetCandidateVmNicsForLoadBalancerServerGroup for an admin and a project session', async () => {
    const opsAdmin = await h.loginVid('ops-admin', 'ops');
    for (const session of [admin, opsAdmin]) {
      for (const group of ['web-pool', 'web-v6-pool']) {
        const api = invs<Nic>(await candidates(`servergroupUuid=${sg[group]}`, session)).map((n) => n.uuid);
        expect(api.length, group).toBeGreaterThan(0);
        expect(new Set(await pagedCandidates(sg[group] ?? '', session)), group).toEqual(new Set(api));
      }
    }
  });
});
