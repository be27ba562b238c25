import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendImports, backendsToCsv } from '../../lib/csv/backends';
import { parseCsv } from '../../lib/csv/csv';
import { memberImports, membersToCsv } from '../../lib/csv/members';
import { simQueries, startSimulator, type SimHarness } from '../../test/simulator';
import type { ServerGroup } from '../schemas';
import { backendExportRows, memberExportRows } from './exportRows';
import { lookupsOf } from './lookups';
import { resolveBackends, type TargetGroup } from './resolveBackends';
import { resolveMembers } from './resolveMembers';

/**
 * CSV export, import and resolution over the real wire: a simulator with 1200 more VMs (one NIC each on
 * app-net), virtual IDs and server groups. Prints what resolving 1000 rows costs (requests, time): a
 * figure, not a target.
 */
describe('CSV against ZStack', () => {
  let sim: SimHarness;
  let session: string;
  const pool = (i: number) => `scale-pool-${String(i).padStart(6, '0')}`;

  beforeAll(async () => {
    sim = await startSimulator({ scale: 1200 });
    session = await sim.login('admin');
  }, 60_000);
  afterAll(() => sim.close());

  /** The NICs of vm-000001... in VM order, in one read. */
  let scaleNics: { uuid: string; ip: string }[];
  beforeAll(async () => {
    const reply = await sim.get(`/vm-instances?q=name~%3Dvm-%25&limit=1200&sort=%2Bname`, session);
    const vms = reply.json?.inventories as { vmNics: { uuid: string; ip: string }[] }[];
    scaleNics = vms.map((v) => v.vmNics[0]!);
  });

  const groupOf = async (name: string): Promise<ServerGroup> => {
    const uuid = await sim.uuidOf('/load-balancers/servergroups', name, session);
    const reply = await sim.get(`/load-balancers/servergroups/${uuid}`, session);
    return (reply.json?.inventories as ServerGroup[])[0]!;
  };
  const targetOf = (g: ServerGroup): TargetGroup => ({
    ipVersion: g.ipVersion,
    nicUuids: new Set((g.vmNicRefs ?? []).map((r) => r.vmNicUuid)),
    serverIps: new Set((g.serverIps ?? []).map((s) => s.ipAddress.toLowerCase())),
  });

  function measure(label: string, lines: readonly string[], started: number) {
    const longest = Math.max(...lines.map((l) => l.length));
    // eslint-disable-next-line no-console -- the figures are this test's output
    console.log(
      `${label}: ${lines.length} requests, ${Math.round(performance.now() - started)} ms, longest request line ${longest} bytes`,
    );
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(8192);
      expect(line).toMatch(/[?&]limit=\d+/);
    }
  }

  it('exports 1000 backends of a group and imports them into another one', async () => {
    const source = await groupOf(pool(1));
    const nics = scaleNics.slice(0, 700);
    const servers = Array.from({ length: 300 }, (_, i) => ({
      ipAddress: `10.250.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      weight: String(i % 101),
    }));
    const added = await sim.call('POST', `/load-balancers/servergroups/${source.uuid}/backendservers`, {
      session,
      body: { params: { vmNics: nics.map((n, i) => ({ uuid: n.uuid, weight: String(i % 101) })), servers } },
    });
    expect(added.status).toBe(200);

    const exportQueries = simQueries(sim, session);
    let started = performance.now();
    const rows = await backendExportRows(
      await groupOf(pool(1)),
      lookupsOf(exportQueries.run, exportQueries.get),
    );
    const csv = await backendsToCsv(rows);
    measure('export 1000 backends', exportQueries.lines, started);
    expect(rows.filter((r) => r.vmName && r.ip && r.l3Name === 'app-net')).toHaveLength(700);

    const parsed = backendImports(await parseCsv(csv));
    expect(parsed.errors).toEqual([]);
    const importQueries = simQueries(sim, session);
    started = performance.now();
    const outcomes = await resolveBackends(
      parsed.rows,
      targetOf(await groupOf(pool(2))),
      lookupsOf(importQueries.run, importQueries.get),
    );
    measure('resolve 1000 exported rows', importQueries.lines, started);
    expect(outcomes.filter((o) => o.status !== 'resolved')).toEqual([]);
    expect(outcomes.map((o) => o.status === 'resolved' && o.row.weight)).toEqual(
      rows.map((r) => String(r.weight)),
    );
  }, 60_000);

  it('resolves 1000 mixed rows: NIC uuids, VM names with IPs, IP addresses, and rows it cannot resolve', async () => {
    const target = await groupOf(pool(3));
    const nic = (i: number) => ({ ...scaleNics[i - 1]!, i });
    const byUuid = Array.from({ length: 400 }, (_, i) => nic(1 + i));
    const byName = Array.from({ length: 400 }, (_, i) => nic(401 + i));
    const lines = [
      'type,VM,NIC uuid,IP,weight',
      ...byUuid.map((n) => `nic,,${n.uuid},,10`),
      ...byName.map((n) => `nic,vm-${String(n.i).padStart(6, '0')},,${n.ip},20`),
      ...Array.from({ length: 150 }, (_, i) => `ip,,,10.251.0.${i + 1},30`),
      ...Array.from({ length: 25 }, (_, i) => `nic,no-such-vm-${i},,10.0.0.1,1`),
      ...Array.from({ length: 25 }, (_, i) => `nic,,${i.toString(16).padStart(32, 'f')},,1`),
    ];
    const parsed = backendImports(await parseCsv(lines.join('\r\n')));
    expect(parsed.rows).toHaveLength(1000);
    const queries = simQueries(sim, session);
    const started = performance.now();
    const outcomes = await resolveBackends(
      parsed.rows,
      targetOf(target),
      lookupsOf(queries.run, queries.get),
    );
    measure('resolve 1000 mixed rows', queries.lines, started);
    const count = (pred: (o: (typeof outcomes)[number]) => boolean) => outcomes.filter(pred).length;
    expect(count((o) => o.status === 'resolved')).toBe(950);
    expect(count((o) => o.status === 'unresolved' && o.reason === 'unknownVm')).toBe(25);
    expect(count((o) => o.status === 'unresolved' && o.reason === 'unknownNic')).toBe(25);
  }, 60_000);

  it('exports the members of a virtual ID group and imports them into another group of the project', async () => {
    const ops = await sim.uuidOf('/iam2/projects', 'ops', session);
    const oncall = await sim.uuidOf('/iam2/projects/groups', 'oncall', session);
    const sre = await sim.uuidOf('/iam2/projects/groups', 'sre', session);
    const vids = await sim.get(`/iam2/virtual-ids?q=name~%3Dvid-%25&limit=1000&sort=%2Bname`, session);
    const uuids = (vids.json?.inventories as { uuid: string }[]).map((v) => v.uuid);
    expect(uuids).toHaveLength(1000);
    const added = await sim.call('POST', `/iam2/projects/groups/${oncall}/virtual-ids`, {
      session,
      body: { params: { virtualIDUuids: uuids } },
    });
    expect(added.status).toBe(200);

    const queries = simQueries(sim, session);
    const lookups = lookupsOf(queries.run, queries.get);
    const csv = await membersToCsv(await memberExportRows(oncall, lookups));
    const parsed = memberImports(await parseCsv(csv));
    expect(parsed.rows).toHaveLength(1001); // alice and the 1000
    const started = performance.now();
    queries.lines.length = 0;
    const outcomes = await resolveMembers(parsed.rows, { groupUuid: sre, projectUuid: ops }, lookups);
    measure('resolve 1001 virtual IDs', queries.lines, started);
    expect(outcomes.filter((o) => o.status !== 'resolved')).toEqual([]);
  }, 60_000);
});
