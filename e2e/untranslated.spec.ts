import type { Page } from '@playwright/test';
import { choose, expect, logIn, openVirtualIdGroup, personas, test, type Sim } from './fixtures';
import { browserLocale, names, type Locale } from './i18n';
import { defaultAllowed, untranslatedOn } from './untranslated';

/**
 * In each language, no word of the other on the login page, the shell and the virtual-ID-groups page
 * with its dialogs (adding, an inline error, the remove confirmation). ZStack's own texts (an error's
 * code, description and details; a virtual ID's state) are excluded, and so are the seed's names.
 */
const zstackTexts = [
  '[data-zstack-text]',
  '[data-testid="error-code"]',
  '[data-testid="error-description"]',
  '[data-testid="error-details"]',
];
const seedNames = [
  'admin',
  'ops',
  'oncall',
  'sre',
  'alice',
  'bob',
  'carol',
  'dave',
  'eve',
  'mallory',
  'auditor',
  // the seed's virtual ID named like HTML, <img src=x onerror=alert(1)>
  'img',
  'src',
  'onerror',
  'alert',
  'Enabled',
  'Disabled',
  'Staled',
];

for (const locale of ['zh-CN', 'en'] as const) {
  const n = names(locale);

  test.describe(`the console in ${locale}`, () => {
    test.use({ locale: browserLocale[locale] });

    test(`login, shell and virtual ID groups: no word of the other language`, async ({ page, sim }) => {
      const expectNone = (where: string, skip: string[] = []) => expectInLanguage(page, locale, where, skip);
      await page.goto('/login');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expectNone('the login page');
      // a field left empty: the form's own error
      await page.getByRole('button', { name: n('login.submit') }).click();
      await expect(page.getByText(n('login.errors.nameRequired'))).toBeVisible();
      await expectNone('the login form with its errors');

      await logIn(page, personas.admin, n);
      // the header and navigation (the start page below it is the server groups page, walked in its own spec)
      await expectNone('the shell', ['main']);

      await openVirtualIdGroup(page, 'ops', 'oncall', n);
      await expect(page.getByRole('table', { name: n('members.title') })).toBeVisible();
      await expectNone('a group');

      await failNextAdd(sim);
      await choose(page, n('addMembers.label'), 'bob', 'bob');
      await page.getByRole('button', { name: n('addMembers.submit') }).click();
      await expect(
        page.getByRole('alert').filter({
          hasText: n('errors.title.failed', { action: n('addMembers.action', { group: 'oncall' }) }),
        }),
      ).toBeVisible();
      await expectNone('the add form with an inline error');

      // the remove confirmation: alice's row, its remove button (the dialog names her)
      await page
        .getByRole('table', { name: n('members.title') })
        .getByRole('row')
        .filter({ hasText: 'alice' })
        .getByRole('button')
        .last()
        .click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(n('members.remove.message', { count: 1, group: 'oncall' }));
      await expectNone('the remove confirmation');
    });
  });
}

async function failNextAdd(sim: Sim) {
  await sim.fault({
    method: 'POST',
    path: 'virtual-ids',
    kind: 'job-error',
    error: { code: 'SYS.1006', description: 'An operation failed', details: 'the group is being modified' },
    times: 1,
  });
}

async function expectInLanguage(page: Page, locale: Locale, where: string, skip: string[]) {
  // the page settles first: a loader's label is text too
  await expect(page.getByRole('status').filter({ has: page.locator('.mantine-Loader-root') })).toHaveCount(0);
  const found = await untranslatedOn(page, locale, {
    exclude: [...zstackTexts, ...skip],
    allow: [...seedNames, ...(locale === 'zh-CN' ? zhAllowed : defaultAllowed.en)],
  });
  expect(
    found.map((f) => `${f.word} (${f.source} of ${f.where}: "${f.text}")`),
    `${where} in ${locale}`,
  ).toEqual([]);
}

// Words that stay as they are in Chinese: ZStack, its API names, and what ZStack itself writes in Latin.
const zhAllowed = [...defaultAllowed['zh-CN'], 'IAM', 'CreateIAM2VirtualIDGroup', 'Staled'];
