import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, Harness, q } from './harness.ts';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await Harness.start();
  admin = await h.login('admin');
});
afterAll(() => h.close());

type Inv = Record<string, unknown> & { uuid: string; name?: string };
const names = (r: { json?: Record<string, unknown> }): string[] =>
  ((r.json?.inventories as Inv[]) ?? []).map((i) => String(i.name));
/** User VMs only (the seed's virtual routers are VMs too, of type ApplianceVm). */
const vms = (query: string) => h.get(`/vm-instances?${query}&${q('type=UserVM')}`, admin);

describe('operators', () => {
  it('= and != (case-insensitive like MySQL)', async () => {
    expect(names(await vms(q('name=web-1')))).toEqual(['web-1']);
    expect(names(await vms(q('name=WEB-1')))).toEqual(['web-1']);
    const ne = names(await vms(q('name!=web-1')));
    expect(ne).not.toContain('web-1');
    expect(ne).toContain('web-2');
  });

  it('~= and !~= with % and _', async () => {
    expect(names(await vms(q('name~=web-%')))).toEqual(['web-1', 'web-2', 'web-3', 'web-stopped', 'web-v6']);
    expect(names(await vms(q('name~=web-_')))).toEqual(['web-1', 'web-2', 'web-3']);
    expect(names(await vms(q('name~=%EB-2')))).toEqual(['web-2']);
    expect(names(await vms(q('name!~=%-%')))).toEqual(['<img src=x onerror=alert(1)>']);
    expect(names(await vms(q('name!~=web%', 'name~=%1')))).toEqual([
      'api-1',
      'gateway-1',
      'db-1',
      'dual-1',
      'tenant-vm-1',
      'dev-vm-1',
      'shared-vm-1',
    ]);
  });

  it('?= and !?= take comma lists', async () => {
    expect(names(await vms(q('name?=web-1,db-1, api-1')))).toEqual(['web-1', 'api-1', 'db-1']);
    expect(names(await vms(q('name!?=web-1,web-2,web-3', 'name~=web%')))).toEqual(['web-stopped', 'web-v6']);
  });

  it('>, >=, <, <= compare numbers as numbers', async () => {
    const nics = (c: string) => h.get(`/vm-instances/nics?${q(c, 'vmInstance.type=UserVM')}`, admin);
    const v6 = ((await nics('ipVersion>4')).json?.inventories as Inv[]).map((n) => n.ip);
    expect(v6).toEqual(['fd00:10::10']);
    expect(((await nics('ipVersion>=6')).json?.inventories as Inv[]).length).toBe(1);
    expect(((await nics('ipVersion<6')).json?.inventories as Inv[]).length).toBe(14);
    expect(((await nics('ipVersion<=4')).json?.inventories as Inv[]).length).toBe(14);
    const listeners = await h.get(
      `/load-balancers/listeners?${q('loadBalancerPort>100', 'loadBalancerPort<3306')}`,
      admin,
    );
    expect(names(listeners)).toEqual(['https-443']);
  });

  it('is null and not null', async () => {
    const groups = await h.get(`/load-balancers/servergroups?${q('loadBalancerUuid is null')}`, admin);
    expect(names(groups)).toEqual(['orphan-pool']);
    const described = await h.get(`/load-balancers/servergroups?${q('description not null')}`, admin);
    expect(names(described)).toEqual(['web-pool', 'api-pool', 'canary-pool', 'web-v6-pool', 'orphan-pool']);
  });

  it('picks the operator by priority: the first one contained wins', async () => {
    // "!=" comes before "=", so this is name != "web-1".
    expect(names(await vms(q('name!=web-1')))).not.toContain('web-1');
    // "~=" comes before "=": the value is "web=1", which no VM has.
    expect(names(await vms(q('name~=web=1')))).toEqual([]);
  });

  it('ANDs repeated conditions', async () => {
    expect(names(await vms(q('name~=web%', 'state=Stopped')))).toEqual(['web-stopped']);
  });
});

