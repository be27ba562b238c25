import type { Locator, Page } from '@playwright/test';
import {
  backendsOf,
  expect,
  memberRow,
  membersOf,
  nicUuidOf,
  stagedWeight,
  test,
  uuidsOf,
  weightOf,
} from './fixtures';
import { t } from './i18n';

/**
 * Both jobs with the keyboard alone. After `page.goto` there is no click: Tab moves the focus,
 * typing fills, arrows and Enter pick, Enter and Space press buttons.
 */

/** Presses Tab until `target` has the focus, as a keyboard user would (and fails if it never does). */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/**
 * Types a search in a focused picker (replacing what it held, as the search stays after a choice), waits
 * for the one match in its own list, and picks it with the arrow and Enter.
 */
async function pick(page: Page, search: string, option: string | RegExp): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(search);
  const listId = await page.locator(':focus').getAttribute('aria-controls');
  const options = page.locator(`[id="${listId}"]`).getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options).toHaveText(option);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

async function logInWithKeyboard(page: Page): Promise<void> {
  await page.goto('/login');
  const name = page.getByLabel(t('login.name'), { exact: true });
  await tabTo(page, name);
  await page.keyboard.type('admin');
  await tabTo(page, page.getByLabel(t('login.password'), { exact: true }));
  await page.keyboard.type('password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: t('app.logOut') })).toBeVisible();
}

test('adds a NIC and an IP with weights to a server group with the keyboard alone', async ({
  page,
  sim,
  request,
}) => {
  void sim;
  const [apiPool] = await uuidsOf(request, '/load-balancers/servergroups', ['api-pool']);
  const web2 = await nicUuidOf(request, '10.0.0.12');
  await logInWithKeyboard(page);

  await tabTo(
    page,
    page
      .getByRole('navigation', { name: t('app.nav.label') })
      .getByRole('link', { name: t('app.nav.serverGroups') }),
  );
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('combobox', { name: t('serverGroups.picker') }));
  await pick(page, 'api-pool', /^api-pool/);
  await expect(page.getByRole('heading', { name: t('serverGroups.lb.title') })).toBeVisible();

  await tabTo(page, page.getByRole('combobox', { name: t('backends.nics.label') }));
  await pick(page, 'web-2', /^web-2/);
  await page.keyboard.press('Escape');
  await expect(stagedWeight(page, 'web-2')).toHaveValue('100');

  await tabTo(page, page.getByRole('textbox', { name: t('backends.ips.label') }));
  await page.keyboard.type('192.168.90.1 20');
  await tabTo(page, page.getByRole('button', { name: t('backends.ips.addToList') }));
  await page.keyboard.press('Enter');
  await expect(stagedWeight(page, '192.168.90.1')).toHaveValue('20');

  await tabTo(page, stagedWeight(page, 'web-2'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('30');
  await expect(stagedWeight(page, 'web-2')).toHaveValue('30');

  await tabTo(page, page.getByRole('button', { name: t('backends.add.submit') }));
  await page.keyboard.press('Enter');
  await expect(weightOf(page, 'web-2')).toHaveText('30');
  await expect(weightOf(page, '192.168.90.1')).toHaveText('20');
  await expect(page.getByRole('status').filter({ hasText: t('backends.add.done') })).toBeVisible();
  expect(await backendsOf(request, apiPool!)).toEqual([`ip:192.168.90.1=20`, `nic:${web2}=30`]);

  // and a weight changes in place, still with the keyboard
  await tabTo(
    page,
    page.getByRole('button', { name: t('backends.weight.changeOf', { label: '192.168.90.1' }) }),
  );
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('textbox', { name: t('backends.weight.newFor', { label: '192.168.90.1' }) }),
  ).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(weightOf(page, '192.168.90.1')).toHaveText('0');
  expect(await backendsOf(request, apiPool!)).toEqual([`ip:192.168.90.1=0`, `nic:${web2}=30`]);
});

test('adds virtual IDs to a group, and removes one after the confirmation, with the keyboard alone', async ({
  page,
  sim,
  request,
}) => {
  void sim;
  const [sre] = await uuidsOf(request, '/iam2/projects/groups', ['sre']);
  await logInWithKeyboard(page);

  await tabTo(
    page,
    page
      .getByRole('navigation', { name: t('app.nav.label') })
      .getByRole('link', { name: t('app.nav.virtualIdGroups') }),
  );
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('combobox', { name: t('vidGroups.project') }));
  await pick(page, 'ops', 'ops');
  await tabTo(page, page.getByRole('combobox', { name: t('vidGroups.group') }));
  await pick(page, 'sre', 'sre');
  await expect(
    page.getByRole('region', { name: t('workbench.none', { what: t('members.noun.many') }) }),
  ).toBeVisible();

  await tabTo(page, page.getByRole('combobox', { name: t('addMembers.label') }));
  await pick(page, 'bob', 'bob');
  await pick(page, 'carol', 'carol');
  await expect(page.getByRole('table', { name: `${t('addMembers.staged')} (2)` })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: t('addMembers.submit') }));
  await page.keyboard.press('Enter');
  await expect(memberRow(page, 'bob')).toBeVisible();
  await expect(memberRow(page, 'carol')).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: t('addMembers.added.title', { group: 'sre' }) }),
  ).toBeVisible();
  expect(await membersOf(request, sre!)).toEqual(['bob', 'carol']);

  await tabTo(page, page.getByRole('button', { name: t('workbench.removeFromGroup', { label: 'carol' }) }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'sre' }) });
  await expect(dialog.getByRole('button', { name: t('common.cancel') })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    dialog.getByRole('button', {
      name: t('workbench.removeCount', { count: t('members.count', { count: 1 }) }),
    }),
  ).toBeFocused();
  await page.keyboard.press('Space');
  await expect(dialog).toBeHidden();
  await expect(memberRow(page, 'carol')).toHaveCount(0);
  expect(await membersOf(request, sre!)).toEqual(['bob']);
});
