import type { APIRequestContext, Page } from '@playwright/test';
import {
  addSection,
  adminSession,
  backendsTable,
  callZStack,
  chooseServerGroup,
  expect,
  logIn,
  nicUuidOf,
  openServerGroupsPage,
  personas,
  stageNic,
  stagedWeight,
  test,
  uuidsOf,
  type SimRequest,
} from './fixtures';
import { escapeRegExp, like, t } from './i18n';

/**
 * What the server group page tells of traffic, against the simulator's seed (sim/README.md): web-pool
 * on web-lb's http-80 (weighted round robin, with canary-pool) and https-443 (round robin); tenant-pool
 * on a round robin listener; shared-pool on a least connections listener, shared-vm-2 stopped. ZWatch is
 * off unless a test switches it on (`/__sim/zwatch`).
 */

const control = { 'X-Sim-Control': '1' };

async function zwatch(request: APIRequestContext, enabled: boolean): Promise<void> {
  expect((await request.post('/__sim/zwatch', { data: { enabled }, headers: control })).ok()).toBe(true);
}

async function markBackend(request: APIRequestContext, mark: Record<string, unknown>): Promise<void> {
  expect((await request.post('/__sim/zwatch/backends', { data: mark, headers: control })).ok()).toBe(true);
}

/** Puts web-2's NIC into canary-pool (only on http-80, weighted round robin) with `weight`. */
async function canaryWithWeb2(request: APIRequestContext, weight: number): Promise<string> {
  const [canary] = await uuidsOf(request, '/load-balancers/servergroups', ['canary-pool']);
  const nic = await nicUuidOf(request, '10.0.0.12');
  const added = await callZStack(
    request,
    await adminSession(request),
    'POST',
    `/load-balancers/servergroups/${canary}/backendservers`,
    { params: { vmNics: [{ uuid: nic, weight: String(weight) }] } },
  );
  expect(added.status).toBe(200);
  return canary!;
}

/** Logs in as the admin and opens server group `name`. */
async function openGroup(page: Page, name: string): Promise<void> {
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, name, name);
}

