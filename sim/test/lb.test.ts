import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, Harness, q, type Reply } from './harness.ts';

let h: Harness;
let admin: string;
const sg: Record<string, string> = {};
const nic: Record<string, { uuid: string; ip: string }> = {};

beforeAll(async () => {
  h = await Harness.start({ jobDurationMs: 5 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control('POST', '/reset');
  admin = await h.login('admin');
  for (const name of [
    'web-pool',
    'api-pool',
    'canary-pool',
    'web-v6-pool',
    'shared-pool',
    'orphan-pool',
    'dev-pool',
  ]) {
    sg[name] = await h.uuidOf('/load-balancers/servergroups', name, admin);
  }
  for (const vm of ['web-1', 'web-2', 'web-3', 'api-1', 'db-1', 'web-v6', 'web-stopped'])
    nic[vm] = await h.nicOf(vm);
  nic['gateway-1/db'] = await h.nicOf('gateway-1', 1);
});

const add = (group: string, params: unknown, session = admin) =>
  h.call('POST', `/load-balancers/servergroups/${sg[group]}/backendservers`, { session, body: { params } });
const remove = (group: string, params: unknown, session = admin) =>
  h.call('PUT', `/load-balancers/servergroups/${sg[group]}/backendservers/actions`, {
    session,
    body: { removeBackendServerFromServerGroup: params },
  });
const change = (group: string, params: unknown, session = admin) =>
  h.call('PUT', `/load-balancers/servergroups/${sg[group]}/backendserver/actions`, {
    session,
    body: { changeLoadBalancerBackendServer: params },
  });

interface Group {
  vmNicRefs: { vmNicUuid: string; weight: number; ipVersion: number; status: string; id: number }[];
  serverIps: { ipAddress: string; weight: number; status: string }[];
}
const group = async (name: string): Promise<Group> => {
  const r = await h.get(`/load-balancers/servergroups/${sg[name]}`, admin);
  return (r.json?.inventories as Group[])[0] as Group;
};
const expectError = (r: Reply, code: string, details: string) => {
  expect(r.status).toBe(503);
  expect(errorOf(r)).toMatchObject({ code, details });
};

describe('AddBackendServerToServerGroup', () => {
  it('adds NICs and server IPs with the {"uuid","weight"} / {"ipAddress","weight"} form and returns the group', async () => {
    const r = await add('api-pool', {
      vmNics: [{ uuid: nic['web-2']?.uuid, weight: '20' }, { uuid: nic['api-1']?.uuid }],
      servers: [{ ipAddress: '192.168.2.1', weight: '30' }, { ipAddress: 'fd00:99::1' }],
    });
    expect(r.status).toBe(200);
    const inv = r.json?.inventory as Group & { uuid: string };
    expect(inv.uuid).toBe(sg['api-pool']);
    expect(inv.vmNicRefs.map((n) => [n.vmNicUuid, n.weight, n.ipVersion, n.status])).toEqual([
      [nic['web-2']?.uuid, 20, 4, 'Active'],
      [nic['api-1']?.uuid, 100, 4, 'Active'],
    ]);
    expect(inv.serverIps.map((s) => [s.ipAddress, s.weight, s.status])).toEqual([
      ['192.168.2.1', 30, 'Active'],
      ['fd00:99::1', 100, 'Active'],
    ]);
    expect(await group('api-pool')).toMatchObject({ vmNicRefs: inv.vmNicRefs, serverIps: inv.serverIps });
  });

  it('refuses the published doc-sample form [{"<nic uuid>": "10"}]: "vmnic uuid is null"', async () => {
    const r = await add('api-pool', { vmNics: [{ [nic['web-2']?.uuid ?? '']: '10' }] });
    expectError(
      r,
      'SYS.1007',
      `could not add backend server vmnic to serverGroup[uuid:${sg['api-pool']}],because vmnic uuid is null`,
    );
    expect((await group('api-pool')).vmNicRefs).toEqual([]);
  });

  it('refuses a group whose load balancer is gone', async () => {
    expectError(
      await add('orphan-pool', { servers: [{ ipAddress: '10.9.9.9' }] }),
      'SYS.1007',
      `loadbalacerServerGroup [${sg['orphan-pool']}] is non-existent`,
    );
  });

  it('refuses a NIC that does not exist', async () => {
    const bogus = '0123456789abcdef0123456789abcdef';
    expectError(
      await add('api-pool', { vmNics: [{ uuid: bogus }] }),
      'SYS.1007',
      `could not add backend server vmnic[uuid:${bogus}] to serverGroup[uuid:${sg['api-pool']}],because vmnic uuid is not exist`,
    );
  });

  it('words every bad weight as "not a correct number", exactly as ZStack renders it', async () => {
    for (const weight of ['abc', '-1', '101', '1.5', '', ' 5', '1e3']) {
      const r = await add('api-pool', { vmNics: [{ uuid: nic['web-2']?.uuid, weight }] });
      expectError(
        r,
        'SYS.1007',
        `could not add backend server vmnic to serverGroup[uuid:${weight}] ,because vmnic weight[{1}] not a correct number`,
      );
    }
    // Gson reads JSON numbers as Long or Double: 20 is "20", 20.5 is "20.5", 1e3 is "1000.0".
    expect(
      errorOf(await add('api-pool', { vmNics: [{ uuid: nic['web-2']?.uuid, weight: 20.5 }] })).details,
    ).toContain('[uuid:20.5]');
    const exp = await h.call('POST', `/load-balancers/servergroups/${sg['api-pool']}/backendservers`, {
      session: admin,
      rawBody: `{"params":{"vmNics":[{"uuid":"${nic['web-2']?.uuid}","weight":1e3}]}}`,
    });
    expect(errorOf(exp).details).toContain('[uuid:1000.0]');
    const ok = await add('api-pool', { vmNics: [{ uuid: nic['web-2']?.uuid, weight: 0 }] });
    expect(ok.status).toBe(200);
    expect((await group('api-pool')).vmNicRefs[0]?.weight).toBe(0);
  });

  it('refuses NICs whose L3 network has no LoadBalancer service', async () => {
    const dbNet = await h.uuidOf('/l3-networks', 'db-net', admin);
    expectError(
      await add('api-pool', { vmNics: [{ uuid: nic['web-2']?.uuid }, { uuid: nic['db-1']?.uuid }] }),
      'SYS.1006',
      `L3 networks[uuids:[${dbNet}]] of the vm nics has no network service[LoadBalancer] enabled`,
    );
  });

  it('refuses a NIC already in the group', async () => {
    expectError(
      await add('web-pool', { vmNics: [{ uuid: nic['web-2']?.uuid }, { uuid: nic['web-1']?.uuid }] }),
      'SYS.1006',
      `the vm nics[uuid:[${nic['web-1']?.uuid}]] are already on the load balancer servegroup [uuid:${sg['web-pool']}]`,
    );
  });

  it('refuses a NIC whose IP is already a server IP of the group', async () => {
    expect((await add('api-pool', { servers: [{ ipAddress: nic['web-2']?.ip }] })).status).toBe(200);
    expectError(
      await add('api-pool', { vmNics: [{ uuid: nic['web-2']?.uuid }] }),
      'SYS.1006',
      `could not add backend server vmnic to serverGroup [uuid:${sg['api-pool']}], because vmnic ip [ipAddress:[${nic['web-2']?.ip}]] is repeated`,
    );
  });

  it('refuses a NIC a listener of the group already has through another group', async () => {
    const listener = await h.uuidOf('/load-balancers/listeners', 'http-80', admin);
    expectError(
      await add('canary-pool', { vmNics: [{ uuid: nic['web-1']?.uuid }] }),
      'SYS.1006',
      `could not add vm nic [uuid:[${nic['web-1']?.uuid}]] to server group [uuid:${sg['canary-pool']}] because listener [uuid:${listener}] attached this server group already the nic to be added`,
    );
  });

  it('refuses invalid server IPs, naming the valid ones seen so far (as ZStack does)', async () => {
    expectError(
      await add('api-pool', { servers: [{ ipAddress: '999.1.1.1' }] }),
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${sg['api-pool']}], because ip [ipAddress:[]] is invalid`,
    );
    expectError(
      await add('api-pool', { servers: [{ ipAddress: '10.9.9.9' }, { ipAddress: '::gg' }] }),
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${sg['api-pool']}], because ip [ipAddress:[10.9.9.9]] is invalid`,
    );
    expectError(
      await add('api-pool', { servers: [{ weight: '10' }] }),
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${sg['api-pool']}], because ip [ipAddress:[]] is invalid`,
    );
  });

  it('refuses a server IP already used in the group ("is repeated"), or equal but for case ("already on")', async () => {
    expectError(
      await add('web-pool', { servers: [{ ipAddress: nic['web-1']?.ip }] }),
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${sg['web-pool']}], because ip [ipAddress:${nic['web-1']?.ip}] is repeated`,
    );
    expect((await add('api-pool', { servers: [{ ipAddress: 'fd00:99::a' }] })).status).toBe(200);
    expectError(
      await add('api-pool', { servers: [{ ipAddress: 'FD00:99::A' }] }),
      'SYS.1006',
      `the server ips [uuid:[fd00:99::a]] are already on the load balancer servegroup [uuid:${sg['api-pool']}]`,
    );
  });

  it('refuses a bad server weight', async () => {
    expectError(
      await add('api-pool', { servers: [{ ipAddress: '10.9.9.9', weight: '101' }] }),
      'SYS.1007',
      'could not add backend server ip to serverGroup[uuid:101] ,because vmnic weight[{1}] not a correct number',
    );
  });

  it('refuses server IPs on a Shared load balancer', async () => {
    expectError(
      await add('shared-pool', { servers: [{ ipAddress: '10.9.9.9' }] }),
      'SYS.1007',
      'could not add server ip to share load balancer server group',
    );
  });

  it('refuses an empty request', async () => {
    expectError(await add('api-pool', { vmNics: [], servers: [] }), 'SYS.1007', 'vmnic or ip is null');
    expectError(await add('api-pool', {}), 'SYS.1007', 'vmnic or ip is null');
  });

  it('checks NICs before servers and changes nothing when any check fails', async () => {
    const r = await add('api-pool', {
      vmNics: [{ uuid: nic['web-2']?.uuid }, { uuid: 'missing' }],
      servers: [{ ipAddress: 'bad' }],
    });
    expect(errorOf(r).details).toContain('vmnic[uuid:missing]');
    const half = await add('api-pool', {
      vmNics: [{ uuid: nic['web-2']?.uuid }],
      servers: [{ ipAddress: 'bad' }],
    });
    expect(errorOf(half).code).toBe('SYS.1006');
    expect(await group('api-pool')).toMatchObject({ vmNicRefs: [], serverIps: [] });
  });

  it('answers 500 when the JSON cannot be mapped to the parameter types', async () => {
    const r = await h.request('POST', `/load-balancers/servergroups/${sg['api-pool']}/backendservers`, {
      session: admin,
      body: { params: { vmNics: 'web-2' } },
    });
    expect(r.status).toBe(500);
    expect(r.text).toContain('Expected BEGIN_ARRAY but was STRING');
  });
});

