import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test as base } from '@playwright/test';
import { fillLogin, personas } from './fixtures';
import { t } from './i18n';

/**
 * `ZSTACK_API_URL=http://<node>:8080 npm start` (or preview) proxies /zstack to a real management node and
 * disables the built-in simulator. Here the "node" is the simulator running alone (`npm run sim`), and the
 * console is the same build the other journeys use, served by a second preview with ZSTACK_API_URL set.
 */
const nodePort = 4191;
const consolePort = 4192;

/** Starts a server in its own process group (so that stopping it stops what it started) and waits for it. */
async function start(
  command: string,
  args: string[],
  env: Record<string, string>,
  url: string,
): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      await fetch(url);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  stop(child);
  throw new Error(`${command} ${args.join(' ')} did not answer at ${url}`);
}

function stop(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

const test = base;
const children: ChildProcess[] = [];

test.beforeAll(async () => {
  children.push(
    await start(
      'node_modules/.bin/tsx',
      ['sim/main.ts'],
      { SIM_PORT: String(nodePort) },
      `http://127.0.0.1:${nodePort}/__sim/info`,
    ),
  );
  children.push(
    await start(
      'node_modules/.bin/vite',
      ['preview', '--port', String(consolePort), '--strictPort'],
      { ZSTACK_API_URL: `http://127.0.0.1:${nodePort}` },
      `http://127.0.0.1:${consolePort}/login`,
    ),
  );
});

test.afterAll(() => {
  for (const child of children.splice(0)) stop(child);
});

test('with ZSTACK_API_URL the console talks to that node through its own origin, and the simulator is off', async ({
  page,
  request,
}) => {
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const nodeUrl = `http://127.0.0.1:${nodePort}`;
  expect((await request.delete(`${nodeUrl}/__sim/requests`)).ok()).toBe(true);

  // the console's origin no longer mounts the simulator's controls
  expect((await request.post(`${consoleUrl}/__sim/reset`)).status()).not.toBe(200);

  await page.goto(`${consoleUrl}/login`);
  await fillLogin(page, personas.admin);
  await expect(page.getByRole('button', { name: t('app.logOut') })).toBeVisible();
  await page
    .getByRole('navigation', { name: t('app.nav.label') })
    .getByRole('link', { name: t('app.nav.serverGroups') })
    .click();
  const picker = page.getByRole('combobox', { name: t('serverGroups.picker') });
  await picker.click();
  await picker.fill('web');
  await expect(page.getByRole('option', { name: /^web-pool\b/ })).toBeVisible();

  // every API call reached the node, with the browser never talking to it directly
  const log = (await (await request.get(`${nodeUrl}/__sim/requests`)).json()) as { path: string }[];
  expect(log.some((r) => r.path.endsWith('/accounts/login'))).toBe(true);
  expect(log.some((r) => r.path.endsWith('/load-balancers/servergroups'))).toBe(true);
});
