#!/usr/bin/env node
// `npm run bench`: builds the console, serves it with the simulator at SIM_SCALE=0 and 100000, drives
// headless Chromium and prints one line per figure (median and spread over several runs, the first run
// of every series discarded as warm-up), then a summary of the targets. It reports; it is
// not a test: a missed target still exits 0 (a figure that could not be measured exits 1).
//
// Environment: BENCH_RUNS (measured runs per series, default 7), BENCH_MEMORY_RUNS (default 5),
// BENCH_PORT (first of two ports, default 4181), BENCH_TIMEOUT_S (whole run, default 600).
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { allAssets, cataloguesIn, fileSize, manifestFirstPage, total } from './bench/bytes.mjs';
import { Report } from './bench/report.mjs';
import {
  chromiumArgs,
  firstPageFiles,
  loadRun,
  logIn,
  memoryRun,
  newPage,
  addMemberRun,
  openGroupRun,
  pickerRuns,
  writeRun,
} from './bench/scenarios.mjs';
import { build, startPreview } from './bench/servers.mjs';
import { isListRead, queryOf, requestLine, seedBackends, seedMembers, SimClient } from './bench/sim.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, '.bench');
const outDir = join(benchDir, 'dist');
const runs = Math.max(3, Number(process.env.BENCH_RUNS) || 7);
const memoryRuns = Math.max(3, Number(process.env.BENCH_MEMORY_RUNS) || 5);
const basePort = Number(process.env.BENCH_PORT) || 4181;
const scale = 100_000;
const jobMs = 300;
const timeoutS = Number(process.env.BENCH_TIMEOUT_S) || 600;

const targets = {
  firstPageJs: { op: '<=', value: 150_000, unit: 'kB' },
  firstPageCss: { op: '<=', value: 25_000, unit: 'kB' },
  login: { op: '<', value: 500 },
  keystroke: { op: '<', value: 100 },
  polling: { op: '<', value: 150 },
  openLargeGroup: { op: '<', value: 300 },
  requestLine: { op: '<=', value: 8192 },
};

mkdirSync(benchDir, { recursive: true });
const lastFile = join(benchDir, 'last.json');
const previous = existsSync(lastFile) ? JSON.parse(readFileSync(lastFile, 'utf8')) : undefined;
const report = new Report(previous);
const servers = [];
let browser;

async function cleanup() {
  await browser?.close().catch(() => undefined);
  for (const s of servers) s.stop();
}

const watchdog = setTimeout(() => {
  console.log(`bench: stopped after ${timeoutS} s (BENCH_TIMEOUT_S)`);
  void cleanup().finally(() => process.exit(1));
}, timeoutS * 1000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

/** Runs a series: one warm-up (discarded), then `n` measured runs. */
async function series(n, run) {
  await run(-1);
  const out = [];
  for (let i = 0; i < n; i += 1) out.push(await run(i));
  return out;
}

async function guarded(name, fn) {
  try {
    await fn();
  } catch (e) {
    report.error(name, e);
  }
}

const kb = (b) => `${(b / 1000).toFixed(1)}kB`;
const started = performance.now();
const logs = { 0: [], [scale]: [] };
const answers = [];
let consoleNicQuery;

const load1 = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `bench: ${availableParallelism()} CPUs, load average ${load1()} (other work on the machine widens the spread)`,
);
console.log(
  `bench: ${runs} runs per series (+1 warm-up), memory ${memoryRuns} runs, ports ${basePort}-${basePort + 1}`,
);
const buildMs = build(root, outDir);
const started0 = await Promise.allSettled([
  startPreview(root, { outDir, port: basePort, scale: 0, jobMs }),
  startPreview(root, { outDir, port: basePort + 1, scale, jobMs }),
]);
for (const r of started0) if (r.status === 'fulfilled') servers.push(r.value);
const failed = started0.find((r) => r.status === 'rejected');
if (failed) {
  console.log(`bench: ${failed.reason?.message ?? failed.reason}`);
  await cleanup();
  process.exit(1);
}
const [s0, sN] = servers;
console.log(
  `bench: built in ${Math.round(buildMs)} ms; preview+simulator up in ${Math.round(s0.startMs)} ms (scale 0), ${Math.round(sN.startMs)} ms (scale ${scale}: ${sN.info.counts.nics} NICs, ${sN.info.counts.virtualIds} virtual IDs, ${sN.info.counts.serverGroups} server groups)`,
);
const sim0 = new SimClient(s0.base);
const simN = new SimClient(sN.base);
browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
console.log('');

