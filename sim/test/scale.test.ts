import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, q } from './harness.ts';

/** SIM_SCALE=100000: start-up time, memory and a ~= search are printed (not asserted as timings). */
describe('SIM_SCALE=100000', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ scale: 100000 });
    const heap = Math.round(process.memoryUsage().heapUsed / 1048576);
    console.log(
      `[scale] SIM_SCALE=100000 seeded in ${Math.round(h.sim.startupMs)} ms (test process heap ${heap} MB)`,
    );
  }, 60_000);
  afterAll(() => h.close());

  it('generates the rows with their names, unique IPs and stable uuids', async () => {
    const info = (await h.control('GET', '/info')).json as { counts: Record<string, number> };
    expect(info.counts).toMatchObject({
      vms: 100018,
      nics: 100026,
      virtualIds: 100015,
      serverGroups: 100008,
      loadBalancers: 1004,
    });
    const s = await h.login('admin');
    const vm = await h.get(`/vm-instances?${q('name=vm-100000')}`, s);
    const nics =
      (vm.json?.inventories as { vmNics: { ip: string; l3NetworkUuid: string }[] }[])[0]?.vmNics ?? [];
    expect(nics[0]?.ip).toBe('10.65.137.178');
    expect(nics[0]?.l3NetworkUuid).toBe(await h.uuidOf('/l3-networks', 'app-net', s));
    const dupIps = await h.get(`/vm-instances/nics?${q('ip=10.64.0.1')}&count=true`, s);
    expect(dupIps.json).toEqual({ total: 1, schema: {} });
    const pool = await h.get(`/load-balancers/servergroups?${q('name=scale-pool-000123')}`, s);
    const lb = (pool.json?.inventories as { loadBalancerUuid: string }[])[0]?.loadBalancerUuid;
    expect(await h.uuidOf('/load-balancers', 'scale-lb-0002', s)).toBe(lb);
    const members = await h.get(`/iam2/virtual-ids?${q('projects.name=ops', 'name~=vid-%')}&count=true`, s);
    expect(members.json).toEqual({ total: 100000, schema: {} });
    // Generated uuids are deterministic: the same in a second simulator.
    const again = await Harness.start({ scale: 100000 });
    try {
      expect(await again.uuidOf('/vm-instances', 'vm-054321')).toBe(
        await h.uuidOf('/vm-instances', 'vm-054321', s),
      );
    } finally {
      await again.close();
    }
  }, 60_000);

  it('answers a ~= search with limit 20 over 100000 NICs quickly (printed)', async () => {
    const s = await h.loginVid('ops-admin', 'ops');
    const path = `/vm-instances/nics?${q('ip~=%10.64.1%')}&limit=20`;
    const times: number[] = [];
    let last = await h.get(path, s);
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      last = await h.get(path, s);
      times.push(performance.now() - t);
    }
    expect(last.status).toBe(200);
    expect((last.json?.inventories as unknown[]).length).toBe(20);
    times.sort((a, b) => a - b);
    const counted = performance.now();
    const total = await h.get(`${path}&replyWithCount=true`, s);
    const countMs = performance.now() - counted;
    expect(total.json?.total).toBeGreaterThan(20);
    console.log(
      `[scale] GET ${decodeURIComponent(path)}: median ${(times[15] ?? 0).toFixed(2)} ms, min ${(times[0] ?? 0).toFixed(2)} ms over HTTP; with replyWithCount (full scan, total ${String(total.json?.total)}): ${countMs.toFixed(1)} ms`,
    );
  }, 60_000);
});
