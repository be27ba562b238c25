/**
 * `schema` as RestServer.writeResponse sends it (JsonSchemaBuilder: JSON path -> Java class of each object):
 * on every query reply, and on other replies and job results when the request carries X-JSON-Schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, PASSWORD_HASH, q, type Reply } from './harness.ts';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await Harness.start({ jobDurationMs: 5 });
  admin = await h.login('admin');
});
afterAll(() => h.close());

const LB = 'org.zstack.network.service.lb.';
const IAM2 = 'org.zstack.iam2.entity.';
/**
 * The Java class of an object by the member that holds it ('' for a listed inventory), and of an enum by
 * "<member that holds its object>.<enum member>".
 */
const CLASS_BY_MEMBER: Record<string, Record<string, string>> = {
  '/load-balancers': {
    '': `${LB}LoadBalancerInventory`,
    listeners: `${LB}LoadBalancerListenerInventory`,
    vmNicRefs: `${LB}LoadBalancerListenerVmNicRefInventory`,
    serverGroupRefs: `${LB}LoadBalancerListenerServerGroupRefInventory`,
  },
  '/load-balancers/listeners': {
    '': `${LB}LoadBalancerListenerInventory`,
    vmNicRefs: `${LB}LoadBalancerListenerVmNicRefInventory`,
    serverGroupRefs: `${LB}LoadBalancerListenerServerGroupRefInventory`,
  },
  '/load-balancers/servergroups': {
    '': `${LB}LoadBalancerServerGroupInventory`,
    vmNicRefs: `${LB}LoadBalancerServerGroupVmNicRefInventory`,
    serverIps: `${LB}LoadBalancerServerGroupServerIpInventory`,
    listenerServerGroupRefs: `${LB}LoadBalancerListenerServerGroupRefInventory`,
  },
  '/vm-instances/nics': {
    '': 'org.zstack.header.vm.VmNicInventory',
    usedIps: 'org.zstack.header.network.l3.UsedIpInventory',
  },
  '/vm-instances': {
    '': 'org.zstack.header.vm.VmInstanceInventory',
    vmNics: 'org.zstack.header.vm.VmNicInventory',
    usedIps: 'org.zstack.header.network.l3.UsedIpInventory',
  },
  '/l3-networks': {
    '': 'org.zstack.header.network.l3.L3NetworkInventory',
    ipRanges: 'org.zstack.header.network.l3.IpRangeInventory',
    networkServices: 'org.zstack.header.network.service.NetworkServiceL3NetworkRefInventory',
  },
  '/vips': { '': 'org.zstack.network.service.vip.VipInventory' },
  '/accounts': { '': 'org.zstack.header.identity.AccountInventory' },
  '/identities/roles': {
    '': 'org.zstack.header.identity.role.RoleInventory',
    '.type': 'org.zstack.header.identity.role.RoleType',
    '.state': 'org.zstack.header.identity.role.RoleState',
    statements: 'org.zstack.header.identity.role.RolePolicyStatementInventory',
    statement: 'org.zstack.header.identity.PolicyStatement',
    'statement.effect': 'org.zstack.header.identity.StatementEffect',
  },
  '/iam2/projects': { '': `${IAM2}IAM2ProjectInventory`, '.state': `${IAM2}ProjectState` },
  '/iam2/projects/groups': { '': `${IAM2}IAM2VirtualIDGroupInventory`, '.state': `${IAM2}State` },
  '/iam2/virtual-ids': {
    '': `${IAM2}IAM2VirtualIDInventory`,
    '.state': `${IAM2}State`,
    attributes: `${IAM2}IAM2VirtualIDAttributeInventory`,
    'attributes.type': `${IAM2}AttributeType`,
  },
  '/iam2/virtual-ids/attributes': {
    '': `${IAM2}IAM2VirtualIDAttributeInventory`,
    '.type': `${IAM2}AttributeType`,
  },
  '/system-tags': { '': 'org.zstack.header.tag.SystemTagInventory' },
};

/** Every object of the body's lists (and the enum members the map names), as "path" -> class. */
function expectedSchema(
  body: Record<string, unknown>,
  classes: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (o: Record<string, unknown>, path: string, member: string) => {
    out[path] = classes[member] ?? `no class for ${member}`;
    for (const [k, v] of Object.entries(o)) {
      if (Array.isArray(v))
        v.forEach((x, i) => {
          if (typeof x === 'object' && x !== null)
            walk(x as Record<string, unknown>, `${path}.${k}[${i}]`, k);
        });
      else if (typeof v === 'object' && v !== null) walk(v as Record<string, unknown>, `${path}.${k}`, k);
      else if (typeof v === 'string' && classes[`${member}.${k}`])
        out[`${path}.${k}`] = classes[`${member}.${k}`] ?? '';
    }
  };
  for (const [k, v] of Object.entries(body))
    if (Array.isArray(v)) v.forEach((x, i) => walk(x as Record<string, unknown>, `${k}[${i}]`, ''));
  return out;
}

const schemaOf = (r: Reply) => r.json?.schema as Record<string, string> | undefined;

