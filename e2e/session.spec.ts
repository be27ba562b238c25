import type { Page } from '@playwright/test';
import {
  callZStack,
  choose,
  expect,
  fillLogin,
  isAddMembers,
  logIn,
  membersOf,
  membersTable as members,
  openVirtualIdGroup,
  personas,
  relogin,
  reloginAs,
  sessionOf,
  setConsoleConfig,
  test,
  uuidsOf,
  type Sim,
} from './fixtures';
import { like, t } from './i18n';

/** Opens ops/oncall on the Virtual ID groups page and chooses bob, as an admin would. */
async function stageBobForOncall(page: Page): Promise<void> {
  await openVirtualIdGroup(page, 'ops', 'oncall');
  await choose(page, t('addMembers.label'), 'bob', 'bob');
  await expect(
    page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
  ).toBeVisible();
}

async function addsTo(sim: Sim): Promise<number> {
  return (await sim.requests()).filter(isAddMembers).length;
}

/** Jobs of virtual-ID adds that finished with success, from the simulator's own log of job polls. */
async function successfulAddJobs(sim: Sim): Promise<Set<string>> {
  const log = await sim.requests();
  const addJobs = new Set(log.filter((r) => isAddMembers(r) && r.jobUuid).map((r) => r.jobUuid!));
  return new Set(
    log.filter((r) => r.jobUuid && addJobs.has(r.jobUuid) && r.status === 200).map((r) => r.jobUuid!),
  );
}

test.describe('an expired session never loses the admin’s work', () => {
  test('expiry before submitting: the re-login dialog opens over the page, the choice stays, one click resubmits once', async ({
    page,
    sim,
  }) => {
    await logIn(page, personas.admin);
    await stageBobForOncall(page);
    await sim.expireSessions();

    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(relogin(page)).toBeVisible();
    await expect(relogin(page)).toContainText(t('relogin.kept'));
    // the session is gone from this tab; the identity is kept for the dialog
    expect(await page.evaluate(() => sessionStorage.getItem('zstack-console.session'))).toBeNull();

    // the dialog asks for the password of the identity it names: the focus is there
    await expect(relogin(page).getByLabel(t('login.password'), { exact: true })).toBeFocused();
    await reloginAs(page);
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
    ).toBeVisible();
    // logged in again: "your session has expired" no longer holds, and nothing was sent without a session
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect((await sim.requests()).filter((r) => r.status === 400)).toEqual([]);
    const before = await addsTo(sim);
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(members(page).getByRole('cell', { name: 'bob', exact: true })).toBeVisible();
    expect(await addsTo(sim)).toBe(before + 1);
    expect((await successfulAddJobs(sim)).size).toBe(1);
  });

  test('expiry while typing in a picker: the search asks for a re-login and the text typed stays', async ({
    page,
    sim,
  }) => {
    await logIn(page, personas.admin);
    await openVirtualIdGroup(page, 'ops', 'oncall');
    await sim.expireSessions();
    const picker = page.getByRole('combobox', { name: t('addMembers.label') });
    await picker.click();
    await picker.pressSequentially('car');
    await expect(relogin(page)).toBeVisible();
    await reloginAs(page);
    await expect(picker).toHaveValue('car');
    await picker.click();
    await expect(page.getByRole('option', { name: 'carol', exact: true })).toBeVisible();
  });

  test('expiry while the job runs: ZStack refuses the job with ID.1001, the choice stays, resubmitting adds once', async ({
    page,
    sim,
    request,
  }) => {
    await sim.config({ jobDurationMs: 1500 });
    const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
    await logIn(page, personas.admin);
    await stageBobForOncall(page);
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(page.getByRole('status', { name: like('job.inProgress') })).toBeVisible();
    await sim.expireSessions();
    await expect(relogin(page)).toBeVisible();
    await reloginAs(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(members(page).getByRole('cell', { name: 'bob', exact: true })).toHaveCount(0);
    expect(await membersOf(request, oncall!)).toEqual(['alice']);
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(members(page).getByRole('cell', { name: 'bob', exact: true })).toBeVisible();
    expect((await successfulAddJobs(sim)).size).toBe(1);
    expect(await membersOf(request, oncall!)).toEqual(['alice', 'bob']);
  });

  test('logging in as another identity in the dialog discards the drafts and sends nothing', async ({
    page,
    sim,
  }) => {
    await logIn(page, personas.admin);
    await stageBobForOncall(page);
    await sim.expireSessions();
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(relogin(page)).toBeVisible();
    const sent = await addsTo(sim);

    const dialog = relogin(page);
    await dialog
      .getByRole('radiogroup', { name: t('login.kind') })
      .getByText(t('login.kind.virtualId'), { exact: true })
      .click();
    await dialog.getByLabel(t('login.name'), { exact: true }).fill('ops-admin');
    await dialog.getByLabel(t('login.password'), { exact: true }).fill('password');
    await dialog.getByRole('button', { name: t('relogin.title') }).click();
    await dialog.getByRole('radio', { name: 'ops', exact: true }).check();
    await dialog.getByRole('button', { name: t('login.project.continue'), exact: true }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('identity')).toHaveText(/ops-admin/);
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
    ).toHaveCount(0);
    expect(await addsTo(sim)).toBe(sent);
  });
});

