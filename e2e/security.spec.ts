import { chooseServerGroup, expect, logIn, openServerGroupsPage, personas, test } from './fixtures';

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

    const nics = page.getByRole('combobox', { name: 'VM NICs' });
    await nics.click();
    await nics.fill('img');
    await page.getByRole('option', { name: evil }).click();
    await nics.press('Escape');
    await expect(page.getByRole('textbox', { name: `Weight for ${evil}`, exact: true })).toHaveValue('100');
    await page.getByRole('button', { name: 'Add backend servers' }).click();
    const table = page.getByRole('table', { name: 'Backend servers', exact: true });
    await expect(table.getByRole('row').filter({ hasText: evil })).toBeVisible();
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
  });
});
