/** GetMetricData for the load balancer namespace (SIM_ZWATCH=1), backend status and the /__sim controls. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, Harness, type Reply } from './harness.ts';

const NS = 'ZStack/LoadBalancer';
const STATUS = 'LoadBalancerBackendStatus';
const SESSIONS = 'LoadBalancerBackendConcurrentSessionNumber';

interface Point {
  value: number;
  time: number;
  labels: Record<string, string>;
}
const points = (r: Reply) => (r.json?.data as Point[] | undefined) ?? [];

describe('an open-source node (SIM_ZWATCH off)', () => {
  it('has no ZWatch: the REST layer answers 404 no api mapping, before any session check; /__sim/zwatch switches it', async () => {
    const h = await Harness.start();
    try {
      const r = await h.get(`/zwatch/metrics?namespace=${encodeURIComponent(NS)}&metricName=${STATUS}`);
      expect(r.status).toBe(404);
      expect(r.text).toBe('no api mapping to /v1/zwatch/metrics');
      // a test can switch it on for one simulator until the next reset
      expect((await h.control('GET', '/zwatch')).json).toEqual({ enabled: false });
      expect((await h.control('POST', '/zwatch', { enabled: true })).json).toEqual({ enabled: true });
      const admin = await h.login('admin');
      const on = await h.get(
        `/zwatch/metrics?namespace=${encodeURIComponent(NS)}&metricName=${STATUS}`,
        admin,
      );
      expect(on.status).toBe(200);
      expect(points(on).length).toBeGreaterThan(0);
      await h.control('POST', '/reset');
      expect((await h.get(`/zwatch/metrics?namespace=x&metricName=y`)).status).toBe(404);
      expect((await h.control('POST', '/zwatch', { enabled: 'yes' })).status).toBe(400);
    } finally {
      await h.close();
    }
  });
});

describe('GetMetricData with SIM_ZWATCH=1', () => {
  let h: Harness;
  let admin: string;
  const id: Record<string, string> = {};
  beforeAll(async () => {
    h = await Harness.start({ zwatch: true, jobDurationMs: 5 });
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.control('POST', '/reset');
    admin = await h.login('admin');
    for (const name of ['web-lb', 'shared-lb']) id[name] = await h.uuidOf('/load-balancers', name, admin);
    for (const name of ['http-80', 'https-443', 'tcp-3306'])
      id[name] = await h.uuidOf('/load-balancers/listeners', name, admin);
    id['web-pool'] = await h.uuidOf('/load-balancers/servergroups', 'web-pool', admin);
  });

  /** As ZStack's SDK sends it: one `labels=` per label, each URL-encoded. */
  const metric = (name: string, labels: string[], extra = '', session = admin) =>
    h.get(
      `/zwatch/metrics?namespace=${encodeURIComponent(NS)}&metricName=${name}${labels
        .map((l) => `&labels=${encodeURIComponent(l)}`)
        .join('')}${extra}`,
      session,
    );
  const byBackend = (r: Reply) =>
    points(r).map((p) => [p.labels.ListenerUuid, p.labels.NicIpAddress, p.value] as const);

  it('answers the status of each backend per listener, with its labels', async () => {
    const r = await metric(STATUS, [`LoadBalancerUuid=${id['web-lb']}`]);
    expect(r.status).toBe(200);
    expect(byBackend(r)).toEqual([
      [id['http-80'], '10.0.0.11', 1],
      [id['https-443'], '10.0.0.11', 1],
    ]);
    expect(points(r)[0]?.labels).toEqual({
      LoadBalancerUuid: id['web-lb'],
      ListenerUuid: id['http-80'],
      NicIpAddress: '10.0.0.11',
    });
    expect(Math.abs((points(r)[0]?.time ?? 0) - Date.now() / 1000)).toBeLessThan(5);
    // a stopped VM's backend is down
    expect(byBackend(await metric(STATUS, [`ListenerUuid=${id['tcp-3306']}`]))).toEqual([
      [id['tcp-3306'], '10.3.0.11', 1],
      [id['tcp-3306'], '10.3.0.12', 0],
    ]);
  });

  it('filters with =, !=, =~ and !~; refuses a label without operator; other metrics have no data', async () => {
    const lb = `LoadBalancerUuid=${id['shared-lb']}`;
    const ips = (r: Reply) => points(r).map((p) => p.labels.NicIpAddress);
    expect(ips(await metric(STATUS, [lb, 'NicIpAddress=~10.3.0.12|10.9.9.9']))).toEqual(['10.3.0.12']);
    expect(ips(await metric(STATUS, [lb, 'NicIpAddress!~10\\.3\\.0\\.1.*']))).toEqual([]);
    expect(ips(await metric(STATUS, [lb, 'NicIpAddress!=10.3.0.11']))).toEqual(['10.3.0.12']);
    expect(ips(await metric(STATUS, [lb, 'NicIpAddress=~10.3.0.1.']))).toEqual(['10.3.0.11', '10.3.0.12']);
    expect(errorOf(await metric(STATUS, ['NicIpAddress'])).code).toBe('SYS.1007');
    expect(points(await metric('CPUUsedUtilization', [lb]))).toEqual([]);
    const noNamespace = await h.get(`/zwatch/metrics?metricName=${STATUS}`, admin);
    expect(errorOf(noNamespace).details).toContain('field[namespace]');
  });

  it('answers a point every period over a range', async () => {
    const end = 1_700_000_100;
    const r = await metric(
      STATUS,
      [`ListenerUuid=${id['https-443']}`],
      `&startTime=${end - 300}&endTime=${end}&period=60`,
    );
    expect(points(r).map((p) => p.time)).toEqual([0, 1, 2, 3, 4, 5].map((i) => end - 300 + i * 60));
    const aligned = await metric(
      STATUS,
      [`ListenerUuid=${id['https-443']}`],
      `&startTime=${end - 59}&endTime=${end}&period=60`,
    );
    expect(points(aligned).map((p) => p.time)).toEqual([end]);
    const tooMany = await metric(STATUS, [], `&startTime=0&endTime=${end}&period=1`);
    expect(errorOf(tooMany).details).toContain('exceeded maximum resolution of 11000 points per timeseries');
  });

  it('reads only the load balancers the session may read', async () => {
    const tenant = await h.login('tenant');
    expect(points(await metric(STATUS, [`LoadBalancerUuid=${id['web-lb']}`], '', tenant))).toEqual([]);
  });

  it('marks a backend down and up, per listener or on all, through /__sim/zwatch/backends', async () => {
    const down = await h.control('POST', '/zwatch/backends', {
      ip: '10.0.0.11',
      listenerUuid: id['https-443'],
      up: false,
    });
    expect(down.status).toBe(200);
    expect(byBackend(await metric(STATUS, [`LoadBalancerUuid=${id['web-lb']}`]))).toEqual([
      [id['http-80'], '10.0.0.11', 1],
      [id['https-443'], '10.0.0.11', 0],
    ]);
    await h.control('POST', '/zwatch/backends', { ip: '10.0.0.11', up: null });
    expect(points(await metric(STATUS, [`LoadBalancerUuid=${id['web-lb']}`])).map((p) => p.value)).toEqual([
      1, 1,
    ]);
    expect((await h.control('POST', '/zwatch/backends', { ip: '10.99.0.1', up: false })).status).toBe(404);
    expect((await h.control('POST', '/zwatch/backends', { ip: '10.0.0.11', sessions: -1 })).status).toBe(400);
  });

  it("drops a backend's sessions to 0 within a few seconds after its weight goes to 0", async () => {
    await h.control('POST', '/zwatch/backends', {
      ip: '10.0.0.11',
      listenerUuid: id['http-80'],
      sessions: 12,
    });
    const sessions = async () =>
      points(await metric(SESSIONS, [`ListenerUuid=${id['http-80']}`, 'NicIpAddress=10.0.0.11']))[0]?.value;
    expect(await sessions()).toBe(12);
    const nic = await h.nicOf('web-1');
    const changed = await h.call(
      'PUT',
      `/load-balancers/servergroups/${id['web-pool']}/backendserver/actions`,
      {
        session: admin,
        body: { changeLoadBalancerBackendServer: { vmNics: [{ uuid: nic.uuid, weight: '0' }] } },
      },
    );
    expect(changed.status).toBe(200);
    const seen: number[] = [];
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const v = (await sessions()) ?? -1;
      seen.push(v);
      if (v === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen.at(-1)).toBe(0);
    expect(seen.some((v) => v > 0 && v < 12)).toBe(true);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen); // never rises
  });
});