test.describe('sessions', () => {
  test('"Log out" in one tab logs out the other tabs too, and both sessions end on the server', async ({
    context,
    request,
    sim,
  }) => {
    void sim;
    const first = await context.newPage();
    const second = await context.newPage();
    await logIn(first, personas.admin);
    await logIn(second, personas.opsAdmin);
    const sessions = [await sessionOf(first), await sessionOf(second)];

    await first.getByRole('button', { name: t('app.logOut') }).click();
    await expect(first).toHaveURL(/\/login$/);
    await expect(second).toHaveURL(/\/login$/);
    await expect(second.getByRole('button', { name: t('login.submit') })).toBeVisible();
    for (const s of sessions) {
      const answer = await callZStack(request, s, 'GET', '/load-balancers?limit=1');
      expect(answer.body.error?.code).toBe('ID.1001');
    }
  });

  test('the session id never appears in localStorage, a URL or the console log', async ({ page, sim }) => {
    void sim;
    const urls: string[] = [];
    const logs: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    page.on('console', (m) => logs.push(m.text()));
    await logIn(page, personas.admin);
    const session = await sessionOf(page);
    await stageBobForOncall(page);
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(members(page).getByRole('cell', { name: 'bob', exact: true })).toBeVisible();
    await page.reload();
    await expect(members(page)).toBeVisible();

    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => u.includes(session))).toEqual([]);
    expect(logs.filter((l) => l.includes(session))).toEqual([]);
    expect(page.url()).not.toContain(session);
    const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(local).not.toContain(session);
  });

  test('an idle admin is warned, can stay signed in, and is then logged out behind the re-login dialog', async ({
    page,
    sim,
  }) => {
    await setConsoleConfig(page, { idleTimeoutMs: 5_000, idleWarningMs: 3_000 });
    await logIn(page, personas.admin);
    const session = await sessionOf(page);
    const warning = page.getByRole('dialog', { name: t('idle.title') });
    await expect(warning).toBeVisible({ timeout: 10_000 });
    await warning.getByRole('button', { name: t('idle.stay') }).click();
    await expect(warning).toBeHidden();
    await expect(page.getByRole('button', { name: t('app.logOut') })).toBeVisible();

    await expect(warning).toBeVisible({ timeout: 10_000 });
    await expect(relogin(page)).toBeVisible({ timeout: 10_000 });
    await expect(relogin(page)).toContainText(t('relogin.reason.idle'));
    const logout = (await sim.requests()).find(
      (r) => r.method === 'DELETE' && r.path.endsWith(`/accounts/sessions/${session}`),
    );
    expect(logout).toBeDefined();
  });

  test('a session is capped at its absolute length, active or not', async ({ page, sim }) => {
    void sim;
    await setConsoleConfig(page, { absoluteTimeoutMs: 4_000 });
    await logIn(page, personas.admin);
    await expect(relogin(page)).toBeVisible({ timeout: 10_000 });
    await expect(relogin(page)).toContainText(t('relogin.reason.absolute'));
  });

  test('a virtual ID picks its project at login', async ({ page, sim }) => {
    void sim;
    await page.goto('/login');
    await fillLogin(page, personas.opsAdmin);
    await expect(page.getByRole('radiogroup', { name: t('login.project.label') })).toBeVisible();
    await page.getByRole('radio', { name: 'ops', exact: true }).check();
    await page.getByRole('button', { name: t('login.project.continue'), exact: true }).click();
    await expect(page.getByTestId('identity')).toHaveText('ops-admin @ ops');
  });
});