describe('RemoveBackendServerFromServerGroup', () => {
  it('removes NICs and server IPs, skipping entries that are not in the group', async () => {
    await add('api-pool', {
      vmNics: [{ uuid: nic['web-2']?.uuid }, { uuid: nic['web-3']?.uuid }],
      servers: [{ ipAddress: '10.9.9.9' }],
    });
    const r = await remove('api-pool', {
      vmNicUuids: [nic['web-2']?.uuid, nic['api-1']?.uuid],
      serverIps: ['10.9.9.9', '10.8.8.8'],
    });
    expect(r.status).toBe(200);
    const inv = r.json?.inventory as Group;
    expect(inv.vmNicRefs.map((n) => n.vmNicUuid)).toEqual([nic['web-3']?.uuid]);
    expect(inv.serverIps).toEqual([]);
  });

  it('refuses unknown NIC uuids (SYS.1003), NICs or IPs none of which are in the group, and an empty request', async () => {
    expectError(
      await remove('web-pool', { vmNicUuids: ['0123456789abcdef0123456789abcdef'] }),
      'SYS.1003',
      'invalid field[vmNicUuids], resource[uuids:[0123456789abcdef0123456789abcdef], type:VmNicVO] not found',
    );
    expectError(
      await remove('web-pool', { vmNicUuids: [nic['web-2']?.uuid] }),
      'SYS.1006',
      `vmnics are all not in servergroup [${sg['web-pool']}]`,
    );
    expectError(
      await remove('web-pool', { serverIps: ['10.8.8.8'] }),
      'SYS.1006',
      `serverips are all not in servergroup [${sg['web-pool']}]`,
    );
    expectError(await remove('web-pool', {}), 'SYS.1007', 'vmnic or ip is null');
    expect((await group('web-pool')).vmNicRefs).toHaveLength(1);
  });
});