describe('query replies', () => {
  it('name the Java class of every inventory, nested object and enum, with and without the header', async () => {
    for (const [path, classes] of Object.entries(CLASS_BY_MEMBER)) {
      for (const headers of [{}, { 'X-JSON-Schema': 'true' }] as Record<string, string>[]) {
        const r = await h.get(`${path}?limit=50`, admin, { headers });
        expect(r.status, path).toBe(200);
        const { schema, ...body } = r.json ?? {};
        expect(Object.keys(schema as object).length, path).toBeGreaterThan(0);
        expect(schema, path).toEqual(expectedSchema(body, classes));
      }
    }
  });

  it('lists children first in reverse, as JsonSchemaBuilder does; answers {} to count=true', async () => {
    const r = await h.get(`/vm-instances?${q('name?=web-1,web-2')}`, admin);
    expect(Object.keys(schemaOf(r) ?? {})).toEqual([
      'inventories[1]',
      'inventories[1].vmNics[0]',
      'inventories[1].vmNics[0].usedIps[0]',
      'inventories[0]',
      'inventories[0].vmNics[0]',
      'inventories[0].vmNics[0].usedIps[0]',
    ]);
    const count = await h.get(`/vm-instances?${q('name~=web%')}&count=true`, admin);
    expect(count.json).toEqual({ total: 5, schema: {} });
    const cut = await h.get(`/vm-instances?${q('name=web-1')}&fields=uuid,name`, admin);
    expect(schemaOf(cut)).toEqual({ 'inventories[0]': 'org.zstack.header.vm.VmInstanceInventory' });
  });

  it('types a dual-stack NIC and the IAM2 members reply (an APIQueryReply) without the header', async () => {
    const r = await h.get(`/vm-instances/nics?${q('ip=10.0.2.10')}`, admin);
    expect(schemaOf(r)).toEqual({
      'inventories[0]': 'org.zstack.header.vm.VmNicInventory',
      'inventories[0].usedIps[1]': 'org.zstack.header.network.l3.UsedIpInventory',
      'inventories[0].usedIps[0]': 'org.zstack.header.network.l3.UsedIpInventory',
    });
    const ops = await h.uuidOf('/iam2/projects/groups', 'oncall', admin);
    const members = await h.get(`/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${ops}`, admin);
    expect(schemaOf(members)).toMatchObject({
      'inventories[0]': `${IAM2}IAM2VirtualIDInventory`,
      'inventories[0].state': `${IAM2}State`,
    });
  });
});

describe('other replies', () => {
  it('carry a schema only when the request has X-JSON-Schema, whatever its value', async () => {
    const sg = await h.uuidOf('/load-balancers/servergroups', 'web-pool', admin);
    const path = `/load-balancers/servergroups/candidate-nics?servergroupUuid=${sg}`;
    expect((await h.get(path, admin)).json).not.toHaveProperty('schema');
    for (const value of ['true', 'false']) {
      const r = await h.get(path, admin, { headers: { 'X-JSON-Schema': value } });
      const { schema, ...body } = r.json ?? {};
      expect(schema).toEqual(expectedSchema(body, CLASS_BY_MEMBER['/vm-instances/nics'] ?? {}));
    }
    const login = await h.request('PUT', '/accounts/login', {
      headers: { 'X-JSON-Schema': 'true' },
      body: {
        logInByAccount: { accountName: 'admin', password: PASSWORD_HASH },
      },
    });
    expect(schemaOf(login)).toEqual({ inventory: 'org.zstack.header.identity.SessionInventory' });
    // JRE values and maps get no entry; an error has no schema
    const valid = await h.get(`/accounts/sessions/${admin}/valid`, undefined, {
      headers: { 'X-JSON-Schema': 'true' },
    });
    expect(valid.json).toEqual({ valid: true, schema: {} });
    const refused = await h.get('/load-balancers/servergroups/candidate-nics', admin, {
      headers: { 'X-JSON-Schema': 'true' },
    });
    expect(refused.status).toBe(503);
    expect(refused.json).not.toHaveProperty('schema');
  });

  it('job results: the poll decides, not the request that created the job', async () => {
    const sg = await h.uuidOf('/load-balancers/servergroups', 'api-pool', admin);
    const nic = await h.nicOf('web-2');
    const started = await h.request('POST', `/load-balancers/servergroups/${sg}/backendservers`, {
      session: admin,
      headers: { 'X-JSON-Schema': 'true' },
      body: { params: { vmNics: [{ uuid: nic.uuid, weight: '10' }], servers: [{ ipAddress: '10.9.9.9' }] } },
    });
    expect(started.status).toBe(202);
    expect(started.json).not.toHaveProperty('schema');
    const plain = await h.waitJob(String(started.json?.location));
    expect(plain.status).toBe(200);
    expect(plain.json).not.toHaveProperty('schema');
    const path = new URL(String(started.json?.location)).pathname;
    const typed = await h.request('GET', `${h.origin}${path}`, { headers: { 'X-JSON-Schema': 'true' } });
    expect(schemaOf(typed)).toEqual({
      inventory: `${LB}LoadBalancerServerGroupInventory`,
      'inventory.vmNicRefs[0]': `${LB}LoadBalancerServerGroupVmNicRefInventory`,
      'inventory.serverIps[0]': `${LB}LoadBalancerServerGroupServerIpInventory`,
    });
  });
});
