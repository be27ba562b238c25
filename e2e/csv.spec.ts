import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import {
  adminSession,
  backendsOf,
  callZStack,
  clearRequestLog,
  expect,
  isAddBackends,
  isAddMembers,
  logIn,
  membersOf,
  openVirtualIdGroup,
  personas,
  stagedWeight,
  test,
  type SimRequest,
} from './fixtures';
import { like, t } from './i18n';
import { requestLine } from './scale';

/**
 * CSV out and in, on the console + simulator at SIM_SCALE=10000 (playwright.config.ts, "scale"): its
 * seed has thousands of VM NICs on a load-balancer network and empty server groups to import into.
 */
const scalePort = Number(process.env.E2E_SCALE_PORT) || (Number(process.env.E2E_PORT) || 4173) + 2000;
// reduced motion: axe judges the dialog shown, not half-way through fading in
test.use({ baseURL: `http://127.0.0.1:${scalePort}`, contextOptions: { reducedMotion: 'reduce' } });
test.describe.configure({ timeout: 120_000 });

const maxLine = 8192;

async function uuidOf(request: APIRequestContext, session: string, path: string, name: string) {
  const answer = await callZStack(request, session, 'GET', `${path}?q=name=${name}&limit=1&fields=uuid`);
  const [item] = answer.body.inventories as { uuid: string }[];
  expect(item, `${path} ${name}`).toBeTruthy();
  return item!.uuid;
}

/** `scale-pool-000001` with the NICs of vm-000001..vm-001000, weights 1..100 in turn. */
async function seedWeightedBackends(request: APIRequestContext, count: number) {
  const session = await adminSession(request);
  const group = await uuidOf(request, session, '/load-balancers/servergroups', 'scale-pool-000001');
  const target = await uuidOf(request, session, '/load-balancers/servergroups', 'scale-pool-000002');
  const nics = await callZStack(
    request,
    session,
    'GET',
    `/vm-instances/nics?q=vmInstance.name~=vm-%25&limit=${count}&fields=uuid&sort=%2Buuid`,
  );
  const uuids = (nics.body.inventories as { uuid: string }[]).map((n) => n.uuid);
  expect(uuids).toHaveLength(count);
  const vmNics = uuids.map((uuid, i) => ({ uuid, weight: String((i % 100) + 1) }));
  const added = await callZStack(
    request,
    session,
    'POST',
    `/load-balancers/servergroups/${group}/backendservers`,
    {
      params: { vmNics },
    },
  );
  expect(added.status).toBe(200);
  return { group, target };
}

