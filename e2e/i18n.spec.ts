import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { browserLocale, names, t } from './i18n';

const zh = names('zh-CN');
const radio = (page: Page, group: string, name: string) =>
  page.getByRole('radiogroup', { name: group }).getByRole('radio', { name, exact: true });
// Mantine's SegmentedControl hides its radio inputs; a user clicks the visible label.
const choose = (page: Page, group: string, name: string) =>
  page.getByRole('radiogroup', { name: group }).getByText(name, { exact: true }).click();

test.describe('a first visit from a Chinese browser', () => {
  test.use({ locale: browserLocale['zh-CN'] });

  test('opens in Chinese; English is one click away, keeps what was typed and is remembered', async ({
    page,
    sim,
  }) => {
    void sim;
    await page.goto('/login');
    await expect(radio(page, zh('language.label'), '简体中文')).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle(zh('app.name'));

    await page.getByLabel(zh('login.name'), { exact: true }).fill('admin');
    await page.getByLabel(zh('login.password'), { exact: true }).fill('password');
    await choose(page, zh('language.label'), 'English');
    await expect(radio(page, t('language.label'), 'English')).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle(t('app.name'));
    await expect(page.getByLabel(t('login.name'), { exact: true })).toHaveValue('admin');
    await expect(page.getByLabel(t('login.password'), { exact: true })).toHaveValue('password');

    // the theme: for this tab only; localStorage holds the language and nothing else
    // the theme's choices are icons, named on hover
    await page
      .getByRole('radiogroup', { name: t('theme.label') })
      .getByTitle(t('theme.dark'))
      .click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.getByRole('button', { name: t('login.submit') }).click();
    await expect(page.getByRole('button', { name: t('app.logOut') })).toBeVisible();
    await expect(radio(page, t('language.label'), 'English')).toBeChecked();
    await expect(radio(page, t('theme.label'), t('theme.dark'))).toBeChecked();
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'zstack-console.language': 'en' });
    expect(await page.evaluate(() => sessionStorage.getItem('zstack-console.color-scheme'))).toBe('dark');

    await page.reload();
    await expect(page.getByRole('button', { name: t('app.logOut') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });
});

test('a language that cannot be loaded: the console says so and stays as it was', async ({ page, sim }) => {
  void sim;
  await page.goto('/login');
  await expect(radio(page, t('language.label'), 'English')).toBeChecked();
  // the English catalogue has loaded; the Chinese one is the next request for a catalogue chunk
  await page.route('**/assets/boot-*.js', (route) => route.abort('internetdisconnected'));
  await choose(page, t('language.label'), '简体中文');
  await expect(page.getByRole('alert')).toHaveText(t('language.loadFailed'));
  await expect(radio(page, t('language.label'), 'English')).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});