describe('relations (expanded queries)', () => {
  it('VM NIC: vmInstance.* and l3Network.*', async () => {
    const r = await h.get(
      `/vm-instances/nics?${q('vmInstance.name=gateway-1', 'l3Network.name=db-net')}`,
      admin,
    );
    expect(((r.json?.inventories as Inv[]) ?? []).map((n) => n.ip)).toEqual(['10.0.1.5']);
  });

  it('VM: vmNics.*', async () => {
    expect(names(await vms(q('vmNics.ip=10.0.0.12')))).toEqual(['web-2']);
    expect(names(await vms(q('vmNics.l3Network.name=db-net')))).toEqual(['gateway-1', 'db-1']);
    const routers = await h.get(
      `/vm-instances?${q('vmNics.metaData=4', 'vmNics.l3Network.name=db-net')}`,
      admin,
    );
    expect(names(routers)).toEqual([expect.stringMatching(/^vrouter\.l3\.app-net\./)]);
  });

  it('L3: networkServices.networkServiceType', async () => {
    const r = await h.get(`/l3-networks?${q('networkServices.networkServiceType=LoadBalancer')}`, admin);
    expect(names(r)).toEqual(['app-net', 'app-net-v6', 'tenant-net', 'dev-net', 'shared-net', 'dual-net']);
    // some service that is not LoadBalancer (ZQL: uuid IN (SELECT ... WHERE networkServiceType NOT IN ...))
    const other = await h.get(
      `/l3-networks?${q('networkServices.networkServiceType!?=LoadBalancer')}`,
      admin,
    );
    expect(names(other)).toEqual([
      'public-net',
      'app-net',
      'app-net-v6',
      'db-net',
      'tenant-net',
      'dev-net',
      'shared-net',
      'dual-net',
    ]);
  });

  it('server group: vmNicRef.*, vmNic.*, listener.*; listener: loadBalancer.*', async () => {
    const nic = await h.nicOf('web-1');
    expect(
      names(await h.get(`/load-balancers/servergroups?${q(`vmNicRef.vmNicUuid=${nic.uuid}`)}`, admin)),
    ).toEqual(['web-pool']);
    expect(names(await h.get(`/load-balancers/servergroups?${q('vmNic.ip=10.0.0.11')}`, admin))).toEqual([
      'web-pool',
    ]);
    expect(names(await h.get(`/load-balancers/servergroups?${q('listener.name=http-80')}`, admin))).toEqual([
      'web-pool',
      'canary-pool',
    ]);
    expect(names(await h.get(`/load-balancers/listeners?${q('loadBalancer.name=web-lb')}`, admin))).toEqual([
      'http-80',
      'https-443',
    ]);
    expect(names(await h.get(`/load-balancers?${q('listeners.name=tcp-3306')}`, admin))).toEqual([
      'shared-lb',
    ]);
  });

  it('IAM2: projects.*, groups.*, attributes.* on virtual IDs; project.* and virtualIDs.* on groups', async () => {
    const members = await h.get(`/iam2/virtual-ids?${q('projects.name=dev')}`, admin);
    expect(names(members)).toEqual(['dev-admin', 'dave']);
    expect(names(await h.get(`/iam2/virtual-ids?${q('groups.name=oncall')}`, admin))).toEqual(['alice']);
    const admins = await h.get(
      `/iam2/virtual-ids?${q('attributes.name?=__ProjectAdmin__,__ProjectOperator__')}`,
      admin,
    );
    expect(names(admins)).toEqual(['ops-admin', 'ops-operator', 'dev-admin']);
    expect(names(await h.get(`/iam2/projects/groups?${q('project.name=ops')}`, admin))).toEqual([
      'oncall',
      'sre',
    ]);
    expect(names(await h.get(`/iam2/projects/groups?${q('virtualIDs.name=dave')}`, admin))).toEqual([
      'dev-team',
    ]);
    expect(names(await h.get(`/iam2/projects?${q('virtualIDs.name=ops-admin')}`, admin))).toEqual([
      'ops',
      'empty-proj',
    ]);
  });

  it('"not in" through a relation means some related row is not in the list (none: no match)', async () => {
    // ops-admin is also in empty-proj; platform-admin and newbie are in no project, so they never match.
    const r = await h.get(`/iam2/virtual-ids?${q('projects.name!?=ops,dev')}`, admin);
    expect(names(r)).toEqual(['ops-admin']);
    const nic = await h.nicOf('web-1');
    const inOtherGroups = await h.get(
      `/vm-instances/nics?${q('loadBalancerServerGroup.name!?=web-pool')}`,
      admin,
    );
    expect(((inOtherGroups.json?.inventories as Inv[]) ?? []).map((n) => n.uuid)).not.toContain(nic.uuid);
    expect(((inOtherGroups.json?.inventories as Inv[]) ?? []).map((n) => n.ip)).toEqual([
      '10.2.0.11',
      '10.3.0.11',
      '10.3.0.12',
    ]);
  });

  it('answers unknown fields and relations with ZStack query errors (503)', async () => {
    const field = await vms(q('nosuch=1'));
    expect(field.status).toBe(503);
    expect(errorOf(field)).toMatchObject({
      code: 'SYS.1000',
      details: 'inventory class[class org.zstack.header.vm.VmInstanceInventory] not having field[nosuch]',
    });
    const rel = await h.get(`/load-balancers/servergroups?${q('vmNicRefs.vmNicUuid=x')}`, admin);
    expect(errorOf(rel)).toMatchObject({
      code: 'SYS.1000',
      details:
        'invalid nested query condition[] on class org.zstack.network.service.lb.LoadBalancerServerGroupInventory,the expanded target[class org.zstack.network.service.lb.LoadBalancerServerGroupInventory] have no expanded query[vmNicRefs]',
    });
  });
});