// ------------------------------------------------------------------------------------------- load
const load = { 0: { login: [], app: [], parts: [] }, [scale]: { login: [], app: [], parts: [] } };
let networkFiles;
let typingFiles;
await guarded('load', async () => {
  await series(runs, async (i) => {
    // alternate the scales within each run so that drift of the machine hits both alike
    for (const [server, sim] of [
      [s0, sim0],
      [sN, simN],
    ]) {
      await sim.clearRequests();
      const r = await loadRun(browser, server.base, { files: i === -1 && server === s0 });
      logs[server.scale].push(...(await sim.requests()));
      if (i === -1 && server === s0) [networkFiles, typingFiles] = [r.firstPageFiles, r.typingFiles];
      if (i >= 0) {
        load[server.scale].login.push(r.loginMs);
        load[server.scale].app.push(r.loginToServerGroups);
        load[server.scale].parts.push(r.appParts);
      }
    }
  });
});

// ------------------------------------------------------------------------------------------ bytes
await guarded('bytes', async () => {
  const fromManifest = manifestFirstPage(outDir);
  const first = networkFiles ?? fromManifest;
  const sizes = first.map((f) => fileSize(outDir, f));
  const js = total(sizes.filter((s) => s.file.endsWith('.js')));
  const css = total(sizes.filter((s) => s.file.endsWith('.css')));
  const all = allAssets(outDir).map((f) => fileSize(outDir, f));
  const allJs = total(all.filter((s) => s.file.endsWith('.js')));
  const allCss = total(all.filter((s) => s.file.endsWith('.css')));
  const same =
    networkFiles &&
    fromManifest.length === networkFiles.length &&
    fromManifest.every((f) => networkFiles.includes(f));
  report.value(
    'bytes.firstPage.js.gzip',
    js.gzip,
    'kB',
    targets.firstPageJs,
    `raw=${kb(js.raw)} files=${js.files} (browser in English; catalogues ${cataloguesIn(outDir, first).join(' ')})`,
  );
  // The same cold visit from a Chinese browser: the console starts in zh-CN and loads only its catalogue.
  const zhFiles = await firstPageFiles(browser, s0.base, 'zh-CN');
  const zh = total(zhFiles.filter((f) => f.endsWith('.js')).map((f) => fileSize(outDir, f)));
  report.value(
    'bytes.firstPage.zh-CN.js.gzip',
    zh.gzip,
    'kB',
    targets.firstPageJs,
    `raw=${kb(zh.raw)} files=${zh.files} (browser in Chinese; catalogues ${cataloguesIn(outDir, zhFiles).join(' ')})`,
  );
  report.value(
    'bytes.firstPage.css.gzip',
    css.gzip,
    'kB',
    targets.firstPageCss,
    `raw=${kb(css.raw)} files=${css.files}`,
  );
  report.value('bytes.app.js.gzip', allJs.gzip, 'kB', undefined, `raw=${kb(allJs.raw)} files=${allJs.files}`);
  report.value(
    'bytes.app.css.gzip',
    allCss.gzip,
    'kB',
    undefined,
    `raw=${kb(allCss.raw)} files=${allCss.files}`,
  );
  if (typingFiles?.length) {
    const typed = total(typingFiles.filter((f) => /\.(js|css)$/.test(f)).map((f) => fileSize(outDir, f)));
    report.value(
      'bytes.whileTypingLogin.gzip',
      typed.gzip,
      'kB',
      undefined,
      `raw=${kb(typed.raw)} files=${typed.files} (fetched on the first keystroke: login code, shell, pages)`,
    );
  }
  console.log(
    `  first page files (${networkFiles ? 'from the network in Chromium' : 'from the manifest'}${networkFiles ? (same ? ', same as the manifest' : `; the manifest says ${fromManifest.join(' ')}`) : ''}): ` +
      sizes.map((s) => `${s.file.replace('assets/', '')} ${kb(s.gzip)}`).join(', '),
  );
});

