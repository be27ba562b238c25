import type { Locator, Page } from '@playwright/test';
import {
  backendsTable,
  chooseServerGroup,
  expect,
  logIn,
  memberRow,
  membersTable,
  openServerGroupsPage,
  openVirtualIdGroup,
  personas,
  stagedWeight,
  test,
  uuidsOf,
} from './fixtures';
import { t } from './i18n';

/**
 * What both pages share, tried as an admin does: at 1280, 1024 and 768 px nothing covers the page and
 * every row's actions are in view; a click lands where the admin aims even while a picker's list is
 * open; choosing with the keyboard keeps the search; `_` and `%` are searched as typed; a value the page
 * sets late never replaces what is being typed; a list near the bottom of the window opens above.
 * Screenshots of each width go to test-results/ (not committed).
 */

/** Whether a person clicking the middle of `target` would hit it (nothing drawn over it, inside the window). */
async function reachable(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize()!;
  if (
    !box ||
    box.x < 0 ||
    box.y < 0 ||
    box.x + box.width > viewport.width ||
    box.y + box.height > viewport.height
  )
    return false;
  return target.evaluate(
    (el, [x, y]) => {
      const hit = document.elementFromPoint(x!, y!);
      return !!hit && (hit === el || el.contains(hit));
    },
    [box.x + box.width / 2, box.y + box.height / 2],
  );
}

/** Clicks where `target` is drawn, as a person does (not through Playwright's checks on the element). */
async function clickWhereSeen(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  // once it is drawn where it stays (a person sees it, then clicks)
  await expect.poll(() => reachable(page, target)).toBe(true);
  const box = (await target.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

for (const width of [1280, 1024, 768]) {
  test(`at ${width} px both pages are usable: the navigation covers nothing, every row's actions are in view`, async ({
    page,
    sim,
    request,
  }, testInfo) => {
    void sim;
    const [devPool] = await uuidsOf(request, '/load-balancers/servergroups', ['dev-pool']);
    const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
    await page.setViewportSize({ width, height: 800 });
    await logIn(page, personas.admin);
    const nav = page.getByRole('navigation', { name: t('app.nav.label') });
    // from 992 px the navigation is in the header; below, behind the menu button (next test)
    if (width >= 992) await expect(nav.getByRole('link', { name: t('app.nav.serverGroups') })).toBeVisible();
    else await expect(page.getByRole('button', { name: t('app.nav.open') })).toBeVisible();
    for (const control of [page.getByRole('button', { name: t('app.logOut') }), page.getByTestId('identity')])
      expect(await reachable(page, control)).toBe(true);

    await page.goto(`/server-groups/${devPool}`);
    await expect(page.getByRole('heading', { name: t('serverGroups.title'), level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: t('backends.title') })).toContainText(
      `${t('backends.nicCount', { count: 1 })}, ${t('backends.ipCount', { count: 1 })}`,
    );
    expect(await reachable(page, page.getByRole('combobox', { name: t('serverGroups.picker') }))).toBe(true);
    const table = backendsTable(page);
    const change = table.getByRole('button', {
      name: t('backends.weight.changeOf', { label: '192.168.100.10' }),
    });
    const remove = table.getByRole('button', { name: t('workbench.removeFromGroup', { label: 'dev-vm-1' }) });
    await change.scrollIntoViewIfNeeded();
    expect(await reachable(page, change), 'Change weight').toBe(true);
    expect(await reachable(page, remove), 'Remove').toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`server-group-${width}.png`), fullPage: true });

    await page.goto(`/virtual-id-groups/${oncall}`);
    const removeMember = membersTable(page).getByRole('button', {
      name: t('workbench.removeFromGroup', { label: 'alice' }),
    });
    await removeMember.scrollIntoViewIfNeeded();
    expect(await reachable(page, removeMember), 'Remove alice').toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`virtual-id-group-${width}.png`), fullPage: true });
  });
}

test('below 768 px the navigation waits behind a menu button, and closes once a page is chosen', async ({
  page,
  sim,
}) => {
  void sim;
  await page.setViewportSize({ width: 600, height: 800 });
  await logIn(page, personas.admin);
  await expect(page.getByRole('navigation', { name: t('app.nav.label') })).toBeHidden();
  expect(await reachable(page, page.getByRole('heading', { name: t('serverGroups.title'), level: 2 }))).toBe(
    true,
  );
  await page.getByRole('button', { name: t('app.nav.open') }).click();
  await page
    .getByRole('navigation', { name: t('app.nav.label') })
    .getByRole('link', { name: t('app.nav.virtualIdGroups') })
    .click();
  await expect(page.getByRole('heading', { name: t('vidGroups.title'), level: 2 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: t('app.nav.label') })).toBeHidden();
});

