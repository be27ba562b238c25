/** QuerySystemTag (`GET /system-tags`) and the listeners' algorithm and health-check tags. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, Harness, q, type Reply } from './harness.ts';

let h: Harness;
let admin: string;
const listener: Record<string, string> = {};
beforeAll(async () => {
  h = await Harness.start();
  admin = await h.login('admin');
  for (const name of ['http-80', 'https-443', 'tcp-3306', 'tenant-http-80', 'dev-http-80'])
    listener[name] = await h.uuidOf('/load-balancers/listeners', name, admin);
});
afterAll(() => h.close());

interface Tag {
  uuid: string;
  resourceUuid: string;
  resourceType: string;
  tag: string;
}
const tags = (r: Reply) => (r.json?.inventories as Tag[] | undefined) ?? [];
const query = (session: string, ...conds: string[]) => h.get(`/system-tags?${q(...conds)}`, session);

describe('listener system tags', () => {
  it("carry each listener's algorithm and health check, read for several listeners in one query", async () => {
    const ids = [listener['http-80'], listener['https-443'], listener['tcp-3306'], listener['dev-http-80']];
    const r = await query(admin, `resourceUuid?=${ids.join(',')}`, 'tag~=balancerAlgorithm::%');
    expect(r.status).toBe(200);
    expect(tags(r).map((t) => [t.resourceUuid, t.tag])).toEqual([
      [listener['http-80'], 'balancerAlgorithm::weightroundrobin'],
      [listener['https-443'], 'balancerAlgorithm::roundrobin'],
      [listener['tcp-3306'], 'balancerAlgorithm::leastconn'],
      [listener['dev-http-80'], 'balancerAlgorithm::source'],
    ]);
    const health = await query(admin, `resourceUuid=${listener['http-80']}`, 'tag~=%health%');
    expect(tags(health).map((t) => t.tag)).toEqual([
      'healthyThreshold::2',
      'healthCheckInterval::5',
      'healthCheckTarget::http:default',
      'healthCheckTimeout::2',
      'unhealthyThreshold::6',
      'healthCheckParameter::HEAD:/:http_2xx',
    ]);
    const tcp = await query(admin, `resourceUuid=${listener['tcp-3306']}`, 'tag~=healthCheckTarget::%');
    expect(tags(tcp).map((t) => t.tag)).toEqual(['healthCheckTarget::tcp:default']);
  });

  it("have SystemTagInventory's shape (its own member first) and lastOpDate = createDate", async () => {
    const r = await query(
      admin,
      `resourceUuid=${listener['https-443']}`,
      'tag=balancerAlgorithm::roundrobin',
    );
    const [t] = (r.json?.inventories as Record<string, unknown>[]) ?? [];
    expect(Object.keys(t ?? {})).toEqual([
      'inherent',
      'uuid',
      'resourceUuid',
      'resourceType',
      'tag',
      'type',
      'createDate',
      'lastOpDate',
    ]);
    expect(t).toMatchObject({ inherent: false, resourceType: 'LoadBalancerListenerVO', type: 'System' });
    expect(t?.lastOpDate).toBe(t?.createDate);
    const one = await h.get(`/system-tags/${String(t?.uuid)}`, admin);
    expect(tags(one).map((x) => x.tag)).toEqual(['balancerAlgorithm::roundrobin']);
  });

  it('answers ZStack query operators and errors', async () => {
    const id = listener['http-80'] ?? '';
    const notAlgo = await query(
      admin,
      `resourceUuid=${id}`,
      'tag!~=balancerAlgorithm::%',
      'tag!=httpMode::http-server-close',
    );
    expect(tags(notAlgo)).toHaveLength(9);
    const count = await h.get(
      `/system-tags?${q('resourceType=LoadBalancerListenerVO', 'inherent=false')}&count=true`,
      admin,
    );
    // nine tags each, httpMode on the four HTTP(S) listeners, one HTTP health check parameter
    expect(count.json?.total).toBe(5 * 9 + 4 + 1);
    const sorted = await h.get(`/system-tags?${q(`resourceUuid=${id}`)}&sort=-tag&limit=1`, admin);
    expect(tags(sorted).map((t) => t.tag)).toEqual(['unhealthyThreshold::6']);
    expect(errorOf(await query(admin, 'nosuch=1')).details).toBe(
      'inventory class[class org.zstack.header.tag.SystemTagInventory] not having field[nosuch]',
    );
  });

  it('are read by whoever may read the tagged listener', async () => {
    const opsAdmin = await h.loginVid('ops-admin', 'ops');
    const mine = await query(opsAdmin, 'tag~=balancerAlgorithm::%');
    expect(tags(mine).map((t) => t.resourceUuid)).toEqual([listener['http-80'], listener['https-443']]);
    const tenant = await h.login('tenant');
    expect(tags(await query(tenant, 'tag~=balancerAlgorithm::%')).map((t) => t.resourceUuid)).toEqual([
      listener['tenant-http-80'],
    ]);
    expect(tags(await query(tenant, `resourceUuid=${listener['http-80']}`))).toEqual([]);
  });
});