/** Clicks a section's "Export CSV" and returns the saved file's name and text. */
async function exportCsv(page: Page, section: string, label: string) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('region', { name: section }).getByRole('button', { name: label }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** Opens a section's "Import CSV" dialog. */
async function openImport(page: Page, section: string, label: string, title: string) {
  await page.getByRole('region', { name: section }).getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

const stat = (dialog: ReturnType<Page['getByRole']>, key: Parameters<typeof t>[0], n: number) =>
  expect(dialog.getByRole('group', { name: `${t(key)}: ${n.toLocaleString('en-US')}` })).toBeVisible();

test('1000 backends: export them as CSV, import the file into another group, add them all with their weights', async ({
  page,
  request,
  sim,
}, testInfo) => {
  const { group, target } = await seedWeightedBackends(request, 1000);
  const wanted = (await backendsOf(request, group)).map((b) => b.replace(/^nic:/, ''));
  await logIn(page, personas.admin);

  await page.goto(`/server-groups/${group}`);
  await expect(page.getByRole('region', { name: t('backends.title') })).toContainText('1,000');
  await clearRequestLog(request);
  const exportStarted = Date.now();
  const file = await exportCsv(
    page,
    t('backends.title'),
    t('csv.export.backendsLabel', { group: 'scale-pool-000001' }),
  );
  const exportMs = Date.now() - exportStarted;
  const exportReads = await sim.requests();
  expect(file.name).toBe('server-group-scale-pool-000001-backends.csv');
  const lines = file.text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('\uFEFFtype,VM,NIC uuid,IP,L3 network,weight,status');
  expect(lines).toHaveLength(1001);
  expect(lines[1]).toMatch(/^nic,vm-\d{6},[0-9a-f]{32},10\.64\.\d+\.\d+,app-net,\d+,/);

  await page.goto(`/server-groups/${target}`);
  await expect(page.getByRole('heading', { name: t('serverGroups.lb.title') })).toBeVisible();
  const dialog = await openImport(
    page,
    t('backends.add.title'),
    t('csv.import.backendsLabel', { group: 'scale-pool-000002' }),
    t('csv.import.backendsTitle'),
  );
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: t('csv.import.file') }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
  await expect(dialog.getByText(t('csv.import.fileRead', { file: file.name }))).toBeVisible();

  await clearRequestLog(request);
  const started = Date.now();
  await dialog.getByRole('button', { name: t('csv.import.check') }).click();
  await stat(dialog, 'csv.import.resolved', 1000);
  const resolveMs = Date.now() - started;
  await stat(dialog, 'csv.import.failed', 0);
  await stat(dialog, 'csv.import.alreadyMembers', 0);
  const measured = await dialog
    .getByText(t('csv.import.checked', { count: 1000, seconds: '…' }).split('…')[0]!)
    .textContent();
  const reads = await sim.requests();
  const longest = Math.max(...reads.map((r) => requestLine(r).length));
  testInfo.annotations.push({
    type: 'export 1000 backends',
    description: `${exportMs} ms, ${exportReads.length} requests, longest request line ${Math.max(...exportReads.map((r) => requestLine(r).length))}`,
  });
  for (const r of exportReads) expect(requestLine(r).length).toBeLessThanOrEqual(maxLine);
  testInfo.annotations.push({
    type: 'resolve 1000 rows',
    description: `${resolveMs} ms from the click (dialog: "${measured}"), ${reads.length} requests: ${reads.map((r) => `${r.method} ${r.path}`).join(', ')}; longest request line ${longest}`,
  });
  expect(reads.length).toBeLessThan(20);
  expect(longest).toBeLessThanOrEqual(maxLine);

  const staging = Date.now();
  await dialog.getByRole('button', { name: t('csv.import.stage', { count: 1000 }) }).click();
  await expect(dialog).toBeHidden();
  const add = page.getByRole('region', { name: t('backends.add.title') });
  await expect(stagedWeight(page, 'vm-000001')).toBeVisible();
  testInfo.annotations.push({ type: 'stage 1000 rows', description: `${Date.now() - staging} ms` });
  await clearRequestLog(request);
  await add.getByRole('button', { name: t('backends.add.submit') }).click();
  await expect.poll(async () => (await backendsOf(request, target)).length, { timeout: 30_000 }).toBe(1000);

  const adds = (await sim.requests()).filter(isAddBackends);
  expect(adds.length).toBeGreaterThanOrEqual(1);
  for (const r of adds) expect(requestLine(r).length).toBeLessThanOrEqual(maxLine);
  const sent = adds.flatMap(
    (r: SimRequest) =>
      (r.body as { params: { vmNics?: { uuid: string; weight: string }[] } }).params.vmNics ?? [],
  );
  expect(sent.map((n) => `${n.uuid}=${n.weight}`).sort()).toEqual(wanted);
  expect((await backendsOf(request, target)).map((b) => b.replace(/^nic:/, ''))).toEqual(wanted);
});

test('an import with bad rows says why for each and stages only the good rows', async ({ page, request }) => {
  const session = await adminSession(request);
  const webPool = await uuidOf(request, session, '/load-balancers/servergroups', 'web-pool');
  await logIn(page, personas.admin);
  await page.goto(`/server-groups/${webPool}`);
  await expect(page.getByRole('heading', { name: t('serverGroups.lb.title') })).toBeVisible();
  const dialog = await openImport(
    page,
    t('backends.add.title'),
    t('csv.import.backendsLabel', { group: 'web-pool' }),
    t('csv.import.backendsTitle'),
  );
  await dialog.getByRole('button', { name: t('csv.import.check') }).click();
  await expect(dialog.getByText(t('csv.import.nothing'))).toBeVisible();

  await dialog
    .getByRole('textbox', { name: t('csv.import.text') })
    .fill(
      [
        'VM,IP,weight',
        'web-2,10.0.0.12,40',
        'web-1,10.0.0.11,10',
        'nobody,10.0.0.77,5',
        'db-1,10.0.1.11,5',
        'web-3,10.0.0.13,500',
        ',192.168.50.5,',
        'web-2,10.0.0.12,1',
      ].join('\n'),
    );
  await dialog.getByRole('button', { name: t('csv.import.check') }).click();
  await stat(dialog, 'csv.import.resolved', 2);
  await stat(dialog, 'csv.import.failed', 4);
  await stat(dialog, 'csv.import.alreadyMembers', 1);
  const problems = dialog.getByRole('table', { name: t('csv.import.problems') });
  const rows = problems.getByRole('row');
  await expect(rows).toHaveCount(6);
  const expected: [number, string, string][] = [
    [3, 'web-1, 10.0.0.11, 10', t('csv.reason.alreadyMember')],
    [4, 'nobody, 10.0.0.77, 5', t('csv.reason.unknownVm', { detail: 'nobody' })],
    [5, 'db-1, 10.0.1.11, 5', t('csv.reason.notOnLbNetwork', { detail: 'db-net' })],
    [6, 'web-3, 10.0.0.13, 500', t('csv.row.badWeight', { detail: '500' })],
    [8, 'web-2, 10.0.0.12, 1', t('csv.reason.duplicate', { detail: '2' })],
  ];
  for (const [i, [line, value, why]] of expected.entries())
    await expect(rows.nth(i + 1).getByRole('cell')).toHaveText([String(line), value, why]);
  // the preview, in both themes: no serious or critical WCAG 2.1 AA finding
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .include('[role=dialog]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      colorScheme,
    ).toEqual([]);
  }

  await dialog.getByRole('button', { name: t('csv.import.stage', { count: 2 }) }).click();
  await expect(dialog).toBeHidden();
  await expect(stagedWeight(page, 'web-2')).toHaveValue('40');
  await expect(stagedWeight(page, '192.168.50.5')).toHaveValue('100');
  await expect(
    page
      .getByRole('region', { name: t('backends.add.title') })
      .getByRole('textbox', { name: like('backends.weight.for', {}, 'en', '^') }),
  ).toHaveCount(2);
});

