// What the benchmark does in Chromium. Every timed step is measured inside the page (probe.mjs); the
// simulator's request log says how many requests each step made.
import { probe } from './probe.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const waitMs = 15_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fresh context; `locale` is the browser's language, which a first visit of the console follows. */
export async function newPage(browser, base, { locale = 'en-US' } = {}) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 }, locale });
  await context.addInitScript(probe);
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);
  return { context, page };
}

async function waitMark(page, name) {
  const mark = await page.evaluate(([n, t]) => globalThis.__bench.wait(n, t), [name, waitMs]);
  if (!mark || mark.error) throw new Error(`${name}: ${mark?.error ?? 'no mark'} at ${page.url()}`);
  return mark;
}

/**
 * Where the time of a step went, from the page's resource timing: `before` = start to the first API
 * request (debounce, code, hashing), `network` = time with at least one API request in flight,
 * `after` = last answer to painted (parsing, rendering), `roundTrips` = sequential waves of requests.
 */
export function breakdown(mark, requests) {
  const rs = [...requests].sort((a, b) => a.start - b.start);
  if (!rs.length)
    return { before: mark.paint - mark.start, network: 0, after: 0, roundTrips: 0, requests: 0 };
  let network = 0;
  let roundTrips;
  let [curStart, curEnd] = [rs[0].start, rs[0].end];
  roundTrips = 1;
  for (const r of rs.slice(1)) {
    if (r.start > curEnd) {
      network += curEnd - curStart;
      [curStart, curEnd] = [r.start, r.end];
      roundTrips += 1;
    } else curEnd = Math.max(curEnd, r.end);
  }
  network += curEnd - curStart;
  const lastEnd = Math.max(...rs.map((r) => r.end));
  return {
    before: rs[0].start - mark.start,
    network,
    after: mark.paint - lastEnd,
    roundTrips,
    requests: rs.length,
  };
}

/**
 * Runs `action` and returns the time from its trusted `start` event to `spec` holding, painted, with the
 * API requests made in between.
 */
export async function timedDetail(page, name, spec, start, action) {
  await page.evaluate(([n, s, st]) => globalThis.__bench.watch(n, s, st), [name, spec, start]);
  await action();
  const mark = await waitMark(page, name);
  const requests = await page.evaluate(
    ([a, b]) => globalThis.__bench.requests(a, b),
    [mark.start, mark.paint],
  );
  return { ms: mark.paint - mark.start, mark, requests, parts: breakdown(mark, requests) };
}

let untimedCount = 0;
/** Waits until `spec` holds (no figure). */
export async function until(page, spec) {
  const name = `until-${(untimedCount += 1)}`;
  await page.evaluate(([n, s]) => globalThis.__bench.watch(n, s, 'now'), [name, spec]);
  await waitMark(page, name);
}

export async function fillLogin(page) {
  await page.getByLabel('Name', { exact: true }).fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('password');
}

const serverGroupsUsable = { pred: 'enabled', args: ['Server group'] };

/** Logs in as admin through the form and waits for the start page. */
export async function logIn(page) {
  await page.goto('/login');
  await until(page, { pred: 'loginUsable' });
  await fillLogin(page);
  await page.getByRole('button', { name: 'Log in' }).click();
  await until(page, serverGroupsUsable);
}

/**
 * One cold visit (new browser context: empty cache and storage): navigation to a usable login form, then
 * the click on "Log in" to a usable "Server groups" page. With `files`, also lists every JS and CSS file
 * the login page loads before any interaction, and those it loads while the admin types (each time
 * waiting for the network to go quiet).
 */
export async function loadRun(browser, base, { files } = {}) {
  const { context, page } = await newPage(browser, base);
  try {
    const loaded = [];
    page.on('request', (r) => {
      const type = r.resourceType();
      if (type === 'script' || type === 'stylesheet') loaded.push(new URL(r.url()).pathname.slice(1));
    });
    await page.goto('/login');
    const login = await waitMark(page, 'loginUsable');
    if (files) await page.waitForLoadState('networkidle');
    const firstPageFiles = [...loaded];
    await fillLogin(page);
    if (files) await page.waitForLoadState('networkidle');
    const typingFiles = loaded.slice(firstPageFiles.length);
    const app = await timedDetail(page, 'serverGroups', serverGroupsUsable, 'click', () =>
      page.getByRole('button', { name: 'Log in' }).click(),
    );
    return {
      loginMs: login.paint - login.start,
      loginToServerGroups: app.ms,
      appParts: app.parts,
      firstPageFiles,
      typingFiles,
    };
  } finally {
    await context.close();
  }
}

/** Every JS and CSS file a cold visit of the login page loads before any input, in a browser in `locale`. */
export async function firstPageFiles(browser, base, locale) {
  const { context, page } = await newPage(browser, base, { locale });
  try {
    const loaded = [];
    page.on('request', (r) => {
      if (['script', 'stylesheet'].includes(r.resourceType()))
        loaded.push(new URL(r.url()).pathname.slice(1));
    });
    await page.goto('/login');
    await waitMark(page, 'loginUsable');
    await page.waitForLoadState('networkidle');
    return loaded;
  } finally {
    await context.close();
  }
}

/** Search texts for run i: `final` matches 10 rows, `prefix` (one key less) 100. */
export function searchTexts(stem, i) {
  const final = `${stem}-0${1000 + ((i * 7919) % 8999)}`;
  return { final, prefix: final.slice(0, -1), key: final.slice(-1) };
}

/**
 * Keystroke to results painted in a picker at scale: type all but the last character, wait for those
 * results, clear the request log, press the last key and time it to the new options painted.
 */
