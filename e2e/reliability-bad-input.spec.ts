import type { Page } from '@playwright/test';
import {
  adminSession,
  backendsOf,
  backendsTable,
  callZStack,
  chooseServerGroup,
  clearRequestLog,
  expect,
  isAddBackends,
  isAddMembers,
  logIn,
  membersOf,
  nicUuidOf,
  openServerGroupsPage,
  openVirtualIdGroup,
  personas,
  type Sim,
  stagedWeight,
  stageIps,
  test,
  uuidsOf,
} from './fixtures';
import { like, t } from './i18n';

/**
 * Bad input: every value is refused at its field, with a message that says what is wrong, before
 * anything is sent (the simulator's request log shows no write); and ZStack, sent the same values directly,
 * refuses them with its own errors.
 */

const badWeights = ['-1', '101', '1.5', '', 'abc', '1e3'];
const range = { min: 0, max: 100 };
const weightMessage = (w: string) =>
  w === '' ? t('backends.weight.empty', range) : t('backends.weight.invalid', range);
const lineProblem = (
  line: number,
  reason: 'backends.ip.invalid' | 'backends.weight.invalid',
  value: string,
) => t('backends.ips.lineProblem', { line, reason: t(reason, range), value });

async function writesSent(sim: Sim): Promise<number> {
  return (await sim.requests()).filter((r) => r.method !== 'GET' && !r.path.includes('/accounts/')).length;
}