describe('paging, counting, sorting, fields', () => {
  it('limit and start page through the matches', async () => {
    const all = names(await vms(q('name~=%')));
    expect(all.length).toBe(14);
    expect(names(await vms(`${q('name~=%')}&limit=3`))).toEqual(all.slice(0, 3));
    expect(names(await vms(`${q('name~=%')}&limit=3&start=3`))).toEqual(all.slice(3, 6));
    expect(names(await vms('limit=0'))).toEqual([]);
  });

  it('replyWithCount adds the total of all matches; count answers only the total', async () => {
    const r = await vms(`${q('name~=web%')}&limit=2&replyWithCount=true`);
    expect(names(r)).toHaveLength(2);
    expect(r.json?.total).toBe(5);
    const c = await vms(`${q('name~=web%')}&count=true`);
    expect(c.json).toEqual({ total: 5, schema: {} });
    const plain = await vms(q('name~=web%'));
    expect(plain.json).not.toHaveProperty('total');
  });

  it('sorts with sort=+field / sort=-field', async () => {
    expect(names(await vms(`${q('name~=web-_')}&sort=-name`))).toEqual(['web-3', 'web-2', 'web-1']);
    expect(names(await vms(`${q('name~=web-_')}&sort=%2Bname`))).toEqual(['web-1', 'web-2', 'web-3']);
    expect(names(await vms(`${q('name~=%')}&sort=-createDate&limit=1`))).toEqual(['shared-vm-2']);
    expect(errorOf(await vms('sort=-nosuch')).code).toBe('SYS.1000');
  });

  it('fields= returns only those fields', async () => {
    const r = await vms(`${q('name=web-1')}&fields=uuid,name`);
    const inv = (r.json?.inventories as Inv[])[0];
    expect(Object.keys(inv ?? {})).toEqual(['uuid', 'name']);
    const bad = await vms('fields=vmNics');
    expect(errorOf(bad).code).toBe('SYS.1007');
    expect(errorOf(bad).details).toContain(
      'field[vmNics] is not a primitive of the inventory VmInstanceInventory; you cannot specify it in the parameter fields;valid fields are [',
    );
  });
});

