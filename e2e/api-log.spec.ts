import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import {
  addSection,
  chooseServerGroup,
  expect,
  logIn,
  openServerGroupsPage,
  personas,
  sessionOf,
  stageNic,
  stagedWeight,
  test,
} from './fixtures';
import { names, t } from './i18n';
import { defaultAllowed, untranslatedOn } from './untranslated';

/**
 * The API log: a failed job shows there with ZStack's error, the inline error links to it, the call
 * copied as curl reproduces it (run by sh against the same console), the JSON export holds what the
 * panel shows, and the panel works by keyboard alone.
 */

const boom = {
  code: 'SYS.1006',
  description: 'An operation failed',
  details: 'the backend pool refused the NIC (injected)',
};

const panel = (page: Page) => page.getByRole('dialog', { name: t('apiLog.title') });
const rows = (page: Page) =>
  panel(page)
    .getByRole('list', { name: t('apiLog.list') })
    .getByRole('listitem');

/** The admin adds web-2 with weight 30 to api-pool; ZStack's job fails (every time, until cleared). */
async function failAnAdd(page: Page) {
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'api-pool', 'api-pool');
  await stageNic(page, 'web-2');
  await stagedWeight(page, 'web-2').fill('30');
  await page.getByRole('button', { name: t('backends.add.submit') }).click();
  const alert = addSection(page).getByRole('alert');
  await expect(alert.getByTestId('error-code')).toHaveText(boom.code);
  return alert;
}

// the clipboard for "copy as"; no transitions, so that axe judges the drawer as it is once in
test.use({ permissions: ['clipboard-read', 'clipboard-write'], contextOptions: { reducedMotion: 'reduce' } });

