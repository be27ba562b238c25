import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  addSection,
  backendsTable,
  choose,
  chooseServerGroup,
  expect,
  fillLogin,
  logIn,
  openServerGroupsPage,
  openVirtualIdGroup,
  personas,
  relogin,
  setConsoleConfig,
  stagedWeight,
  stageIps,
  test,
  type Sim,
} from './fixtures';
import { t } from './i18n';

/**
 * Accessibility: axe-core (the standard engine, through @axe-core/playwright) on every page and
 * dialog of the console, in the states an admin meets: no serious or critical violation of WCAG 2.1 A/AA.
 */

// axe must judge the states an admin reads, not a dialog half-way through fading in (its colours are then
// mixed with the overlay's): with reduced motion (respected by the theme) there is no transition.
test.use({ contextOptions: { reducedMotion: 'reduce' } });
// each journey runs axe on six or so full pages, a few seconds each on a loaded machine
test.describe.configure({ timeout: 60_000 });

async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(', ')}`,
    );
  expect(serious, `axe on ${what}`).toEqual([]);
}

async function failNextAdd(sim: Sim, path: string, details: string) {
  await sim.fault({
    method: 'POST',
    path,
    kind: 'job-error',
    error: { code: 'SYS.1006', description: 'An operation failed', details },
    times: 1,
  });
}

test('login page and the project step of a virtual ID', async ({ page, sim }) => {
  void sim;
  await page.goto('/login');
  await expect(page.getByRole('button', { name: t('login.submit') })).toBeVisible();
  await expectAccessible(page, 'the login page');
  await fillLogin(page, personas.admin, 'wrong');
  await expect(page.getByRole('alert')).toContainText('ID.1000');
  await expectAccessible(page, 'the login page with a wrong password');
  await fillLogin(page, personas.opsAdmin);
  await expect(page.getByRole('radiogroup', { name: t('login.project.label') })).toBeVisible();
  await expectAccessible(page, 'the project step');
});

test('the shell and the server groups page: no group, a group, its dialogs', async ({ page, sim }) => {
  void sim;
  await logIn(page, personas.admin);
  await expectAccessible(page, 'the shell');
  await openServerGroupsPage(page);
  await expect(page.getByText(t('serverGroups.choose'))).toBeVisible();
  await expectAccessible(page, 'the server groups page without a group');
  await page.getByRole('combobox', { name: t('serverGroups.picker') }).click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await expectAccessible(page, 'the "Server group" picker, open');
  // an option highlighted by the keyboard: white on blue, its second line too
  await page.keyboard.press('ArrowDown');
  await expectAccessible(page, 'the "Server group" picker, an option highlighted');
  await page.getByRole('combobox', { name: t('serverGroups.picker') }).fill('dev');
  await page.getByRole('option', { name: /^dev-pool\b/ }).click();
  await expect(backendsTable(page).getByRole('row')).toHaveCount(3);
  await expectAccessible(page, 'a server group with backends');

  const table = backendsTable(page);
  await table
    .getByRole('button', { name: t('backends.weight.changeOf', { label: '192.168.100.10' }) })
    .click();
  const input = table.getByRole('textbox', {
    name: t('backends.weight.newFor', { label: '192.168.100.10' }),
  });
  await input.fill('abc');
  await input.press('Enter');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'changing a weight, with a bad value');
  await input.press('Escape');

  await table
    .getByRole('button', { name: t('workbench.removeFromGroup', { label: '192.168.100.10' }) })
    .click();
  const dialog = page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'dev-pool' }) });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the remove confirmation');
  await dialog.getByRole('button', { name: t('common.cancel') }).click();
  await expect(dialog).toBeHidden();
});

test('server groups: an empty group, staged rows with errors, ZStack’s errors, and a success', async ({
  page,
  sim,
}) => {
  await setConsoleConfig(page, { jobTimeoutMs: 1000 });
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'api-pool', 'api-pool');
  await expect(
    page.getByRole('region', { name: t('workbench.none', { what: t('backends.many') }) }),
  ).toBeVisible();
  await expectAccessible(page, 'an empty server group');

  await stageIps(page, '192.168.80.1 30\n192.168.80.1\n10.0.0\n192.168.80.2 abc\n192.168.80.3');
  await stagedWeight(page, '192.168.80.3').fill('101');
  await expect(page.getByRole('list', { name: t('backends.ips.problemsLabel') })).toBeVisible();
  await page.getByRole('button', { name: t('backends.add.submit') }).click();
  await expect(page.getByText(t('backends.add.problems', { count: 2 }))).toBeVisible();
  await expectAccessible(page, 'staged rows with problems');

  await page
    .getByRole('button', {
      name: t('workbench.removeFromList', {
        label: t('backends.staged.repeated', { label: '192.168.80.1', row: 2 }),
      }),
    })
    .click();
  await stagedWeight(page, '192.168.80.3').fill('10');
  await failNextAdd(
    sim,
    'backendservers',
    'the server ips [192.168.80.1] are already on the load balancer servegroup',
  );
  await page.getByRole('button', { name: t('backends.add.submit') }).click();
  await expect(addSection(page).getByRole('alert')).toContainText('SYS.1006');
  await expectAccessible(page, 'a ZStack error with the row it names');

  await sim.fault({ method: 'POST', path: 'backendservers', kind: 'job-hang', times: 1 });
  await page.getByRole('button', { name: t('backends.add.submit') }).click();
  await expect(addSection(page).getByRole('alert')).toContainText(t('errors.stillRunning'));
  await expectAccessible(page, '"still running, not confirmed" with "Check again"');

  await page.getByRole('button', { name: t('backends.add.submit') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('backends.add.done') })).toBeVisible();
  await expectAccessible(page, 'the group after a success, with its notification');
});

test('virtual ID groups: members, the picker, an error, the remove confirmation', async ({ page, sim }) => {
  await logIn(page, personas.admin);
  await openVirtualIdGroup(page, 'ops', 'oncall');
  await expect(page.getByRole('table', { name: t('members.title') })).toBeVisible();
  await expectAccessible(page, 'a group with members');
  const picker = page.getByRole('combobox', { name: t('addMembers.label') });
  await picker.click();
  await expect(page.getByRole('option', { name: /mallory/ })).toBeVisible();
  await expectAccessible(page, 'the "Virtual IDs" picker, open');
  // nothing chosen: "Add to group" waits, and says what it needs
  await expect(page.getByRole('button', { name: t('addMembers.submit') })).toBeDisabled();
  await expect(page.getByText(t('addMembers.blocked'))).toBeVisible();
  await choose(page, t('addMembers.label'), 'bob', 'bob');
  await failNextAdd(sim, 'virtual-ids', 'can not operate stale virtual ids: [bob]');
  await page.getByRole('button', { name: t('addMembers.submit') }).click();
  await expect(page.getByRole('alert')).toContainText('SYS.1006');
  await expectAccessible(page, 'a ZStack error when adding members');

  await page.getByRole('button', { name: t('workbench.removeFromGroup', { label: 'alice' }) }).click();
  await expect(
    page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'oncall' }) }),
  ).toBeVisible();
  await expectAccessible(page, 'the remove-members confirmation');
});

test('no access, not found, the re-login dialog', async ({ page, sim }) => {
  await logIn(page, personas.tenant);
  await page.goto('/virtual-id-groups');
  await expect(page.getByRole('region', { name: t('app.noAccess.title') })).toBeVisible();
  await expectAccessible(page, 'the no-access page');
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: t('app.notFound.title') })).toBeVisible();
  await expectAccessible(page, 'the not-found page');
  await sim.expireSessions();
  await page
    .getByRole('navigation', { name: t('app.nav.label') })
    .getByRole('link', { name: t('app.nav.serverGroups') })
    .click();
  await page.getByRole('combobox', { name: t('serverGroups.picker') }).click();
  await expect(relogin(page)).toBeVisible();
  await expectAccessible(page, 'the re-login dialog');
});

test('the idle warning', async ({ page, sim }) => {
  void sim;
  await setConsoleConfig(page, { idleTimeoutMs: 30_000, idleWarningMs: 29_000 });
  await logIn(page, personas.admin);
  await expect(page.getByRole('dialog', { name: t('idle.title') })).toBeVisible();
  await expectAccessible(page, 'the idle warning');
});