test.describe('bad input, server groups', () => {
  test('bad IPs and weights are refused at their line or row with the reason; nothing is sent', async ({
    page,
    sim,
    request,
  }) => {
    const [devPool] = await uuidsOf(request, '/load-balancers/servergroups', ['dev-pool']);
    const before = await backendsOf(request, devPool!);
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseServerGroup(page, 'dev-pool', 'dev-pool');
    await expect(backendsTable(page).getByRole('row').filter({ hasText: '192.168.100.10' })).toBeVisible();
    await clearRequestLog(request);

    // An empty list cannot be sent, and the form says what to do.
    await expect(page.getByRole('button', { name: t('backends.add.submit') })).toBeDisabled();
    await expect(page.getByText(t('backends.staged.empty'))).toBeVisible();

    await stageIps(
      page,
      [
        '999.1.1.1',
        '10.0.0',
        '::gg',
        '192.168. 1.1',
        ...badWeights.filter((w) => w !== '').map((w, i) => `192.168.9.${i + 1} ${w}`),
        '192.168.100.10', // already a backend of dev-pool
        '192.168.9.9 40',
        '192.168.9.9 50', // twice in the list
        '   192.168.9.8   ', // spaces around an address are fine
      ].join('\n'),
    );
    const area = page.getByRole('textbox', { name: t('backends.ips.label') });
    await expect(area).toHaveAttribute('aria-invalid', 'true');
    await expect(
      page.getByRole('list', { name: t('backends.ips.problemsLabel') }).getByRole('listitem'),
    ).toHaveText([
      lineProblem(1, 'backends.ip.invalid', '999.1.1.1'),
      lineProblem(2, 'backends.ip.invalid', '10.0.0'),
      lineProblem(3, 'backends.ip.invalid', '::gg'),
      lineProblem(4, 'backends.ip.invalid', '192.168.'),
      lineProblem(5, 'backends.weight.invalid', '-1'),
      lineProblem(6, 'backends.weight.invalid', '101'),
      lineProblem(7, 'backends.weight.invalid', '1.5'),
      lineProblem(8, 'backends.weight.invalid', 'abc'),
      lineProblem(9, 'backends.weight.invalid', '1e3'),
    ]);
    await expect(area).toHaveValue(/^999\.1\.1\.1\n10\.0\.0\n::gg\n192\.168\. 1\.1\n192\.168\.9\.1 -1\n/);

    // the good lines became rows; the ones the group or the list already has are marked, with the reason
    await expect(page.getByRole('table', { name: `${t('backends.staged.title')} (4)` })).toBeVisible();
    await expect(stagedWeight(page, '192.168.100.10')).toHaveAccessibleDescription(
      t('backends.staged.alreadyBackend'),
    );
    await expect(stagedWeight(page, '192.168.9.9')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(
      stagedWeight(page, t('backends.staged.repeated', { label: '192.168.9.9', row: 3 })),
    ).toHaveAccessibleDescription(t('backends.staged.duplicate'));
    const weight = stagedWeight(page, '192.168.9.8');
    await expect(weight).toHaveValue('100');
    for (const bad of badWeights) {
      await weight.fill(bad);
      await expect(weight).toHaveAttribute('aria-invalid', 'true');
      await expect(weight).toHaveAccessibleDescription(weightMessage(bad));
    }
    await page.getByRole('button', { name: t('backends.add.submit') }).click();
    await expect(page.getByText(t('backends.add.problems', { count: 3 }))).toBeVisible();

    // "Set all weights to" refuses the same values
    const setAll = page.getByRole('textbox', { name: t('backends.setAll.label') });
    for (const bad of badWeights) {
      await setAll.fill(bad);
      await page.getByRole('button', { name: t('backends.setAll.button') }).click();
      await expect(setAll).toHaveAccessibleDescription(weightMessage(bad));
    }
    await expect(weight).toHaveValue('1e3');

    // and so does "Change weight" in the table
    const table = backendsTable(page);
    await table
      .getByRole('button', { name: t('backends.weight.changeOf', { label: '192.168.100.10' }) })
      .click();
    const newWeight = table.getByRole('textbox', {
      name: t('backends.weight.newFor', { label: '192.168.100.10' }),
    });
    for (const bad of badWeights) {
      await newWeight.fill(bad);
      await newWeight.press('Enter');
      await expect(newWeight).toHaveAttribute('aria-invalid', 'true');
      await expect(newWeight).toHaveAccessibleDescription(weightMessage(bad));
    }
    await newWeight.press('Escape');

    expect(await writesSent(sim)).toBe(0);
    expect(await backendsOf(request, devPool!)).toEqual(before);
  });

  test('a NIC on a network without the load balancer service is not offered', async ({ page, sim }) => {
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseServerGroup(page, 'api-pool', 'api-pool');
    const nics = page.getByRole('combobox', { name: t('backends.nics.label') });
    await nics.click();
    await nics.fill('db-1'); // 10.0.1.11 on db-net, which has no LoadBalancer service
    await expect(page.getByRole('status').filter({ hasText: t('backends.nics.empty') })).toBeVisible();
    await nics.fill('gateway-1'); // two NICs: app-net (offered) and db-net (not)
    await expect(page.getByRole('option')).toHaveText([/10\.0\.0\.5 · app-net/]);
    expect(await writesSent(sim)).toBe(0);
  });

  test('ZStack, sent the same bad values directly, refuses them with its own errors', async ({
    request,
    sim,
  }) => {
    await sim.config({ jobDurationMs: 10 });
    const session = await adminSession(request);
    const [apiPool, devPool] = await uuidsOf(request, '/load-balancers/servergroups', [
      'api-pool',
      'dev-pool',
    ]);
    const [dbNet] = await uuidsOf(request, '/l3-networks', ['db-net']);
    const web2 = await nicUuidOf(request, '10.0.0.12');
    const db1 = await nicUuidOf(request, '10.0.1.11');
    const add = (group: string, params: unknown) =>
      callZStack(request, session, 'POST', `/load-balancers/servergroups/${group}/backendservers`, {
        params,
      });
    const refused = async (group: string, params: unknown, code: string, details: string) => {
      const answer = await add(group, params);
      expect(answer.status, JSON.stringify(params)).toBe(503);
      expect(answer.body.error, JSON.stringify(params)).toMatchObject({ code, details });
    };

    for (const weight of badWeights) {
      // ZStack words a non-number and an out-of-range weight alike (and leaves its "{1}" placeholder)
      await refused(
        apiPool!,
        { servers: [{ ipAddress: '192.168.9.1', weight }] },
        'SYS.1007',
        `could not add backend server ip to serverGroup[uuid:${weight}] ,because vmnic weight[{1}] not a correct number`,
      );
      await refused(
        apiPool!,
        { vmNics: [{ uuid: web2, weight }] },
        'SYS.1007',
        `could not add backend server vmnic to serverGroup[uuid:${weight}] ,because vmnic weight[{1}] not a correct number`,
      );
    }
    for (const ipAddress of ['999.1.1.1', '10.0.0', '::gg', '192.168. 1.1', ' 192.168.9.8']) {
      await refused(
        apiPool!,
        { servers: [{ ipAddress }] },
        'SYS.1006',
        `could not add backend server ip to serverGroup [uuid:${apiPool}], because ip [ipAddress:[]] is invalid`,
      );
    }
    await refused(
      devPool!,
      { servers: [{ ipAddress: '192.168.100.10' }] },
      'SYS.1006',
      `could not add backend server ip to serverGroup [uuid:${devPool}], because ip [ipAddress:192.168.100.10] is repeated`,
    );
    await refused(
      apiPool!,
      { vmNics: [{ uuid: db1 }] },
      'SYS.1006',
      `L3 networks[uuids:[${dbNet}]] of the vm nics has no network service[LoadBalancer] enabled`,
    );
    await refused(apiPool!, {}, 'SYS.1007', 'vmnic or ip is null');
    await refused(apiPool!, { vmNics: [], servers: [] }, 'SYS.1007', 'vmnic or ip is null');
    expect(await backendsOf(request, apiPool!)).toEqual([]);
  });
});

const addMembersForm = (page: Page) =>
  page.getByRole('form', { name: like('addMembers.form', {}, 'en', '^') });

test.describe('bad input, virtual ID groups', () => {
  test('nothing chosen cannot be sent, saying why; IDs ZStack would refuse cannot be chosen; nothing is sent', async ({
    page,
    sim,
    request,
  }) => {
    await logIn(page, personas.admin);
    await openVirtualIdGroup(page, 'ops', 'sre');
    await clearRequestLog(request);
    // as "Add backend servers" with nothing staged: disabled, with what it needs beside it
    await expect(page.getByRole('button', { name: t('addMembers.submit') })).toBeDisabled();
    await expect(addMembersForm(page).getByText(t('addMembers.blocked'))).toBeVisible();
    const picker = page.getByRole('combobox', { name: t('addMembers.label') });

    await picker.click();
    await picker.fill('dave'); // a member of project dev, not ops
    await expect(page.getByRole('status').filter({ hasText: t('addMembers.empty') })).toBeVisible();
    await picker.fill('mallory'); // Staled
    const mallory = page.getByRole('option', { name: /mallory/ });
    await expect(mallory).toHaveAttribute('aria-disabled', 'true');
    await expect(mallory).toContainText(t('addMembers.staled'));
    await picker.press('Escape');
    expect((await sim.requests()).filter(isAddMembers)).toHaveLength(0);
    expect((await sim.requests()).filter(isAddBackends)).toHaveLength(0);
  });

  test('ZStack, sent bad virtual IDs directly, refuses them with its own errors and changes nothing', async ({
    request,
    sim,
  }) => {
    await sim.config({ jobDurationMs: 10 });
    const session = await adminSession(request);
    const [sre] = await uuidsOf(request, '/iam2/projects/groups', ['sre']);
    const [bob, mallory, dave] = await uuidsOf(request, '/iam2/virtual-ids', ['bob', 'mallory', 'dave']);
    const add = (params: unknown) =>
      callZStack(request, session, 'POST', `/iam2/projects/groups/${sre}/virtual-ids`, { params });
    const cases: [unknown, string, RegExp][] = [
      [{}, 'SYS.1007', /field\[virtualIDUuids\] of message\[.*\] is mandatory, can not be null/],
      [{ virtualIDUuids: [] }, 'SYS.1007', /field\[virtualIDUuids\] must be a nonempty list/],
      [{ virtualIDUuids: ['f'.repeat(32)] }, 'SYS.1003', /f{32}/],
      [
        { virtualIDUuids: [bob, mallory] },
        'SYS.1006',
        new RegExp(`can not operate stale virtual ids: .*${mallory}`),
      ],
      [{ virtualIDUuids: [bob, dave] }, 'SYS.1006', new RegExp(`virtualID\\[uuid:${dave}\\] not in project`)],
    ];
    for (const [params, code, details] of cases) {
      const answer = await add(params);
      expect(answer.status, JSON.stringify(params)).toBe(503);
      expect(answer.body.error?.code, JSON.stringify(params)).toBe(code);
      expect(answer.body.error?.details, JSON.stringify(params)).toMatch(details);
    }
    expect(await membersOf(request, sre!)).toEqual([]);
  });
});
