/**
 * The API log's memory at 500 realistic entries:
 *
 *   node --expose-gc --import tsx scripts/measure-api-log.ts
 *
 * Makes the console's kinds of calls against the simulator (SIM_SCALE=1000): picker searches of 20 VM
 * NICs and server groups, group details, member pages, name lookups, backend writes with their job
 * results, and feeds each answer to the store as the API layer would; then again with a 25000-IP add
 * (1 MB) whose group later writes answer with (4 MB each); then 500 answers of 20 KB (the bound: the
 * budget of bodies kept whole is full). Prints the JS heap the store holds after forced GCs (the answers
 * themselves stay alive on both sides of the measurement, so only the store's copies count), and the
 * characters of bodies it keeps whole.
 */
import { Harness } from '../sim/test/harness.ts';
import { q, queryParams, type ZQuery } from '../src/api/query.ts';
import { ApiLogStore } from '../src/api/log/store.ts';

const exposedGc = (globalThis as { gc?: () => void }).gc;
if (!exposedGc) throw new Error('run with node --expose-gc');
const gc: () => void = exposedGc;

interface Call {
  method: string;
  url: string;
  body?: unknown;
  status: number;
  answer: unknown;
  job?: string;
}

async function scenario(withBigGroup: boolean): Promise<Call[]> {
  const sim = await Harness.start({ scale: 1000 });
  const session = await sim.login('admin');
  const calls: Call[] = [];

  async function read(path: string, query: ZQuery | Record<string, string>) {
    const qs =
      'limit' in query && typeof query.limit === 'number'
        ? queryParams(query as ZQuery)
        : new URLSearchParams(query as Record<string, string>);
    const reply = await sim.get(`${path}?${qs}`, session);
    calls.push({ method: 'GET', url: `/zstack/v1${path}?${qs}`, status: reply.status, answer: reply.json });
    return reply.json as { inventories: { uuid: string; name?: string; vmNics?: { uuid: string }[] }[] };
  }

  async function write(method: string, path: string, body: unknown) {
    const job = crypto.randomUUID().replaceAll('-', '');
    const reply = await sim.call(method, path, { session, body });
    calls.push({ method, url: `/zstack/v1${path}`, body, status: reply.status, answer: reply.json, job });
  }

  const groups = (
    await read('/load-balancers/servergroups', {
      q: [q.like('name', 'scale-pool-%')],
      limit: 100,
      fields: ['uuid', 'name'],
    })
  ).inventories;
  const vms = (await read('/vm-instances', { q: [q.like('name', 'vm-%')], limit: 1000 })).inventories;
  const oncall = (await read('/iam2/projects/groups', { q: [q.eq('name', 'oncall')], limit: 1 }))
    .inventories[0]!;
  calls.length = 0;

  const big = Array.from({ length: 25_000 }, (_, i) => ({
    ipAddress: `10.${200 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
    weight: '50',
  }));
  for (let i = 0; calls.length < 500; i++) {
    const g = groups[i % groups.length]!;
    const step = i % 10;
    if (withBigGroup && i === 250)
      await write('POST', `/load-balancers/servergroups/${groups[99]!.uuid}/backendservers`, {
        params: { servers: big },
      });
    else if (step < 3)
      await read('/vm-instances/nics', {
        q: [
          q.eq('l3Network.networkServices.networkServiceType', 'LoadBalancer'),
          q.notNull('ip'),
          q.contains('vmInstance.name', `vm-${String(i % 50).padStart(4, '0')}`),
        ],
        limit: 20,
        replyWithCount: true,
        sort: { field: 'ip', direction: 'asc' },
      });
    else if (step < 5)
      await read('/load-balancers/servergroups', {
        q: [q.contains('name', `pool-0000${i % 10}`)],
        limit: 20,
        replyWithCount: true,
        fields: ['uuid', 'name', 'loadBalancerUuid'],
      });
    else if (step < 7) await read(`/load-balancers/servergroups/${g.uuid}`, { limit: 1 } as ZQuery);
    else if (step === 7)
      await read('/iam2/IAM2VirtualIDGroup/IAM2VirtualID', {
        groupUuid: oncall.uuid,
        limit: '20',
        start: '0',
        replyWithCount: 'true',
        sortBy: 'name',
        sortDirection: 'asc',
      });
    else if (step === 8)
      await read('/vm-instances', {
        q: [
          q.in(
            'uuid',
            vms.slice(i % 900, (i % 900) + 20).map((v) => v.uuid),
          ),
        ],
        limit: 20,
        fields: ['uuid', 'name'],
      });
    else {
      const nics = vms
        .slice((i * 7) % 900, ((i * 7) % 900) + 10)
        .map((v) => ({ uuid: v.vmNics![0]!.uuid, weight: '20' }));
      await write('POST', `/load-balancers/servergroups/${g.uuid}/backendservers`, {
        params: { vmNics: nics },
      });
    }
  }

  await sim.close();
  return calls;
}

function measure(label: string, calls: readonly Call[]): void {
  function fill(): ApiLogStore {
    const log = new ApiLogStore();
    for (const c of calls) {
      const id = log.begin({
        method: c.method,
        url: c.url,
        body: c.body,
        authorization: `OAuth ${'a'.repeat(32)}`,
        jobUuid: c.job,
      });
      if (c.job) {
        log.answered(id, 202, {});
        log.polled(id);
        if (c.status === 200) log.jobDone(id, c.answer);
        else log.failed(id, { code: 'SYS.1006', status: c.status });
      } else log.answered(id, c.status, c.answer);
    }
    return log;
  }

  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const answers = calls.reduce(
    (n, c) => n + JSON.stringify(c.answer).length + (c.body ? JSON.stringify(c.body).length : 0),
    0,
  );
  const before = heap();
  const started = performance.now();
  const log = fill();
  const fillMs = performance.now() - started;
  const after = heap();
  const entries = log.getSnapshot();
  const whole = entries.filter((e) => e.response && !e.response.truncated).length;
  console.log(
    `api log, ${label}: ${entries.length} entries, ${((after - before) / 1e6).toFixed(2)} MB of JS heap, ` +
      `${(log.bodyChars / 1e6).toFixed(2)} M characters of bodies kept whole (budget ${(log.options.wholeBodyBudget / 1e6).toFixed(1)} M), ` +
      `${whole} answers whole, ${entries.length - whole} cut to a preview; ` +
      `the calls sent and answered ${(answers / 1e6).toFixed(2)} M characters; filled in ${Math.round(fillMs)} ms`,
  );
}

/** The bound: answers of 20 KB each (a group of some 150 backends), far more than the budget. */
function largeAnswers(): Call[] {
  const group = {
    uuid: 'g'.repeat(32),
    serverIps: Array.from({ length: 150 }, (_, i) => ({
      ipAddress: `10.0.0.${i}`,
      weight: 100,
      status: 'Active',
      createDate: 'Jan 6, 2017 3:51:16 AM',
    })),
  };
  return Array.from({ length: 500 }, (_, i) => ({
    method: 'GET',
    url: `/zstack/v1/load-balancers/servergroups/${'g'.repeat(32)}?limit=${i}`,
    status: 200,
    answer: { inventories: [group] },
  }));
}

measure('typical calls', await scenario(false));
measure('with writes to a group of 25000 server IPs', await scenario(true));
measure('500 answers of 20 KB', largeAnswers());