test('a failed job: its inline error opens its entry, the copied curl reproduces it, the export is what is shown', async ({
  page,
  sim,
  request,
}) => {
  await sim.fault({ method: 'POST', path: 'backendservers', kind: 'job-error', error: boom });
  const alert = await failAnAdd(page);
  const session = await sessionOf(page);

  await alert.getByRole('button', { name: t('apiLog.showEntry') }).click();
  await expect(panel(page)).toBeVisible();
  const row = panel(page).getByRole('button', { name: /AddBackendServerToServerGroup/ });
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-expanded', 'true');
  await expect(row).toContainText(t('apiLog.outcome.failed'));
  await expect(row).toContainText(`${t('apiLog.job.failed')}`);
  const details = panel(page).getByRole('region', {
    name: t('apiLog.details', { api: 'AddBackendServerToServerGroup' }),
  });
  await expect(details.getByTestId('log-error')).toContainText(boom.details);
  await expect(details).toContainText('"weight": "30"');
  await expect(panel(page)).not.toContainText(session);

  await details
    .getByRole('button', { name: t('apiLog.copy.label', { format: t('apiLog.copy.curl') }) })
    .click();
  await expect(details.getByRole('status')).toHaveText(
    t('apiLog.copied', { format: t('apiLog.copy.curl'), env: 'ZSTACK_SESSION' }),
  );
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toBe(await details.getByTestId('copied-command').textContent());
  expect(curl).toContain('$ZSTACK_SESSION');
  expect(curl).not.toContain(session);
  const axe = await new AxeBuilder({ page })
    .include('[role="dialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // the command as an admin would run it, with the session in the environment
  const { stdout } = await promisify(execFile)('sh', ['-c', curl], {
    env: { ...process.env, ZSTACK_SESSION: session },
    timeout: 10_000,
  });
  const { location } = JSON.parse(stdout) as { location: string };
  let job = await request.get(new URL(location).pathname);
  for (let i = 0; job.status() === 202 && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = await request.get(new URL(location).pathname);
  }
  expect(job.status()).toBe(503);
  expect(((await job.json()) as { error: typeof boom }).error).toMatchObject(boom);

  // failures only: what the export saves is what the panel lists
  await panel(page)
    .getByRole('checkbox', { name: t('apiLog.filter.failuresOnly') })
    .check();
  await expect(rows(page)).toHaveCount(1);
  const download = page.waitForEvent('download');
  await panel(page)
    .getByRole('button', { name: t('apiLog.export') })
    .click();
  const saved = await readFile(await (await download).path(), 'utf8');
  expect(saved).not.toContain(session);
  const exported = JSON.parse(saved) as {
    entries: { apiName: string; error: typeof boom; request: unknown; job: { end: string } }[];
  };
  expect(exported.entries).toEqual([
    expect.objectContaining({
      apiName: 'AddBackendServerToServerGroup',
      error: expect.objectContaining(boom),
      job: expect.objectContaining({ end: 'failed' }),
      request: { params: { vmNics: [{ uuid: expect.any(String), weight: '30' }] } },
    }),
  ]);
});

test('by keyboard alone: the shortcut opens it, filters and details work, Escape closes it', async ({
  page,
}) => {
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'api-pool', 'api-pool');
  const button = page.getByRole('button', { name: t('apiLog.button'), exact: true });
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+L');

  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(panel(page)).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  const all = await rows(page).count();
  expect(all).toBeGreaterThan(2);
  // the login is there, newest last; its password hash never is
  await expect(rows(page).last()).toContainText('LogInByAccount');
  await expect(panel(page)).not.toContainText(/[0-9a-f]{128}/);

  const search = panel(page).getByRole('searchbox', { name: t('apiLog.filter.text') });
  await search.focus();
  await page.keyboard.type('LogInByAccount');
  await expect(rows(page)).toHaveCount(1);
  await page.keyboard.press('Tab'); // writes only
  await page.keyboard.press('Space');
  await expect(panel(page).getByRole('checkbox', { name: t('apiLog.filter.writesOnly') })).toBeChecked();
  await expect(panel(page)).toContainText(t('apiLog.noMatch'));
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // failures only
  await page.keyboard.press('Tab'); // export
  await page.keyboard.press('Tab'); // the login's row
  const login = panel(page).getByRole('button', { name: /LogInByAccount/ });
  await expect(login).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(login).toHaveAttribute('aria-expanded', 'true');
  const details = panel(page).getByRole('region', { name: t('apiLog.details', { api: 'LogInByAccount' }) });
  await expect(details).toContainText('"password": "********"');
  await expect(details).toContainText('"uuid": "<session>"');

  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(panel(page)).toBeVisible();
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(panel(page)).toBeHidden();
});

test('after a switch to Chinese, every word of the panel is Chinese but ZStack’s own', async ({ page }) => {
  const zh = names('zh-CN');
  await logIn(page, personas.admin);
  await page.getByRole('button', { name: t('apiLog.button'), exact: true }).click();
  await expect(panel(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await page
    .getByRole('radiogroup', { name: t('language.label') })
    .getByText('简体中文', { exact: true })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: zh('apiLog.button'), exact: true }).click();
  const zhPanel = page.getByRole('dialog', { name: zh('apiLog.title') });
  await zhPanel.getByRole('button', { name: /LogInByAccount/ }).click();
  const details = zhPanel.getByRole('region', { name: zh('apiLog.details', { api: 'LogInByAccount' }) });
  await details
    .getByRole('button', { name: zh('apiLog.copy.label', { format: zh('apiLog.copy.python') }) })
    .click();
  await expect(details.getByRole('status')).toBeVisible();
  const words = await untranslatedOn(page, 'zh-CN', {
    // ZStack's own words (API names, paths, bodies, commands), and the page behind the drawer
    exclude: ['[data-zstack-text]', 'main', 'header', 'nav'],
    // the region is named after the call's API (ZStack's name)
    allow: [...defaultAllowed['zh-CN'], 'API', 'JSON', 'SDK', 'Python', 'Java', 'curl', 'LogInByAccount'],
  });
  expect(words.map((w) => `${w.word} (${w.where}: ${w.text})`)).toEqual([]);
});
