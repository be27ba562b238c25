#!/usr/bin/env node
// Runs every test the project has: type-check, lint, unit + simulator (Vitest), build, end-to-end
// (Playwright in Debian's Chromium), and ends with one summary line that CI reads:
//   tests: N passed, N failed, N skipped
// Installs what a fresh clone lacks first (node_modules, /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-results', 'summary');
const chromium = '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const started = Date.now();

function run(label, command, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${label}: ${result.status === 0 ? 'ok' : `exit ${result.status ?? result.signal}`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return result.status === 0;
}

/** A step that is one check: it passes or fails as a whole. */
function check(label, command, args, env) {
  const ok = run(label, command, args, env);
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function ensureChromium() {
  if (existsSync(chromium)) return true;
  console.log(`${chromium} is missing: installing Debian's chromium package`);
  const asRoot = process.getuid?.() === 0;
  const apt = (...args) =>
    asRoot ? run('apt-get', 'apt-get', args) : run('apt-get', 'sudo', ['apt-get', ...args]);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  process.env.DEBIAN_FRONTEND = env.DEBIAN_FRONTEND;
  if (!apt('install', '-y', '--no-install-recommends', 'chromium')) {
    apt('update');
    apt('install', '-y', '--no-install-recommends', 'chromium');
  }
  return existsSync(chromium);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  if (!check('install', 'npm', ['ci', '--no-audit', '--no-fund'])) finish();
}

check('type-check', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);

const vitestJson = join(out, 'vitest.json');
const vitestOk = run('unit and simulator tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += (vitest.numFailedTests ?? 0) + (vitestOk || vitest.numFailedTests ? 0 : 1);
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (!vitestOk) failures.push('vitest');
} else {
  totals.failed += 1;
  failures.push('vitest (no report)');
}

const built = check('build', 'npx', ['vite', 'build']);
if (!ensureChromium()) {
  totals.failed += 1;
  failures.push('chromium could not be installed');
} else if (built) {
  const pwJson = join(out, 'playwright.json');
  const pwOk = run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    E2E_SKIP_BUILD: '1',
  });
  const stats = readJson(pwJson)?.stats;
  if (stats) {
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += (stats.unexpected ?? 0) + (pwOk || stats.unexpected ? 0 : 1);
    totals.skipped += stats.skipped ?? 0;
    if (!pwOk) failures.push('end-to-end');
  } else {
    totals.failed += 1;
    failures.push('end-to-end (no report)');
  }
}

finish();

function finish() {
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  if (failures.length) console.log(`\nfailed: ${failures.join(', ')} (${minutes} min)`);
  else console.log(`\nall green (${minutes} min)`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
