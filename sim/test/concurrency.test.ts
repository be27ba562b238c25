import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, Harness } from './harness.ts';

let h: Harness;
let admin: string;
let pool: string;

beforeAll(async () => {
  h = await Harness.start({ jobDurationMs: 40 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control('POST', '/reset');
  admin = await h.login('admin');
  pool = await h.uuidOf('/load-balancers/servergroups', 'api-pool', admin);
});

const add = (params: unknown) =>
  h.call('POST', `/load-balancers/servergroups/${pool}/backendservers`, { session: admin, body: { params } });
const groupState = async () => {
  const r = await h.get(`/load-balancers/servergroups/${pool}`, admin);
  return (
    r.json?.inventories as { vmNicRefs: { vmNicUuid: string }[]; serverIps: { ipAddress: string }[] }[]
  )[0];
};

describe('writes to one load balancer are applied one at a time', () => {
  it('two concurrent adds of the same NIC: one succeeds, the other is "already on the load balancer servegroup"', async () => {
    const nic = await h.nicOf('web-2');
    const results = await Promise.all([
      add({ vmNics: [{ uuid: nic.uuid }] }),
      add({ vmNics: [{ uuid: nic.uuid }] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 503]);
    const failed = results.find((r) => r.status === 503);
    expect(failed && errorOf(failed)).toMatchObject({
      code: 'SYS.1006',
      details: `the vm nics[uuid:[${nic.uuid}]] are already on the load balancer servegroup [uuid:${pool}]`,
    });
    expect((await groupState())?.vmNicRefs.map((r) => r.vmNicUuid)).toEqual([nic.uuid]);
  });

  it('two concurrent adds of the same server IP: one succeeds, the other SYS.1006 (ZStack words it "is repeated")', async () => {
    const results = await Promise.all([
      add({ servers: [{ ipAddress: '10.20.0.1' }] }),
      add({ servers: [{ ipAddress: '10.20.0.1' }] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 503]);
    const failed = results.find((r) => r.status === 503);
    expect(failed && errorOf(failed)).toMatchObject({
      code: 'SYS.1006',
      details: `could not add backend server ip to serverGroup [uuid:${pool}], because ip [ipAddress:10.20.0.1] is repeated`,
    });
    expect((await groupState())?.serverIps.map((s) => s.ipAddress)).toEqual(['10.20.0.1']);
  });

  it('50 concurrent adds leave a consistent state: every IP once, exactly the successful ones', async () => {
    const ipOf = (i: number) => `10.30.0.${(i % 25) + 1}`;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => add({ servers: [{ ipAddress: ipOf(i), weight: String(i) }] })),
    );
    const ok = results.filter((r) => r.status === 200);
    const failed = results.filter((r) => r.status === 503);
    expect(ok).toHaveLength(25);
    expect(failed).toHaveLength(25);
    for (const f of failed) expect(errorOf(f).details).toMatch(/is repeated$/);
    const ips = (await groupState())?.serverIps.map((s) => s.ipAddress) ?? [];
    expect(new Set(ips).size).toBe(ips.length);
    expect([...ips].sort()).toEqual(Array.from({ length: 25 }, (_, i) => ipOf(i)).sort());
    // Each success returned the group as it was right after its own change.
    const sizes = ok
      .map((r) => (r.json?.inventory as { serverIps: unknown[] }).serverIps.length)
      .sort((a, b) => a - b);
    expect(sizes).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('jobs of other load balancers are not held back by a hung job', async () => {
    await h.control('POST', '/faults', { path: 'backendservers', kind: 'job-hang', times: 1 });
    const hung = await h.request('POST', `/load-balancers/servergroups/${pool}/backendservers`, {
      session: admin,
      body: { params: { servers: [{ ipAddress: '10.40.0.1' }] } },
    });
    expect(hung.status).toBe(202);
    const next = await add({ servers: [{ ipAddress: '10.40.0.2' }] });
    expect(next.status).toBe(200);
    expect((await h.poll(String(hung.json?.location))).status).toBe(202);
  });
});

describe('a large write does not stall other requests', () => {
  const ips = (second: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ ipAddress: `10.${second}.${(i >> 8) & 255}.${i & 255}` }));

  it('two adds of 25000 server IPs to one group finish within seconds while queries keep answering', async () => {
    const started = performance.now();
    const adds = Promise.all([add({ servers: ips(100, 25000) }), add({ servers: ips(150, 25000) })]);
    let finished = false;
    void adds.finally(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const t = performance.now();
      const r = await h.get('/vm-instances?limit=1', admin);
      expect(r.status).toBe(200);
      latencies.push(performance.now() - t);
      await new Promise((res) => setTimeout(res, 20));
    }
    const results = await adds;
    const total = performance.now() - started;
    console.log(
      `[measure] 2 x 25000-IP adds: ${Math.round(total)} ms; ${latencies.length} concurrent queries, slowest ${Math.round(Math.max(...latencies))} ms`,
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect((await groupState())?.serverIps).toHaveLength(50000);
    // Quadratic checks took 11 s and more here, blocking every request meanwhile.
    expect(total).toBeLessThan(10_000);
    expect(Math.max(...latencies)).toBeLessThan(2_000);
  }, 30_000);
});