export async function pickerRuns(page, sim, { label, stem, runs, log }) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await until(page, { pred: 'optionsShown' });
  const times = [];
  const parts = [];
  const requests = [];
  for (let i = 0; i < runs; i += 1) {
    const { final, prefix, key } = searchTexts(stem, i);
    await box.fill(prefix);
    await until(page, { pred: 'optionsContain', args: [prefix] });
    await sim.clearRequests();
    const step = await timedDetail(
      page,
      `pick-${label}-${i}`,
      { pred: 'optionsContain', args: [final] },
      'keydown',
      () => box.press(key),
    );
    times.push(step.ms);
    parts.push(step.parts);
    await sleep(250); // anything the search does after painting still counts as its requests
    const records = await sim.requests();
    log.push(...records);
    requests.push(records.filter((r) => r.method === 'GET' && !r.path.includes('/api-jobs/')));
  }
  await box.fill('');
  await box.press('Escape');
  return { times, parts, requests };
}

/**
 * Click on "Add backend servers" to the new backend shown in the table, for one staged IP address in an
 * empty scale group (a different group each run); the polls are the job's GETs in the request log.
 */
export async function writeRun(page, sim, { groupUuid, ip, log }) {
  await page.goto(`/server-groups/${groupUuid}`);
  await until(page, {
    all: [
      { pred: 'enabled', args: ['IP addresses'] },
      { pred: 'present', args: ['Backend servers'] },
    ],
  });
  await page.getByLabel('IP addresses', { exact: true }).fill(ip);
  await page.getByRole('button', { name: 'Add to list' }).click();
  const add = page.getByRole('button', { name: 'Add backend servers' });
  await add.waitFor();
  await until(page, { pred: 'enabled', args: [`Weight for ${ip}`] });
  await sim.clearRequests();
  const { ms, parts } = await timedDetail(
    page,
    `write-${ip}`,
    { pred: 'tableRowContains', args: ['Backend servers', ip] },
    'click',
    () => add.click(),
  );
  return { ms, parts, ...(await jobRequests(sim, log, (r) => r.path.endsWith('/backendservers'))) };
}

/** The write's polls (GETs of its job) and the reads after it, from the request log. */
async function jobRequests(sim, log, isWrite) {
  await sleep(250); // the reads that follow the job (invalidated queries) belong to the write
  const records = await sim.requests();
  log.push(...records);
  const write = records.find((r) => r.method !== 'GET' && isWrite(r));
  if (!write?.jobUuid) throw new Error('no async write with a job in the request log');
  const polls = records.filter((r) => r.method === 'GET' && r.path.endsWith(`/api-jobs/${write.jobUuid}`));
  const reads = records.filter((r) => r.method === 'GET' && !r.path.includes('/api-jobs/'));
  return { polls: polls.length, readsAfter: reads.length };
}

/**
 * Click on "Add to group" to the new member shown in the Members table, for one virtual ID chosen in the
 * picker (a different one each run) of the page that is open.
 */
export async function addMemberRun(page, sim, { name, log }) {
  const box = page.getByRole('combobox', { name: 'Virtual IDs' });
  await box.click();
  await box.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
  await box.press('Escape');
  const add = page.getByRole('button', { name: 'Add to group' });
  await sim.clearRequests();
  const { ms, parts } = await timedDetail(
    page,
    `member-${name}`,
    { pred: 'tableRowContains', args: ['Members', name] },
    'click',
    () => add.click(),
  );
  return { ms, parts, ...(await jobRequests(sim, log, (r) => r.path.endsWith('/virtual-ids'))) };
}

/** JS heap of the page after a full garbage collection (DevTools protocol). */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * Opens each page (fresh document each time) at scale with its list picker opened once, and measures
 * the JS heap after GC; also records the largest API answer the browser received.
 */
export async function memoryRun(browser, base, sim, { poolUuid, groupUuid, log, answers }) {
  const { context, page } = await newPage(browser, base);
  try {
    page.on('response', async (res) => {
      const url = res.url();
      if (!url.includes('/zstack/v1/') || res.request().method() !== 'GET') return;
      try {
        const text = await res.text();
        const rows = JSON.parse(text).inventories?.length ?? 0;
        answers.push({ path: new URL(url).pathname, bytes: text.length, rows });
      } catch {
        // not JSON, or the page went away
      }
    });
    const cdp = await context.newCDPSession(page);
    await sim.clearRequests();
    await page.goto('/login');
    await waitMark(page, 'loginUsable');
    const login = await heapAfterGc(cdp);

    await fillLogin(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await until(page, serverGroupsUsable);
    await page.goto(`/server-groups/${poolUuid}`);
    await until(page, {
      all: [
        { pred: 'enabled', args: ['VM NICs'] },
        { pred: 'present', args: ['Backend servers'] },
      ],
    });
    await page.getByRole('combobox', { name: 'VM NICs' }).click();
    await until(page, { pred: 'optionsShown' });
    const serverGroups = await heapAfterGc(cdp);

    await page.goto(`/virtual-id-groups/${groupUuid}`);
    await until(page, {
      all: [
        { pred: 'enabled', args: ['Virtual IDs'] },
        { pred: 'present', args: ['Members'] },
      ],
    });
    await page.getByRole('combobox', { name: 'Virtual IDs' }).click();
    await until(page, { pred: 'optionsShown' });
    const virtualIdGroups = await heapAfterGc(cdp);
    await sleep(100);
    log.push(...(await sim.requests()));
    return { login, serverGroups, virtualIdGroups };
  } finally {
    await context.close();
  }
}