describe('ChangeLoadBalancerBackendServer', () => {
  it('changes weights of NICs and server IPs', async () => {
    await add('api-pool', { vmNics: [{ uuid: nic['web-2']?.uuid }], servers: [{ ipAddress: '10.9.9.9' }] });
    const r = await change('api-pool', {
      vmNics: [{ uuid: nic['web-2']?.uuid, weight: '30' }],
      servers: [{ ipAddress: '10.9.9.9', weight: '0' }],
    });
    expect(r.status).toBe(200);
    const inv = r.json?.inventory as Group;
    expect(inv.vmNicRefs[0]?.weight).toBe(30);
    expect(inv.serverIps[0]?.weight).toBe(0);
  });

  it('validates in ZStack order with its messages', async () => {
    const web1 = nic['web-1']?.uuid;
    const pool = sg['web-pool'];
    expectError(
      await change('web-pool', { vmNics: [{ uuid: nic['web-2']?.uuid, weight: '10' }] }),
      'SYS.1007',
      `could not update backend server vmnic of serverGroup,because serverGroup[uuid:${pool}] don not have vmnic [uuid:true] `,
    );
    expectError(
      await change('web-pool', { vmNics: [{ weight: '10' }] }),
      'SYS.1007',
      `could not update backend server vmnic of serverGroup[uuid:${pool}],because vmnic uuid is null`,
    );
    expectError(
      await change('web-pool', { vmNics: [{ uuid: web1 }] }),
      'SYS.1007',
      `invalid balancer weight[vimNic:${web1}], weight is null`,
    );
    expectError(
      await change('web-pool', { vmNics: [{ uuid: web1, weight: '200' }] }),
      'SYS.1007',
      'could not change backend server vmnic to serverGroup[uuid:200] ,because vmnic weight[{1}] not a correct number',
    );
    expectError(
      await change('web-pool', { servers: [{ ipAddress: 'fd00::1', weight: '1' }] }),
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${pool}], because ip [ipAddress:[]] is invalid`,
    );
    expectError(
      await change('web-pool', { servers: [{ ipAddress: '10.8.8.8', weight: '1' }] }),
      'SYS.1007',
      `could not update backend server ip of serverGroup,because serverGroup[uuid:${pool}] don not have ip [ipAddress:10.8.8.8] `,
    );
    expectError(
      await change('web-pool', {}),
      'SYS.1007',
      'could not change backendserver, beacause vmincs and serverips is null',
    );
    expect((await group('web-pool')).vmNicRefs[0]?.weight).toBe(100);
  });

  it('refuses a missing server weight', async () => {
    await add('api-pool', { servers: [{ ipAddress: '10.9.9.9' }] });
    expectError(
      await change('api-pool', { servers: [{ ipAddress: '10.9.9.9' }] }),
      'SYS.1007',
      'invalid balancer weight[serverIp:10.9.9.9], weight is null',
    );
  });
});

describe('the body as ZStack reads it: null entries, duplicates, dual-stack NICs', () => {
  it('drops null map entries as Gson does: a null weight is the default weight, a null uuid is "uuid is null"', async () => {
    const r = await add('api-pool', {
      vmNics: [{ uuid: nic['web-2']?.uuid, weight: null, ipVersion: null }],
      servers: [{ ipAddress: '10.9.9.9', weight: null }],
    });
    expect(r.status).toBe(200);
    const inv = r.json?.inventory as Group;
    expect(inv.vmNicRefs.map((n) => [n.weight, n.ipVersion])).toEqual([[100, 4]]);
    expect(inv.serverIps.map((s) => s.weight)).toEqual([100]);
    expectError(
      await add('canary-pool', { vmNics: [{ uuid: null, weight: '10' }] }),
      'SYS.1007',
      `could not add backend server vmnic to serverGroup[uuid:${sg['canary-pool']}],because vmnic uuid is null`,
    );
    expectError(
      await add('canary-pool', { servers: [{ ipAddress: null }] }),
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${sg['canary-pool']}], because ip [ipAddress:[]] is invalid`,
    );
  });

  it('Change: a null uuid is "uuid is null", a null weight is "weight is null"', async () => {
    const web1 = nic['web-1']?.uuid;
    expectError(
      await change('web-pool', { vmNics: [{ uuid: null, weight: '10' }] }),
      'SYS.1007',
      `could not update backend server vmnic of serverGroup[uuid:${sg['web-pool']}],because vmnic uuid is null`,
    );
    expectError(
      await change('web-pool', { vmNics: [{ uuid: web1, weight: null }] }),
      'SYS.1007',
      `invalid balancer weight[vimNic:${web1}], weight is null`,
    );
    await add('api-pool', { servers: [{ ipAddress: '10.9.9.9' }] });
    expectError(
      await change('api-pool', { servers: [{ ipAddress: '10.9.9.9', weight: null }] }),
      'SYS.1007',
      'invalid balancer weight[serverIp:10.9.9.9], weight is null',
    );
  });

  it('stores an entry given twice in one add twice (no unique key); Remove deletes both rows', async () => {
    const web2 = nic['web-2']?.uuid;
    const r = await add('api-pool', {
      vmNics: [
        { uuid: web2, weight: '10' },
        { uuid: web2, weight: '90' },
      ],
      servers: [{ ipAddress: '10.9.9.9' }, { ipAddress: '10.9.9.9', weight: '5' }],
    });
    expect(r.status).toBe(200);
    const inv = r.json?.inventory as Group;
    expect(inv.vmNicRefs.map((n) => [n.vmNicUuid, n.weight])).toEqual([
      [web2, 10],
      [web2, 90],
    ]);
    expect(inv.serverIps.map((s) => [s.ipAddress, s.weight])).toEqual([
      ['10.9.9.9', 100],
      ['10.9.9.9', 5],
    ]);
    // Change looks the row up with JPA's getSingleResult, which fails on two.
    const changed = await change('api-pool', { vmNics: [{ uuid: web2, weight: '50' }] });
    expectError(changed, 'SYS.1000', 'query did not return a unique result: 2');
    const removed = await remove('api-pool', { vmNicUuids: [web2], serverIps: ['10.9.9.9'] });
    expect(removed.status).toBe(200);
    expect(await group('api-pool')).toMatchObject({ vmNicRefs: [], serverIps: [] });
  });

  it('checks every used IP of a dual-stack NIC; members count with their primary IP, as ZStack queries them', async () => {
    const dual = await h.nicOf('dual-1');
    const vm = await h.get(`/vm-instances/nics?${q(`uuid=${dual.uuid}`)}`, admin);
    const usedIps = (vm.json?.inventories as { usedIps: { ip: string; ipVersion: number }[] }[])[0]?.usedIps;
    expect(usedIps?.map((u) => [u.ip, u.ipVersion])).toEqual([
      ['10.0.2.10', 4],
      ['fd00:20::10', 6],
    ]);
    // the group already has the NIC's IPv6 address as a server IP: the NIC is refused, naming both its IPs
    await add('api-pool', { servers: [{ ipAddress: 'fd00:20::10' }] });
    expectError(
      await add('api-pool', { vmNics: [{ uuid: dual.uuid }] }),
      'SYS.1006',
      `could not add backend server vmnic to serverGroup [uuid:${sg['api-pool']}], because vmnic ip [ipAddress:[10.0.2.10, fd00:20::10]] is repeated`,
    );
    // in the same request, the NIC's IPs are used for the server IPs that follow
    expectError(
      await add('canary-pool', { vmNics: [{ uuid: dual.uuid }], servers: [{ ipAddress: 'fd00:20::10' }] }),
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${sg['canary-pool']}], because ip [ipAddress:fd00:20::10] is repeated`,
    );
    // once a member, only its primary IP counts against later server IPs
    expect((await add('canary-pool', { vmNics: [{ uuid: dual.uuid }] })).status).toBe(200);
    expect((await add('canary-pool', { servers: [{ ipAddress: 'fd00:20::10' }] })).status).toBe(200);
    expectError(
      await add('canary-pool', { servers: [{ ipAddress: '10.0.2.10' }] }),
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${sg['canary-pool']}], because ip [ipAddress:10.0.2.10] is repeated`,
    );
  });

  it('fails a bad ipVersion in the handler, before anything is written', async () => {
    expectError(
      await add('api-pool', { vmNics: [{ uuid: nic['web-2']?.uuid, ipVersion: 'six' }] }),
      'SYS.1000',
      'For input string: "six"',
    );
    expect((await group('api-pool')).vmNicRefs).toEqual([]);
  });
});

describe('the state a query sees after writes', () => {
  it('a NIC in a group is found through vmNicRef / loadBalancerServerGroup relations', async () => {
    await add('api-pool', { vmNics: [{ uuid: nic['web-3']?.uuid }] });
    const r = await h.get(`/vm-instances/nics?${q('loadBalancerServerGroup.name=api-pool')}`, admin);
    expect(((r.json?.inventories as { uuid: string }[]) ?? []).map((n) => n.uuid)).toEqual([
      nic['web-3']?.uuid,
    ]);
  });
});
