import {
  addSection,
  backendsOf,
  backendsTable,
  chooseServerGroup as chooseGroup,
  clearRequestLog,
  expect,
  isAddBackends as isAdd,
  logIn,
  openServerGroupsPage,
  personas,
  stageIps,
  stageNic,
  test,
  uuidsOf,
  weightOf,
  type Persona,
} from './fixtures';
import { t } from './i18n';

/**
 * Journeys of the "Server groups" page against the simulator's seed: web-lb (SLB) with web-pool
 * (web-1 at 10.0.0.11, weight 100), api-pool (empty) and others; shared-lb (Shared) with shared-pool;
 * dev-lb with dev-pool (dev-vm-1 at 10.2.0.11 weight 50, server IP 192.168.100.10 weight 20).
 */

const weightInvalid = t('backends.weight.invalid', { min: 0, max: 100 });
const lbViewer: Persona = { kind: 'virtualId', name: 'lb-viewer', project: 'ops' };

test.describe('server groups', () => {
  test.beforeEach(async ({ page }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected browser dialog: ${dialog.message()}`);
    });
  });

  test('finds a group by its load balancer name, shows the load balancer, listeners and backends, and puts it in the URL', async ({
    page,
    sim,
    request,
  }) => {
    void sim;
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    const picker = page.getByRole('combobox', { name: t('serverGroups.picker') });
    await picker.click();
    await clearRequestLog(request);
    await picker.fill('web-lb');
    // every group of web-lb, none of whose names contains "web-lb", and no other
    await expect(page.getByRole('option')).toHaveCount(4);
    await expect(page.getByRole('option', { name: /^api-pool/ })).toBeVisible();
    await expect(page.getByRole('option', { name: /^canary-pool/ })).toContainText(
      t('serverGroups.optionLb', { name: 'web-lb' }),
    );
    const searchRequests = (await sim.requests()).filter((r) => r.method === 'GET');
    console.log(`[measure] requests for one "Server group" search: ${searchRequests.length}`);

    await clearRequestLog(request);
    await page.getByRole('option', { name: /^web-pool\b/ }).click();
    await expect(page).toHaveURL(/\/server-groups\/[0-9a-f]{32}$/);
    const lb = page.getByRole('region', { name: t('serverGroups.lb.title') });
    await expect(lb.getByText('web-lb', { exact: true })).toBeVisible();
    await expect(lb.getByText('SLB', { exact: true })).toBeVisible();
    await expect(lb.getByText('10.0.0.100')).toBeVisible();
    const listeners = lb.getByRole('list', { name: t('serverGroups.lb.listeners') });
    await expect(listeners.getByRole('listitem').filter({ hasText: 'http-80' })).toContainText(
      t('serverGroups.lb.usesGroup'),
    );
    await expect(listeners.getByRole('listitem').filter({ hasText: 'https-443' })).toBeVisible();

    const row = backendsTable(page).getByRole('row').filter({ hasText: 'web-1' });
    await expect(row).toContainText('10.0.0.11');
    await expect(row).toContainText('app-net');
    await expect(
      row.getByRole('progressbar', { name: t('backends.shareFor', { label: 'web-1' }) }),
    ).toHaveAttribute('aria-valuenow', '100');
    await expect(row).toContainText('100%');
    const openRequests = (await sim.requests()).filter((r) => r.method === 'GET');
    console.log(
      `[measure] requests to open a group: ${openRequests.length} (${openRequests.map((r) => r.path.replace('/zstack/v1', '')).join(', ')})`,
    );
    // the group, its load balancer and VIP, the networks the load balancer reaches, the group's NICs and
    // their VMs, the first page of "VM NICs", its listeners' algorithms (system tags), the other group on
    // http-80 (canary-pool, for the shares) and the health of the page shown (ZWatch)
    expect(openRequests.length).toBeLessThanOrEqual(10);
  });

  test('adds two NICs and two IPs in one request and shows them in "Backend servers" with their weights', async ({
    page,
    sim,
  }) => {
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'web-pool', 'web-pool');

    await stageNic(page, 'web-2');
    await stageNic(page, 'web-3');
    await stageIps(page, '192.168.2.1 20\n192.168.2.2');
    await expect(page.getByRole('textbox', { name: t('backends.ips.label') })).toHaveValue('');
    await page
      .getByRole('textbox', { name: t('backends.weight.for', { label: 'web-2' }), exact: true })
      .fill('30');
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: '192.168.2.1' }), exact: true }),
    ).toHaveValue('20');
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: '192.168.2.2' }), exact: true }),
    ).toHaveValue('100');
    // the preview: 100 (web-1) + 30 + 100 + 20 + 100 = 350, so web-2 gets 30/350
    await expect(
      page.getByRole('progressbar', { name: t('backends.shareFor', { label: 'web-2' }) }),
    ).toHaveAttribute('aria-valuenow', '8.6');

    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/backendservers'));
    const add = page.getByRole('button', { name: t('backends.add.submit') });
    const clickedAt = Date.now();
    await add.dblclick(); // a double click still sends one request
    const body = (await sent).postDataJSON() as {
      params: {
        vmNics: { uuid: string; weight: string }[];
        servers: { ipAddress: string; weight: string }[];
      };
    };
    expect(Object.keys(body)).toEqual(['params']);
    expect(body.params.servers).toEqual([
      { ipAddress: '192.168.2.1', weight: '20' },
      { ipAddress: '192.168.2.2', weight: '100' },
    ]);
    expect(body.params.vmNics.map((n) => n.weight)).toEqual(['30', '100']);
    expect(body.params.vmNics.every((n) => /^[0-9a-f]{32}$/.test(n.uuid))).toBe(true);

    const table = backendsTable(page);
    await expect(weightOf(page, '192.168.2.2')).toHaveText('100');
    await expect(table.getByRole('row').filter({ hasText: 'web-3' })).toContainText('10.0.0.13');
    console.log(`[measure] click on "Add backend servers" to table updated: ${Date.now() - clickedAt} ms`);
    await expect(weightOf(page, 'web-2')).toHaveText('30');
    await expect(weightOf(page, 'web-3')).toHaveText('100');
    await expect(weightOf(page, '192.168.2.1')).toHaveText('20');
    await expect(table.getByRole('row')).toHaveCount(6); // header + 5 backends

    // staged rows cleared, a notification says what was added, one request was sent
    await expect(
      page.getByRole('textbox', { name: new RegExp(`^${t('backends.weight.for', { label: '' })}`) }),
    ).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: t('backends.add.done') })).toContainText(
      '192.168.2.1',
    );
    expect((await sim.requests()).filter(isAdd)).toHaveLength(1);
  });

  test('refuses a weight of 101 at its row and sends nothing', async ({ page, sim }) => {
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'api-pool', 'api-pool');
    await stageIps(page, '192.168.5.5');
    const weight = page.getByRole('textbox', {
      name: t('backends.weight.for', { label: '192.168.5.5' }),
      exact: true,
    });
    await weight.fill('101');
    await expect(weight).toHaveAttribute('aria-invalid', 'true');
    await expect(
      addSection(page).getByText(t('backends.weight.invalid', { min: 0, max: 100 })),
    ).toBeVisible();
    await page.getByRole('button', { name: t('backends.add.submit') }).click();
    await expect(weight).toHaveAttribute('aria-invalid', 'true');
    await expect(addSection(page).getByText(t('backends.add.problems', { count: 1 }))).toBeVisible();
    for (const bad of ['-1', '1.5', 'abc', '', '1e3']) {
      await weight.fill(bad);
      await expect(weight).toHaveAttribute('aria-invalid', 'true');
    }
    await weight.fill('0');
    await expect(weight).not.toHaveAttribute('aria-invalid', 'true');
    expect((await sim.requests()).filter(isAdd)).toHaveLength(0);
  });

  test('keeps bad lines of "IP addresses" with their reasons, and refuses an IP already in the group', async ({
    page,
    sim,
  }) => {
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'dev-pool', 'dev-pool');
    await expect(backendsTable(page).getByRole('row').filter({ hasText: '192.168.100.10' })).toBeVisible();

    await stageIps(page, '192.168.100.10\n10.9.9.300\n192.168.7.7 101\n192.168.7.8 40');
    const area = page.getByRole('textbox', { name: t('backends.ips.label') });
    await expect(area).toHaveValue('10.9.9.300\n192.168.7.7 101');
    await expect(area).toHaveAttribute('aria-invalid', 'true');
    const lines = page.getByRole('list', { name: t('backends.ips.problemsLabel') });
    await expect(lines.getByRole('listitem')).toHaveText([
      t('backends.ips.lineProblem', { line: 1, reason: t('backends.ip.invalid'), value: '10.9.9.300' }),
      t('backends.ips.lineProblem', { line: 2, reason: weightInvalid, value: '101' }),
    ]);

    const existing = page.getByRole('textbox', {
      name: t('backends.weight.for', { label: '192.168.100.10' }),
      exact: true,
    });
    await expect(existing).toHaveAttribute('aria-invalid', 'true');
    await expect(addSection(page).getByText(t('backends.staged.alreadyBackend'))).toBeVisible();
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: '192.168.7.8' }), exact: true }),
    ).toHaveValue('40');
    await page.getByRole('button', { name: t('backends.add.submit') }).click();
    await expect(addSection(page).getByText(t('backends.add.problems', { count: 1 }))).toBeVisible();
    expect((await sim.requests()).filter(isAdd)).toHaveLength(0);

    // removing the refused row leaves a list that can be sent; "Set all weights" sets every row
    await page
      .getByRole('button', { name: t('workbench.removeFromList', { label: '192.168.100.10' }) })
      .click();
    await stageIps(page, '192.168.7.9');
    await page.getByRole('textbox', { name: t('backends.setAll.label') }).fill('15');
    await page.getByRole('button', { name: t('backends.setAll.button') }).click();
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: '192.168.7.8' }), exact: true }),
    ).toHaveValue('15');
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: '192.168.7.9' }), exact: true }),
    ).toHaveValue('15');
    await page.getByRole('button', { name: t('backends.add.submit') }).click();
    await expect(weightOf(page, '192.168.7.8')).toHaveText('15');
    await expect(weightOf(page, '192.168.7.9')).toHaveText('15');
  });

  test("shows ZStack's error with its code, description and details, keeps every row and marks the one it names", async ({
    page,
    sim,
    request,
  }) => {
    const [webPool] = await uuidsOf(request, '/load-balancers/servergroups', ['web-pool']);
    const before = await backendsOf(request, webPool!);
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'web-pool', 'web-pool');
    await stageNic(page, 'web-2');
    await stageIps(page, '192.168.2.1 20\n192.168.2.2 70');
    await page
      .getByRole('textbox', { name: t('backends.weight.for', { label: 'web-2' }), exact: true })
      .fill('35');

    await sim.fault({
      method: 'POST',
      path: 'backendservers',
      kind: 'job-error',
      error: {
        code: 'SYS.1006',
        description: 'An operation failed',
        details: 'the server ips [192.168.2.1] are already on the load balancer servegroup [uuid:x]',
      },
      times: 1,
    });
    await page.getByRole('button', { name: t('backends.add.submit') }).click();
    const alert = addSection(page).getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert.getByTestId('error-code')).toHaveText('SYS.1006');
    await expect(alert.getByTestId('error-description')).toContainText('An operation failed');
    await expect(alert.getByTestId('error-details')).toContainText(
      'the server ips [192.168.2.1] are already on the load balancer servegroup',
    );

    // every row as it was, the named one marked
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: 'web-2' }), exact: true }),
    ).toHaveValue('35');
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: '192.168.2.2' }), exact: true }),
    ).toHaveValue('70');
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: '192.168.2.2' }), exact: true }),
    ).not.toHaveAttribute('aria-invalid', 'true');
    const named = page.getByRole('textbox', {
      name: t('backends.weight.for', { label: '192.168.2.1' }),
      exact: true,
    });
    await expect(named).toHaveValue('20');
    await expect(named).toHaveAttribute('aria-invalid', 'true');
    await expect(backendsTable(page).getByRole('row')).toHaveCount(2);
    expect(await backendsOf(request, webPool!)).toEqual(before); // the failed job changed nothing

    // the same rows go through once the fault is gone
    await page.getByRole('button', { name: t('backends.add.submit') }).click();
    await expect(backendsTable(page).getByRole('row')).toHaveCount(5);
    await expect(addSection(page).getByRole('alert')).toHaveCount(0);
    const after = await backendsOf(request, webPool!);
    expect(after).toHaveLength(4);
    expect(after).toEqual(expect.arrayContaining([...before, 'ip:192.168.2.1=20', 'ip:192.168.2.2=70']));
  });

  test('changes a weight in place', async ({ page, sim }) => {
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'dev-pool', 'dev-pool');
    const table = backendsTable(page);
    await table
      .getByRole('button', { name: t('backends.weight.changeOf', { label: '192.168.100.10' }) })
      .click();
    const input = table.getByRole('textbox', {
      name: t('backends.weight.newFor', { label: '192.168.100.10' }),
    });
    await input.fill('101');
    await table.getByRole('button', { name: t('backends.weight.save') }).click();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await input.fill('80');
    const sent = page.waitForRequest(
      (r) => r.method() === 'PUT' && r.url().endsWith('/backendserver/actions'),
    );
    await table.getByRole('button', { name: t('backends.weight.save') }).click();
    expect((await sent).postDataJSON()).toEqual({
      changeLoadBalancerBackendServer: { servers: [{ ipAddress: '192.168.100.10', weight: '80' }] },
    });
    const row = table.getByRole('row').filter({ hasText: '192.168.100.10' });
    await expect(row.getByRole('textbox')).toHaveCount(0);
    await expect(weightOf(page, '192.168.100.10')).toHaveText('80');
    // dev-pool's listener balances by source address: weights decide no share, and none is shown
    await expect(row.getByRole('progressbar')).toHaveCount(0);
    await expect(row).toContainText(t('traffic.cell.noFigure'));
    void sim;
  });

  test('removes several backends after a confirmation naming them', async ({ page, sim }) => {
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'dev-pool', 'dev-pool');
    const table = backendsTable(page);
    await table.getByRole('checkbox', { name: t('workbench.selectRow', { label: 'dev-vm-1' }) }).check();
    await table
      .getByRole('checkbox', { name: t('workbench.selectRow', { label: '192.168.100.10' }) })
      .check();
    await page.getByRole('button', { name: t('workbench.removeSelected', { count: 2 }) }).click();
    const dialog = page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'dev-pool' }) });
    const items = dialog.getByRole('list', { name: t('workbench.affected') }).getByRole('listitem');
    await expect(items).toHaveText([
      t('backends.describe.nicAt', { vm: 'dev-vm-1', where: '10.2.0.11, dev-net' }),
      t('backends.describe.ip', { ip: '192.168.100.10' }),
    ]);
    const sent = page.waitForRequest(
      (r) => r.method() === 'PUT' && r.url().endsWith('/backendservers/actions'),
    );
    await dialog
      .getByRole('button', { name: t('workbench.removeCount', { count: t('backends.count', { count: 2 }) }) })
      .click();
    const body = (await sent).postDataJSON() as {
      removeBackendServerFromServerGroup: { vmNicUuids: string[]; serverIps: string[] };
    };
    expect(body.removeBackendServerFromServerGroup.serverIps).toEqual(['192.168.100.10']);
    expect(body.removeBackendServerFromServerGroup.vmNicUuids).toHaveLength(1);
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('region', { name: t('workbench.none', { what: t('backends.many') }) }),
    ).toContainText(t('backends.emptyTitle'));
    void sim;
  });

  test('a deep link and a reload show the same group', async ({ page, sim }) => {
    void sim;
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'canary', 'canary-pool');
    const url = page.url();
    await page.reload();
    await expect(page.getByRole('combobox', { name: t('serverGroups.picker') })).toHaveValue('canary-pool');
    await expect(
      page.getByRole('region', { name: t('workbench.none', { what: t('backends.many') }) }),
    ).toContainText(t('backends.emptyTitle'));
    await page.goto('/server-groups');
    await expect(page.getByText(t('serverGroups.choose'))).toBeVisible();
    await page.goto(url);
    await expect(page.getByRole('combobox', { name: t('serverGroups.picker') })).toHaveValue('canary-pool');
    await expect(
      page.getByRole('region', { name: t('serverGroups.lb.title') }).getByText('web-lb', { exact: true }),
    ).toBeVisible();
  });

  test('a link to a group that does not exist says so and what to do', async ({ page, sim }) => {
    void sim;
    await logIn(page, personas.admin);
    await page.goto(`/server-groups/${'f'.repeat(32)}`);
    const region = page.getByRole('region', { name: t('serverGroups.notFound') });
    await expect(region).toContainText('f'.repeat(32));
    await expect(region.getByRole('link', { name: t('serverGroups.back') })).toBeVisible();
    await expect(page.getByRole('table', { name: t('backends.title') })).toHaveCount(0);
  });

  test('a Shared load balancer takes no IP addresses: the field is disabled with the reason', async ({
    page,
    sim,
  }) => {
    void sim;
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'shared-lb', 'shared-pool');
    await expect(
      page.getByRole('region', { name: t('serverGroups.lb.title') }).getByText('Shared', { exact: true }),
    ).toBeVisible();
    const area = page.getByRole('textbox', { name: t('backends.ips.label') });
    await expect(area).toBeDisabled();
    await expect(addSection(page).getByText(t('backends.add.sharedLb'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('backends.ips.addToList') })).toBeDisabled();
    await expect(page.getByRole('combobox', { name: t('backends.nics.label') })).toBeEnabled();
  });

  test('offers the NICs ZStack would: on networks its load balancer reaches, user VMs only, members marked', async ({
    page,
    sim,
    request,
  }) => {
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'web-pool', 'web-pool');
    const nics = page.getByRole('combobox', { name: t('backends.nics.label') });
    await nics.click();
    await expect(page.getByRole('option', { name: /^web-2\b/ })).toBeVisible();
    await clearRequestLog(request);
    await nics.fill('web');
    await expect(page.getByRole('option', { name: /^web-stopped\b/ })).toBeVisible();
    // web-2, web-3, web-stopped, and web-1: offered, but marked as already in the group
    await expect(
      page
        .getByRole('listbox', { name: t('workbench.results', { label: t('backends.nics.label') }) })
        .getByRole('option'),
    ).toHaveCount(4);
    const member = page.getByRole('option', { name: /^web-1\b/ });
    await expect(member).toContainText(t('backends.nics.inGroup'));
    await expect(member).toHaveAttribute('aria-disabled', 'true');
    const byName = (await sim.requests()).filter((r) => r.method === 'GET');
    await clearRequestLog(request);
    await nics.fill('10.0.0.2');
    await expect(
      page
        .getByRole('listbox', { name: t('workbench.results', { label: t('backends.nics.label') }) })
        .getByRole('option'),
    ).toHaveCount(1); // api-1 at 10.0.0.21
    const byIp = (await sim.requests()).filter((r) => r.method === 'GET');
    console.log(
      `[measure] requests per "VM NICs" search: ${byName.length} for "web", ${byIp.length} for "10.0.0.2" (${byIp.map((r) => r.path.replace('/zstack/v1', '')).join(', ')})`,
    );
    await expect(page.getByRole('option', { name: /^web-v6\b/ })).toHaveCount(0); // IPv6, the group is IPv4
    await nics.fill('10.0.1.');
    // db-net has no LoadBalancer service
    await expect(page.getByRole('status').filter({ hasText: t('backends.nics.empty') })).toBeVisible();
    // names are text, never markup
    await nics.fill('img');
    await expect(page.getByRole('option', { name: /<img src=x onerror=alert\(1\)>/ })).toBeVisible();
    // dev-net and tenant-net have the service but web-lb's router does not reach them; the router's own
    // NICs are no backends; a dual-stack NIC on a network it reaches is
    for (const other of ['dev-vm-1', 'tenant-vm-1', 'vrouter']) {
      await nics.fill(other);
      await expect(page.getByRole('status').filter({ hasText: t('backends.nics.empty') })).toBeVisible();
    }
    await nics.fill('dual');
    await expect(page.getByRole('option', { name: /^dual-1\b/ })).toContainText('10.0.2.10 · dual-net');
    // what the search sent: the networks as a short list, never the group's members
    const searches = (await sim.requests()).filter((r) => r.path.endsWith('/vm-instances'));
    for (const s of searches) expect(JSON.stringify(s.query)).not.toMatch(/uuid!\?=|loadBalancerServerGroup/);
  });

  test('an identity denied backend writes sees the actions disabled, with the reason', async ({
    page,
    sim,
  }) => {
    void sim;
    // The segmented "Virtual ID" radio is visually hidden; choose it through its visible label first
    // (fillLogin's forced check then finds it checked).
    await page.goto('/login');
    await page.getByText(t('login.kind.virtualId'), { exact: true }).click();
    await logIn(page, lbViewer);
    await openServerGroupsPage(page);
    await chooseGroup(page, 'web-pool', 'web-pool');
    // said once, up front: no form to fill in, no action offered, the missing permissions named
    const notice = page.getByRole('note', { name: t('workbench.viewOnly', { what: t('serverGroups.one') }) });
    await expect(notice).toContainText('AddBackendServerToServerGroup');
    await expect(addSection(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: t('backends.add.submit') })).toHaveCount(0);
    await expect(backendsTable(page).getByRole('row').filter({ hasText: 'web-1' })).toContainText(
      '10.0.0.11',
    );
    await expect(
      backendsTable(page).getByRole('button', {
        name: new RegExp(`^(${t('backends.weight.change')}|${t('common.remove')})`),
      }),
    ).toHaveCount(0);
  });
});
