import { createHash } from 'node:crypto';
import { expect, fillLogin, logIn, personas, test } from './fixtures';
import { t } from './i18n';

test.describe('logging in', () => {
  test('admin logs in, sees the shell, and logs out, which ends the session on the server', async ({
    page,
    sim,
    request,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: t('app.name') })).toBeVisible();

    const loginBody = page
      .waitForRequest((r) => r.url().endsWith('/zstack/v1/accounts/login'))
      .then((r) => r.postDataJSON() as { logInByAccount: { accountName: string; password: string } });
    await logIn(page, personas.admin);
    // the password goes over the wire as ZStack wants it: lowercase hex SHA-512, never in clear
    expect((await loginBody).logInByAccount).toEqual({
      accountName: 'admin',
      password: createHash('sha512').update('password').digest('hex'),
    });
    const nav = page.getByRole('navigation', { name: t('app.nav.label') });
    await expect(nav.getByRole('link', { name: t('app.nav.serverGroups') })).toBeVisible();
    await expect(nav.getByRole('link', { name: t('app.nav.virtualIdGroups') })).toBeVisible();
    await expect(page.getByTestId('identity')).toHaveText(/admin/);

    const session = await page.evaluate(() => sessionStorage.getItem('zstack-console.session'));
    expect(session).toMatch(/^[0-9a-f]{32}$/);

    await page.getByRole('button', { name: t('app.logOut') }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: t('login.submit') })).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('zstack-console.session'))).toBeNull();

    const logout = (await sim.requests()).find(
      (r) => r.method === 'DELETE' && r.path.endsWith(`/accounts/sessions/${session}`),
    );
    expect(logout).toBeDefined();
    const valid = await request.get(`/zstack/v1/accounts/sessions/${session}/valid`, {
      headers: { Authorization: `OAuth ${session}` },
    });
    const body = await valid.text();
    expect(body).not.toContain('"valid":true');
  });

  test('a wrong password shows ID.1000 inline, below "Log in" (which stays where it was), and keeps the typed name', async ({
    page,
    sim,
  }) => {
    await page.goto('/login');
    const button = page.getByRole('button', { name: t('login.submit') });
    const before = await button.boundingBox();
    await fillLogin(page, personas.admin, 'not-the-password');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('ID.1000');
    await expect(alert.getByTestId('error-description')).not.toBeEmpty();
    expect((await button.boundingBox())?.y).toBe(before?.y);
    await expect(page.getByLabel(t('login.name'), { exact: true })).toHaveValue('admin');
    await expect(page).toHaveURL(/\/login$/);
    void sim;
  });

  test('a virtual ID name tried as an account: the error says to choose "Virtual ID", and that works', async ({
    page,
    sim,
  }) => {
    void sim;
    await page.goto('/login');
    await fillLogin(page, { kind: 'account', name: 'ops-admin' });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('ID.1000');
    await expect(alert).toContainText(t('login.hint.virtualId', { name: 'ops-admin' }));
    // the password is selected for retyping; the name stays
    await expect(page.getByLabel(t('login.password'), { exact: true })).toBeFocused();
    await logIn(page, personas.opsAdmin);
    await expect(page.getByTestId('identity')).toHaveText('ops-admin @ ops');
  });

  test('a reload keeps the admin logged in (the session lives in sessionStorage, not localStorage)', async ({
    page,
    sim,
  }) => {
    void sim;
    await logIn(page, personas.admin);
    await page.reload();
    await expect(page.getByRole('button', { name: t('app.logOut') })).toBeVisible();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toMatch(/[0-9a-f]{32}/);
  });
});