/** Checks web-2 in the table and presses "Drain selected". */
async function drainWeb2(page: Page): Promise<void> {
  await backendsTable(page)
    .getByRole('checkbox', { name: t('workbench.selectRow', { label: 'web-2' }) })
    .check();
  await page
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(t('traffic.drain.selected'))}`) })
    .click();
}

const row = (page: Page, text: string) => backendsTable(page).getByRole('row').filter({ hasText: text });
const cell = (page: Page, text: string, column: number) => row(page, text).getByRole('cell').nth(column);
// the columns after the checkbox: backend, IP, weight, share, status, health
const share = 4;
const status = 5;
const health = 6;
const isWeightChange = (r: SimRequest) => r.method === 'PUT' && r.path.endsWith('/backendserver/actions');
const shareOf = (backend: string, listener: string) =>
  t('backends.shareFor', { label: t('traffic.share.backendOnListener', { backend, listener }) });
const isMetrics = (r: SimRequest) => r.path.endsWith('/zwatch/metrics');
const drains = (page: Page) => page.getByRole('region', { name: t('traffic.drain.title') });

test('weighted shares where weights decide, the equal split and its note where they do not, per listener', async ({
  page,
  sim,
}) => {
  await openGroup(page, 'web-pool');

  // the summary: each listener's algorithm and health check, from one QuerySystemTag request
  const listeners = page.getByRole('list', { name: t('serverGroups.lb.listeners') });
  const http = listeners.getByRole('listitem').filter({ hasText: 'http-80' });
  await expect(http).toContainText(t('traffic.algorithm.weightroundrobin'));
  await expect(http).toContainText(
    like('traffic.health.checkHttp', { method: /\w+/, uri: /\S+/, port: /\d+/, interval: /\d+/ }),
  );
  await expect(listeners.getByRole('listitem').filter({ hasText: 'https-443' })).toContainText(
    t('traffic.algorithm.roundrobin'),
  );
  expect((await sim.requests()).filter((r) => r.path.endsWith('/system-tags'))).toHaveLength(1);

  // web-1: the whole of http-80 (canary-pool is empty) as a bar; on https-443 an equal split, no bar
  const web1 = cell(page, 'web-1', share);
  await expect(web1.getByRole('progressbar', { name: shareOf('web-1', 'http-80') })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(web1.getByRole('progressbar')).toHaveCount(1);
  await expect(web1).toContainText(t('traffic.cell.equal', { share: '100%' }));
  await expect(page.getByText(t('traffic.share.equal'))).toBeVisible();

  // after the change: web-2 at weight 30 gets 30 / 130 of http-80 and half of https-443
  await stageNic(page, 'web-2');
  await stagedWeight(page, 'web-2').fill('30');
  await expect(page.getByRole('progressbar', { name: shareOf('web-2', 'http-80') })).toHaveAttribute(
    'aria-valuenow',
    '23.1',
  );
  await expect(page.getByText(t('traffic.cell.equal', { share: '50%' }))).toBeVisible();
  await expect(
    page.getByText(t('traffic.share.weightsSomeListeners', { listeners: 'http-80' })).first(),
  ).toBeVisible();

  // a group on a round robin listener only: an equal split with no bar, and the plain sentence
  await chooseServerGroup(page, 'tenant-pool', 'tenant-pool');
  await stageNic(page, 'tenant-vm-1');
  const added = addSection(page);
  await expect(added.getByText(t('traffic.cell.equal', { share: '100%' }))).toBeVisible();
  await expect(page.getByText(t('traffic.share.equal'))).toBeVisible();
  await expect(added.getByText(t('traffic.share.weightsNoEffect'))).toBeVisible();
  await expect(added.getByRole('progressbar')).toHaveCount(0);
});

test('the attachment status, labelled as such, with the VM state: a stopped VM is Inactive', async ({
  page,
  sim,
}) => {
  void sim;
  await openGroup(page, 'shared-pool');
  await expect(
    backendsTable(page).getByRole('columnheader', { name: t('traffic.status.heading') }),
  ).toBeVisible();
  await expect(page.getByText(t('traffic.status.notHealth'))).toBeVisible();
  const stopped = cell(page, 'shared-vm-2', status);
  await expect(stopped).toContainText(t('traffic.status.inactive'));
  await expect(stopped).toContainText(t('traffic.vm.stopped'));
  await expect(cell(page, 'shared-vm-2', share)).toContainText(t('traffic.cell.inactive'));
  const running = cell(page, 'shared-vm-1', status);
  await expect(running).toContainText(t('traffic.status.active'));
  await expect(running).toContainText(t('traffic.vm.running'));
  // least connections: no figure, and what decides instead
  await expect(cell(page, 'shared-vm-1', share)).toHaveText(t('traffic.cell.noFigure'));
  await expect(page.getByText(t('traffic.share.leastconn'))).toBeVisible();
});

test('health from ZWatch, per listener: one request for the table page, up and down', async ({
  page,
  sim,
  request,
}) => {
  await zwatch(request, true);
  await markBackend(request, { ip: '10.0.0.11', up: false });
  await openGroup(page, 'web-pool');
  const web1 = cell(page, 'web-1', health);
  const down = t('traffic.health.down');
  // a line per listener: its name, then the health on it
  await expect(web1).toContainText(new RegExp(`http-80\\s*${escapeRegExp(down)}`));
  await expect(web1).toContainText(new RegExp(`https-443\\s*${escapeRegExp(down)}`));
  await expect(cell(page, 'web-1', share)).toContainText(t('traffic.cell.down'));
  expect((await sim.requests()).filter(isMetrics)).toHaveLength(1);

  await markBackend(request, { ip: '10.0.0.11', up: true });
  await page.reload();
  const up = t('traffic.health.up');
  await expect(cell(page, 'web-1', health)).toContainText(new RegExp(`http-80\\s*${escapeRegExp(up)}`));
  await expect(page.getByText(t('traffic.health.needsZWatch'))).toHaveCount(0);
});

test('without ZWatch the health column says once, calmly, that it needs ZWatch, and asks no more', async ({
  page,
  sim,
}) => {
  await openGroup(page, 'web-pool');
  await expect(page.getByText(t('traffic.health.needsZWatch'))).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.waitForTimeout(1000);
  expect((await sim.requests()).filter(isMetrics)).toHaveLength(1);
});

test('drains a backend to 0 open sessions, then removes it', async ({ page, sim, request }) => {
  await canaryWithWeb2(request, 40);
  await zwatch(request, true);
  await markBackend(request, { ip: '10.0.0.12', sessions: 12 });
  await openGroup(page, 'canary-pool');
  await drainWeb2(page);

  const item = drains(page).getByRole('listitem', { name: 'web-2' });
  await expect(item).toContainText(like('traffic.drain.sessions', { count: /\d+/ }));
  await expect(cell(page, 'web-2', status)).toContainText(t('traffic.drain.draining'));
  const sent = (await sim.requests()).filter(isWeightChange);
  expect(sent.map((r) => r.body)).toEqual([
    { changeLoadBalancerBackendServer: { vmNics: [{ uuid: expect.any(String), weight: '0' }] } },
  ]);
  // the sessions fall to 0 within a few seconds of weight 0
  await expect(item).toContainText(t('traffic.drain.drained'), { timeout: 10_000 });
  await item.getByRole('button', { name: t('traffic.drain.remove'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'canary-pool' }) });
  await dialog
    .getByRole('button', {
      name: new RegExp(
        `^${escapeRegExp(t('workbench.removeCount', { count: t('backends.count', { count: 1 }) }))}`,
      ),
    })
    .click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('region', { name: t('workbench.none', { what: t('backends.many') }) }),
  ).toBeVisible();
  await expect(drains(page)).toHaveCount(0);
});

test('refuses to drain where weights have no effect, saying why, and offers removal instead', async ({
  page,
  sim,
}) => {
  await openGroup(page, 'web-pool');
  await backendsTable(page)
    .getByRole('checkbox', { name: t('workbench.selectRow', { label: 'web-1' }) })
    .check();
  await page
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(t('traffic.drain.selected'))}`) })
    .click();
  const refusal = page.getByRole('alert').filter({ hasText: t('traffic.drain.refusedTitle') });
  await expect(refusal).toContainText(t('traffic.drain.refusedAlgorithm', { listeners: 'https-443' }));
  expect((await sim.requests()).filter(isWeightChange)).toHaveLength(0);
  await refusal.getByRole('button', { name: t('traffic.drain.removeInstead') }).click();
  await expect(
    page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'web-pool' }) }),
  ).toContainText('web-1');
});

test('restores the weight a drained backend had before', async ({ page, sim, request }) => {
  await canaryWithWeb2(request, 40);
  await openGroup(page, 'canary-pool');
  await drainWeb2(page);
  const item = drains(page).getByRole('listitem', { name: 'web-2' });
  // without ZWatch the console cannot see open sessions, and says so
  await expect(item).toContainText(like('traffic.drain.unverified'));
  await expect(cell(page, 'web-2', 3)).toHaveText('0');
  // a reload keeps the weight to restore (sessionStorage)
  await page.reload();
  await item.getByRole('button', { name: t('traffic.drain.restoreTo', { weight: 40 }) }).click();
  await expect(cell(page, 'web-2', 3)).toHaveText('40');
  await expect(drains(page)).toHaveCount(0);
  const sent = (await sim.requests()).filter(isWeightChange).map((r) => r.body);
  expect(sent).toEqual([
    { changeLoadBalancerBackendServer: { vmNics: [{ uuid: expect.any(String), weight: '0' }] } },
    { changeLoadBalancerBackendServer: { vmNics: [{ uuid: expect.any(String), weight: '40' }] } },
  ]);
});