describe('GET /<resource>/{uuid}', () => {
  it('answers the query envelope with one element, or none, never 404', async () => {
    const uuid = await h.uuidOf('/load-balancers', 'web-lb');
    const one = await h.get(`/load-balancers/${uuid}`, admin);
    expect(one.status).toBe(200);
    expect(names(one)).toEqual(['web-lb']);
    const lb = (one.json?.inventories as unknown[])[0] as {
      listeners: { name: string; serverGroupRefs: unknown[] }[];
      type: string;
    };
    expect(lb.type).toBe('SLB');
    expect(lb.listeners.map((l) => l.name)).toEqual(['http-80', 'https-443']);
    const none = await h.get('/load-balancers/0123456789abcdef0123456789abcdef', admin);
    expect(none.status).toBe(200);
    expect(none.json?.inventories).toEqual([]);
  });

  it('serves every queryable resource', async () => {
    for (const path of [
      '/load-balancers',
      '/load-balancers/listeners',
      '/load-balancers/servergroups',
      '/vm-instances/nics',
      '/vm-instances',
      '/l3-networks',
      '/vips',
      '/accounts',
      '/identities/roles',
      '/iam2/projects',
      '/iam2/projects/groups',
      '/iam2/virtual-ids',
      '/iam2/virtual-ids/attributes',
    ]) {
      const r = await h.get(`${path}?limit=1`, admin);
      expect(r.status, path).toBe(200);
      expect((r.json?.inventories as unknown[]).length, path).toBe(1);
    }
  });
});

describe('inventories', () => {
  it('server groups carry their NIC refs, server IPs and listener refs', async () => {
    const r = await h.get(`/load-balancers/servergroups?${q('name=dev-pool')}`, admin);
    const sg = (r.json?.inventories as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(sg)).toEqual([
      'uuid',
      'name',
      'loadBalancerUuid',
      'ipVersion',
      'createDate',
      'lastOpDate',
      'listenerServerGroupRefs',
      'serverIps',
      'vmNicRefs',
    ]);
    expect(sg.vmNicRefs).toEqual([expect.objectContaining({ weight: 50, ipVersion: 4, status: 'Active' })]);
    expect(sg.serverIps).toEqual([
      expect.objectContaining({ ipAddress: '192.168.100.10', weight: 20, status: 'Active' }),
    ]);
  });

  it('virtual IDs carry their attributes', async () => {
    const r = await h.get(`/iam2/virtual-ids?${q('name=ops-admin')}`, admin);
    const v = (r.json?.inventories as { attributes: { name: string; value: string }[]; type: string }[])[0];
    const ops = await h.uuidOf('/iam2/projects', 'ops');
    expect(v?.type).toBe('ZStack');
    expect(v?.attributes).toEqual([
      expect.objectContaining({ name: '__ProjectAdmin__', value: ops, type: 'System' }),
    ]);
    const attrs = await h.get(`/iam2/virtual-ids/attributes?${q('name=__PlatformAdmin__')}`, admin);
    expect((attrs.json?.inventories as unknown[]).length).toBe(1);
  });

  it('members of a group via GET /iam2/IAM2VirtualIDGroup/IAM2VirtualID', async () => {
    const g = await h.uuidOf('/iam2/projects/groups', 'oncall');
    const r = await h.get(
      `/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${g}&replyWithCount=true&sortBy=name&sortDirection=desc`,
      admin,
    );
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(['alice']);
    expect(r.json?.total).toBe(1);
    const missing = await h.get('/iam2/IAM2VirtualIDGroup/IAM2VirtualID', admin);
    expect(errorOf(missing)).toMatchObject({ code: 'SYS.1007' });
    const badDir = await h.get(
      `/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${g}&sortDirection=up`,
      admin,
    );
    expect(errorOf(badDir).details).toBe(
      'valid value for field[sortDirection] of message[org.zstack.header.message.ApiMessageParamValidator] are [asc, desc], but up found',
    );
  });
});
