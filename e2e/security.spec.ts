import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  adminSession,
  callZStack,
  chooseServerGroup,
  expect,
  fillLogin,
  logIn,
  openServerGroupsPage,
  personas,
  sessionOf,
  test,
} from './fixtures';
import { t } from './i18n';

/**
 * Browser security of the built console: the headers it is served with, and server-provided names that
 * look like HTML staying text. Every journey of the suite also fails on any CSP violation (fixtures.ts).
 */
test.describe('browser security', () => {
  test('pages are served with the CSP, Referrer-Policy and nosniff', async ({ request }) => {
    for (const path of ['/login', '/server-groups', '/favicon.svg']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const headers = res.headers();
      const csp = headers['content-security-policy'] ?? '';
      for (const directive of [
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]) {
        expect(csp, `${path}: ${directive}`).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  test.describe('an injected script', () => {
    test.use({ provokesCspViolation: true });

    test('an inline script is refused by the policy (the CSP is enforced, not only sent)', async ({
      page,
    }) => {
      const violations: string[] = [];
      await page.goto('/login');
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
      await page.evaluate(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
            e.violatedDirective,
          ),
        );
      });
      // what an injected <script> would do: it must not run
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.appendChild(s);
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      expect(ran).toBe(false);
      await expect.poll(() => violations).toContain('script-src-elem');
    });
  });

  test('a VM named like HTML is shown as text in the picker, the staged rows and "Backend servers"', async ({
    page,
    sim,
  }) => {
    void sim;
    const evil = '<img src=x onerror=alert(1)>';
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseServerGroup(page, 'api-pool', 'api-pool');

    const nics = page.getByRole('combobox', { name: t('backends.nics.label') });
    await nics.click();
    await nics.fill('img');
    await page.getByRole('option', { name: evil }).click();
    await nics.press('Escape');
    await expect(
      page.getByRole('textbox', { name: t('backends.weight.for', { label: evil }), exact: true }),
    ).toHaveValue('100');
    await page.getByRole('button', { name: t('backends.add.submit') }).click();
    const table = page.getByRole('table', { name: t('backends.title'), exact: true });
    await expect(table.getByRole('row').filter({ hasText: evil })).toBeVisible();
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
  });
});

test.describe('a logged-out admin is logged out everywhere', () => {
  test('"Log out" of a virtual ID in a project ends both its sessions: the first opens no project afterwards', async ({
    page,
    request,
    sim,
  }) => {
    void sim;
    const firstLogin = page.waitForResponse((r) => r.url().endsWith('/zstack/v1/iam2/virtual-ids/login'));
    await logIn(page, personas.opsAdmin);
    const first = ((await (await firstLogin).json()) as { inventory: { uuid: string } }).inventory.uuid;
    const project = await sessionOf(page);
    expect(first).not.toBe(project);

    await page.getByRole('button', { name: t('app.logOut') }).click();
    await expect(page.getByRole('button', { name: t('login.submit') })).toBeVisible();
    // what someone holding the first session would try: a fresh project session that can write
    await expect
      .poll(
        async () =>
          (
            await callZStack(request, first, 'PUT', '/iam2/projects/login', {
              loginIAM2Project: { projectName: 'ops' },
            })
          ).body.error?.code,
      )
      .toBe('ID.1001');
    expect((await callZStack(request, project, 'GET', '/load-balancers?limit=1')).body.error?.code).toBe(
      'ID.1001',
    );
  });

  test('after login, a deep link that names another host is ignored: the console opens its start page', async ({
    page,
    sim,
    baseURL,
  }) => {
    void sim;
    for (const link of ['//evil.example/x', '/\\evil.example']) {
      await page.goto(`${baseURL}${link}`);
      await expect(page).toHaveURL(/\/login$/);
      await fillLogin(page, personas.admin);
      await expect(page.getByRole('heading', { name: t('serverGroups.title'), level: 2 })).toBeVisible();
      expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
      await page.getByRole('button', { name: t('app.logOut') }).click();
      await expect(page.getByRole('button', { name: t('login.submit') })).toBeVisible();
    }
  });
});

test('a page of another site can neither drive the simulator’s controls nor get a CORS answer from /zstack', async ({
  page,
  request,
  sim,
  baseURL,
}) => {
  void sim;
  const admin = await adminSession(request);
  const expire = `${baseURL}/__sim/sessions/expire`;
  // another web server on this machine (say a dev server on localhost:3000) serving a page with a
  // cross-site form (text/plain, the one body a form can make look like JSON) and a no-cors POST
  const attacker = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(
      `<form method="post" enctype="text/plain" action="${expire}"><input name='{"a":"' value='"}'></form>`,
    );
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://localhost:${(attacker.address() as AddressInfo).port}/`);
    const scripted = page.waitForResponse(
      (r) => r.url() === expire && r.request().resourceType() === 'fetch',
    );
    await page.evaluate(async (url) => {
      await fetch(url, {
        method: 'POST',
        mode: 'no-cors',
        body: '{}',
        headers: { 'Content-Type': 'text/plain' },
      });
    }, expire);
    expect((await scripted).status()).toBe(403);
    const posted = page.waitForResponse(expire);
    await page.locator('form').evaluate((form: HTMLFormElement) => form.submit());
    expect((await posted).status()).toBe(403);
    expect((await callZStack(request, admin, 'GET', '/load-balancers?limit=1')).status).toBe(200);
  } finally {
    attacker.close();
  }

  // a management node answers no preflight; neither does the console's origin
  const preflight = await request.fetch('/zstack/v1/load-balancers', {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://localhost:3000',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  });
  expect(preflight.status()).not.toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
});