for (const s of [0, scale]) {
  if (load[s].login.length) report.series(`load.login.scale${s}`, load[s].login, 'ms', targets.login);
}
for (const s of [0, scale]) {
  if (!load[s].app.length) continue;
  report.series(`load.loginToServerGroups.scale${s}`, load[s].app, 'ms');
  report.parts(`load.loginToServerGroups.scale${s}`, load[s].parts);
}

// ------------------------------------------------------------------------------------- large groups
// A virtual ID group of 10000 members (oncall, whose picker is timed below) and a server group of 5000
// backends, seeded through ZStack's own add APIs (one call each).
const members = 10_000;
const backends = 5000;
await guarded('seed', async () => {
  const t0 = performance.now();
  await Promise.all([
    seedMembers(simN, 'oncall', members),
    seedBackends(simN, 'scale-pool-000003', backends),
  ]);
  console.log(
    `bench: seeded oncall with ${members} members and scale-pool-000003 with ${backends} backends in ${Math.round(performance.now() - t0)} ms`,
  );
});

// -------------------------------------------------------------------------------- pickers at scale
await guarded('pickers', async () => {
  const [poolUuid, groupUuid] = await Promise.all([
    simN.uuidByName('/load-balancers/servergroups', 'scale-pool-000001'),
    simN.uuidByName('/iam2/projects/groups', 'oncall'),
  ]);
  const { context, page } = await newPage(browser, sN.base);
  try {
    await logIn(page);
    const pickers = [
      { name: 'vmNics', label: 'VM NICs', stem: 'vm', path: `/server-groups/${poolUuid}` },
      { name: 'virtualIds', label: 'Virtual IDs', stem: 'vid', path: `/virtual-id-groups/${groupUuid}` },
    ];
    for (const p of pickers) {
      await guarded(`picker.${p.name}`, async () => {
        await page.goto(p.path);
        const { times, parts, requests } = await pickerRuns(page, simN, {
          label: p.label,
          stem: p.stem,
          runs: runs + 1,
          log: logs[scale],
        });
        const paths = [
          ...new Set(
            requests
              .slice(1)
              .flat()
              .map((r) => r.path.replace('/zstack/v1', '')),
          ),
        ];
        const where = p.name === 'virtualIds' ? `.members${members}` : '';
        report.series(
          `picker.${p.name}.keystroke.scale${scale}${where}`,
          times.slice(1),
          'ms',
          targets.keystroke,
        );
        report.parts(`picker.${p.name}.keystroke`, parts.slice(1));
        report.series(
          `picker.${p.name}.requestsPerSearch`,
          requests.slice(1).map((r) => r.length),
          'count',
          undefined,
          `(${paths.join(', ')})`,
        );
        if (p.name === 'vmNics') {
          consoleNicQuery = requests.flat().find(
            (r) =>
              r.path.endsWith('/vm-instances') &&
              queryOf(r)
                .getAll('q')
                .some((c) => c.startsWith('name~=')),
          );
        }
      });
    }
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------- a server group of 5000 backends
await guarded('largeGroup', async () => {
  const { context, page } = await newPage(browser, sN.base);
  try {
    await logIn(page);
    const out = await series(runs, async () => {
      await simN.clearRequests();
      const r = await openGroupRun(page, { name: 'scale-pool-000003', firstRow: 'vm-000001' });
      logs[scale].push(...(await simN.requests()));
      return r;
    });
    report.series(
      `load.serverGroup.backends${backends}`,
      out.map((r) => r.ms),
      'ms',
      targets.openLargeGroup,
    );
    report.parts(
      `load.serverGroup.backends${backends}`,
      out.map((r) => r.parts),
    );
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------------------------------- writes
function reportWrite(name, out, jobDurationMs) {
  report.series(
    `${name}.total`,
    out.map((r) => r.ms),
    'ms',
    undefined,
    `(job ${jobDurationMs}ms)`,
  );
  report.series(
    `${name}.pollingOverhead`,
    out.map((r) => r.ms - jobDurationMs),
    'ms',
    targets.polling,
  );
  report.parts(
    `${name}.total`,
    out.map((r) => r.parts),
  );
  report.series(
    `${name}.polls`,
    out.map((r) => r.polls),
    'count',
  );
  report.series(
    `${name}.readsAfterJob`,
    out.map((r) => r.readsAfter),
    'count',
  );
}

await guarded('writes', async () => {
  const { jobDurationMs } = await simN.config();
  // sre, not oncall: the new member must show on the first page of Members, and oncall has 10000
  const sreUuid = await simN.uuidByName('/iam2/projects/groups', 'sre');
  const groups = await Promise.all(
    Array.from({ length: runs + 1 }, (_, i) =>
      simN.uuidByName('/load-balancers/servergroups', `scale-pool-${String(11 + i).padStart(6, '0')}`),
    ),
  );
  const { context, page } = await newPage(browser, sN.base);
  try {
    await logIn(page);
    const out = await series(runs, (i) =>
      writeRun(page, simN, { groupUuid: groups[i + 1], ip: `192.168.77.${20 + i + 1}`, log: logs[scale] }),
    );
    reportWrite('writes.addBackends', out, jobDurationMs);
    // the same for IAM2: "Add to group" on the Virtual ID groups page
    await page.goto(`/virtual-id-groups/${sreUuid}`);
    const members = await series(runs, (i) =>
      addMemberRun(page, simN, { name: `vid-0${20001 + i + 1}`, log: logs[scale] }),
    );
    reportWrite('writes.addToGroup', members, jobDurationMs);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------------------------------- memory
await guarded('memory', async () => {
  const [poolUuid, groupUuid] = await Promise.all([
    simN.uuidByName('/load-balancers/servergroups', 'scale-pool-000002'),
    simN.uuidByName('/iam2/projects/groups', 'oncall'),
  ]);
  const out = await series(memoryRuns, () =>
    memoryRun(browser, sN.base, simN, { poolUuid, groupUuid, log: logs[scale], answers }),
  );
  for (const page of ['login', 'serverGroups', 'virtualIdGroups']) {
    report.series(
      `memory.${page}.scale${scale}`,
      out.map((r) => r[page]),
      'MB',
    );
  }
});

await browser.close();
browser = undefined;

// --------------------------------------------------------------------------------- list discipline
await guarded('lists', async () => {
  const all = [...logs[0], ...logs[scale]];
  const reads = all.filter(isListRead);
  const countOnly = (r) => queryOf(r).get('count') === 'true';
  const unlimited = reads.filter((r) => !queryOf(r).has('limit') && !countOnly(r));
  let maxLimit = 0;
  let maxLimitPath = '';
  for (const r of reads) {
    const limit = Number(queryOf(r).get('limit'));
    if (limit > maxLimit) [maxLimit, maxLimitPath] = [limit, r.path.replace('/zstack/v1', '')];
  }
  // GetCandidateVmNicsForLoadBalancerServerGroup has no paging (every candidate at once); the candidate
  // networks of a group (GetCandidateL3NetworksForServerGroup) are a short list
  const candidates = all.filter((r) => /candidate-nics/i.test(r.path));
  const biggest = answers.reduce((a, b) => (b.rows > (a?.rows ?? -1) ? b : a), undefined);
  const largestBytes = answers.reduce((m, a) => Math.max(m, a.bytes), 0);
  report.value('lists.readsChecked', reads.length, 'count');
  // every request of the whole run, writes included: nginx refuses a request line over 8 KB (414)
  const longest = all.reduce((a, r) => (requestLine(r).length > requestLine(a).length ? r : a), all[0]);
  if (longest) {
    const line = requestLine(longest);
    report.value(
      'lists.longestRequestLine',
      line.length,
      'bytes',
      targets.requestLine,
      `(${all.length} requests; ${line.slice(0, 80).replace('/zstack/v1', '')}…)`,
    );
  }
  report.value(
    'lists.readsWithoutLimit',
    unlimited.length,
    'count',
    { op: '==', value: 0 },
    unlimited.length ? `(${[...new Set(unlimited.map((r) => r.path))].join(', ')})` : '',
  );
  report.value('lists.maxLimit', maxLimit, 'count', { op: '<=', value: 1000 }, `(${maxLimitPath})`);
  report.value('lists.candidateNicCalls', candidates.length, 'count', { op: '==', value: 0 });
  if (biggest) {
    report.value(
      'lists.maxRowsInOneAnswer',
      biggest.rows,
      'count',
      { op: '<=', value: 1000 },
      `(${biggest.path.replace('/zstack/v1', '')}; largest answer ${kb(largestBytes)})`,
    );
  }
});

// ------------------------------------------------------------------------------------ simulator QPS
function runQps(spec) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'bench', 'qps.mjs'), JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), spec.timeMs + 15_000);
    child.on('close', (code) => {
      clearTimeout(kill);
      if (code !== 0) reject(new Error(`qps child exited ${code}: ${err.slice(0, 300)}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

await guarded('sim.qps', async () => {
  const session = await simN.adminSession();
  const variants = [
    {
      name: 'sim.qps.nicsLike',
      note: 'q=vmInstance.name~=%vm-0nnnn% limit=20',
      path: '/zstack/v1/vm-instances/nics',
      query: [
        ['q', 'vmInstance.name~=%{text}%'],
        ['limit', '20'],
      ],
    },
  ];
  if (consoleNicQuery) {
    const query = [...queryOf(consoleNicQuery)].map(([k, v]) => [
      k,
      k === 'q' && v.startsWith('name~=') ? 'name~=%{text}%' : v,
    ]);
    variants.push({
      name: 'sim.qps.nicsPickerQuery',
      note: `the "VM NICs" picker's query: VMs with their NICs (${query.filter(([k]) => k === 'q').length} conditions, replyWithCount, sort)`,
      path: consoleNicQuery.path,
      query,
    });
  }
  for (const v of variants) {
    const spec = { base: sN.base, session, path: v.path, query: v.query };
    const alone = await runQps({ ...spec, count: 100, concurrency: 1, timeMs: 3000 });
    report.value(
      v.name.replace('qps', 'latency'),
      alone.latency.p50,
      'ms',
      undefined,
      `p90=${alone.latency.p90.toFixed(1)}ms max=${alone.latency.max.toFixed(1)}ms requests=${alone.requests} one at a time (${v.note})`,
    );
    const r = await runQps({ ...spec, count: 400, concurrency: 4, timeMs: 5000 });
    report.value(
      v.name,
      r.qps,
      'qps',
      undefined,
      `requests=${r.requests} errors=${r.errors} in ${r.seconds.toFixed(1)}s, concurrency 4, latency p50=${r.latency.p50.toFixed(1)}ms p90=${r.latency.p90.toFixed(1)}ms p99=${r.latency.p99.toFixed(1)}ms (${v.note})`,
    );
  }
});

await cleanup();
const outcome = report.summary();
console.log(`bench: load average now ${load1()}`);
console.log(
  `bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s; figures in .bench/last.json`,
);
if (existsSync(lastFile)) renameSync(lastFile, join(benchDir, 'previous.json'));
writeFileSync(lastFile, JSON.stringify({ at: new Date().toISOString(), runs, ...report.toJSON() }, null, 2));
process.exit(outcome.errors ? 1 : 0);