describe('backend status follows the VM (LoadBalancerExtension), /__sim/vms/state', () => {
  it('stopping a VM makes its backends Inactive, starting it Active again', async () => {
    const h = await Harness.start({ zwatch: true });
    try {
      const admin = await h.login('admin');
      const sg = await h.uuidOf('/load-balancers/servergroups', 'shared-pool', admin);
      const statuses = async () =>
        (
          (await h.get(`/load-balancers/servergroups/${sg}`, admin)).json?.inventories as {
            vmNicRefs: { status: string }[];
          }[]
        )[0]?.vmNicRefs.map((r) => r.status);
      expect(await statuses()).toEqual(['Active', 'Inactive']); // shared-vm-2 is seeded stopped
      expect((await h.control('POST', '/vms/state', { name: 'shared-vm-2', state: 'Running' })).status).toBe(
        200,
      );
      expect(await statuses()).toEqual(['Active', 'Active']);
      const vm = await h.uuidOf('/vm-instances', 'shared-vm-1', admin);
      const stop = await h.control('POST', '/vms/state', { vmUuid: vm, state: 'Stopped' });
      expect(stop.json).toMatchObject({
        state: 'Stopped',
        backends: [{ serverGroupUuid: sg, status: 'Inactive' }],
      });
      expect(await statuses()).toEqual(['Inactive', 'Active']);
      const vms = await h.get(`/vm-instances/${vm}`, admin);
      expect((vms.json?.inventories as { state: string }[])[0]?.state).toBe('Stopped');
      expect((await h.control('POST', '/vms/state', { name: 'shared-vm-1', state: 'Paused' })).status).toBe(
        400,
      );
      expect((await h.control('GET', '/vms/state')).status).toBe(405);
    } finally {
      await h.close();
    }
  });
});