test('a click where "Add to group" is lands on it while the results of "Virtual IDs" are listed', async ({
  page,
  sim,
}) => {
  void sim;
  await logIn(page, personas.admin);
  await openVirtualIdGroup(page, 'ops', 'oncall');
  const picker = page.getByRole('combobox', { name: t('addMembers.label') });
  await picker.fill('bo');
  await page.getByRole('option', { name: 'bob', exact: true }).click();
  await clickWhereSeen(page, page.getByRole('button', { name: t('addMembers.submit') }));
  await expect(memberRow(page, 'bob')).toBeVisible();
  await expect(memberRow(page, 'carol')).toHaveCount(0);
  // the notification says so without covering "Log out"; the count reads in the singular
  await expect(
    page.getByRole('status').filter({ hasText: t('addMembers.added.title', { group: 'oncall' }) }),
  ).toBeVisible();
  expect(await reachable(page, page.getByRole('button', { name: t('app.logOut') }))).toBe(true);
  await expect(page.getByRole('region', { name: t('members.title') })).toContainText(
    t('workbench.range', { first: 1, last: 2, total: t('members.count', { count: 2 }) }),
  );
});

test('a click on a staged weight lands in it while "VM NICs" lists its results; the keyboard keeps the search', async ({
  page,
  sim,
}) => {
  void sim;
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'api-pool', 'api-pool');
  const nics = page.getByRole('combobox', { name: t('backends.nics.label') });
  await nics.click();
  await page.keyboard.type('web');
  // the results of "web" (the first page of all NICs listed api-1 too)
  await expect(page.getByRole('option', { name: /^api-1\b/ })).toHaveCount(0);
  await expect(page.getByRole('option', { name: /^web-stopped\b/ })).toBeVisible();
  // ↓ Enter picks the first, and the search stays: the next ↓ Enter picks the one after it
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(nics).toHaveValue('web');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(nics).toHaveValue('web');
  await expect(page.getByRole('table', { name: `${t('backends.staged.title')} (2)` })).toBeVisible();
  await expect(stagedWeight(page, 'web-1')).toBeVisible();
  await expect(stagedWeight(page, 'web-2')).toBeVisible();

  await clickWhereSeen(page, stagedWeight(page, 'web-1'));
  await expect(stagedWeight(page, 'web-1')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('40');
  await expect(stagedWeight(page, 'web-1')).toHaveValue('40');
  await expect(page.getByRole('table', { name: `${t('backends.staged.title')} (2)` })).toBeVisible();
});

test('`_` and `%` are searched as typed, not as LIKE wildcards', async ({ page, sim }) => {
  await logIn(page, personas.admin);
  await openVirtualIdGroup(page, 'ops', 'oncall');
  const picker = page.getByRole('combobox', { name: t('addMembers.label') });
  const sent = async () =>
    (await sim.requests())
      .filter((r) => r.path.endsWith('/iam2/virtual-ids'))
      .flatMap((r) => [r.query?.q ?? []].flat());
  // as LIKE patterns, "_" and "%" would match every name, and "a_i" would match alice
  for (const [text, condition] of [
    ['_', 'name~=%\\_%'],
    ['%', 'name~=%\\%%'],
    ['a_i', 'name~=%a\\_i%'],
  ]) {
    await picker.fill(text!);
    await expect.poll(sent).toContain(condition);
    await expect(page.getByRole('status').filter({ hasText: t('addMembers.empty') })).toBeVisible();
    await expect(page.getByRole('option', { name: /^alice/ })).toHaveCount(0);
  }
  await page.getByRole('textbox', { name: t('members.filter') }).fill('_');
  await expect(
    page.getByText(t('workbench.noMatch', { what: t('members.noun.one'), filter: '_' })),
  ).toBeVisible();
});

test('what is typed into "Group" survives the project being preselected late', async ({ page, sim }) => {
  await sim.fault({ method: 'GET', path: '/iam2/projects?', kind: 'latency', ms: 1500 });
  await logIn(page, personas.opsAdmin);
  await page
    .getByRole('navigation', { name: t('app.nav.label') })
    .getByRole('link', { name: t('app.nav.virtualIdGroups') })
    .click();
  const group = page.getByRole('combobox', { name: t('vidGroups.group') });
  await group.click();
  await group.pressSequentially('oncall');
  await expect(page.getByRole('combobox', { name: t('vidGroups.project') })).toHaveValue('ops', {
    timeout: 5000,
  });
  await expect(group).toHaveValue('oncall');
  await page.getByRole('option', { name: 'oncall', exact: true }).click();
  await expect(page.getByRole('table', { name: t('members.title') })).toBeVisible();
});

test('a picker near the bottom of the window opens its list above it', async ({ page, sim }) => {
  void sim;
  await logIn(page, personas.opsAdmin);
  await page
    .getByRole('navigation', { name: t('app.nav.label') })
    .getByRole('link', { name: t('app.nav.virtualIdGroups') })
    .click();
  await expect(page.getByRole('combobox', { name: t('vidGroups.project') })).toHaveValue('ops');
  const group = page.getByRole('combobox', { name: t('vidGroups.group') });
  const input = (await group.boundingBox())!;
  // the window ends just below the field
  await page.setViewportSize({ width: 1280, height: Math.round(input.y + input.height + 24) });
  await group.click();
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option', { name: 'oncall', exact: true })).toBeVisible();
  const box = (await list.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual((await group.boundingBox())!.y);
});