test('virtual ID members: export a group as CSV and import the file into another group', async ({
  page,
  request,
  sim,
}) => {
  const session = await adminSession(request);
  const oncall = await uuidOf(request, session, '/iam2/projects/groups', 'oncall');
  const sre = await uuidOf(request, session, '/iam2/projects/groups', 'sre');
  const bob = await uuidOf(request, session, '/iam2/virtual-ids', 'bob');
  expect(
    (
      await callZStack(request, session, 'POST', `/iam2/projects/groups/${oncall}/virtual-ids`, {
        params: { virtualIDUuids: [bob] },
      })
    ).status,
  ).toBe(200);
  await logIn(page, personas.admin);
  await openVirtualIdGroup(page, 'ops', 'oncall');
  const file = await exportCsv(page, t('members.title'), t('csv.export.membersLabel', { group: 'oncall' }));
  expect(file.name).toBe('virtual-id-group-oncall-members.csv');
  const lines = file.text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['alice', 'bob']);

  await page.goto(`/virtual-id-groups/${sre}`);
  const dialog = await openImport(
    page,
    t('addMembers.title'),
    t('csv.import.membersLabel', { group: 'sre' }),
    t('csv.import.membersTitle'),
  );
  await dialog
    .getByRole('textbox', { name: t('csv.import.text') })
    .fill(`${file.text}mallory,,,\nnobody,,,\n`);
  await dialog.getByRole('button', { name: t('csv.import.check') }).click();
  await stat(dialog, 'csv.import.resolved', 2);
  await stat(dialog, 'csv.import.failed', 2);
  await expect(dialog).toContainText(t('csv.reason.staled', { detail: 'mallory' }));
  await expect(dialog).toContainText(t('csv.reason.unknownVirtualId', { detail: 'nobody' }));
  await dialog.getByRole('button', { name: t('csv.import.stage', { count: 2 }) }).click();
  await expect(dialog).toBeHidden();
  await clearRequestLog(request);
  await page.getByRole('button', { name: t('addMembers.submit') }).click();
  await expect.poll(() => membersOf(request, sre)).toEqual(['alice', 'bob']);
  expect((await sim.requests()).filter(isAddMembers)).toHaveLength(1);
});
