import type { Page } from '@playwright/test';
import {
  addSection,
  backendsOf,
  backendsTable,
  chooseServerGroup,
  expect,
  expectError,
  logIn,
  openServerGroupsPage,
  personas,
  stagedWeight,
  stageIps,
  stageNic,
  test,
  uuidsOf,
  weightOf,
  type Sim,
} from './fixtures';
import { names, t, type Locale } from './i18n';
import { defaultAllowed, untranslatedOn } from './untranslated';

/**
 * The server-groups job in 简体中文 against a zh_CN node (a node's default locale; the suites' simulator
 * starts in en_US and reset goes back to it), and a language switch in the middle of the form. ZStack's
 * texts (its error's details, resource names, the load balancer's type and state) are shown as the node
 * sends them; every word of the console's own is Chinese.
 */
const zh = names('zh-CN');

/** The header's language menu: Mantine's SegmentedControl hides its radios, a user clicks the label. */
async function switchTo(page: Page, from: Locale, to: Locale): Promise<void> {
  const menu = page.getByRole('radiogroup', { name: t('language.label', {}, from) });
  await menu.getByText(to === 'en' ? 'English' : '简体中文', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

// Elements marked data-zstack-text, and the error's own fields, hold ZStack's words; everything else on
// the page, the header and the notifications included, is the console's.
const zstackText = ['[data-zstack-text]', '[data-testid^="error-"]'];
async function expectAllChinese(page: Page): Promise<void> {
  const found = await untranslatedOn(page, 'zh-CN', {
    exclude: zstackText,
    // ZStack's values, shown as it names them: the load balancer types (LoadBalancerType: SLB, Shared),
    // a backend's status (Active, Inactive, Pending), a health check's HTTP method (HEAD); the seed's admin
    allow: [...defaultAllowed['zh-CN'], 'SLB', 'Shared', 'Active', 'Inactive', 'Pending', 'HEAD', 'admin'],
  });
  expect(found.map((f) => `${f.word} in “${f.text}” (${f.source}, ${f.where})`)).toEqual([]);
}

async function zhNode(sim: Sim): Promise<void> {
  await sim.config({ locale: 'zh_CN', jobDurationMs: 300 });
}

test('in 简体中文 against a zh_CN node: add a NIC and an IP through an error, change a weight, remove one', async ({
  page,
  sim,
  request,
}) => {
  await zhNode(sim);
  const [webPool] = await uuidsOf(request, '/load-balancers/servergroups', ['web-pool']);
  const before = await backendsOf(request, webPool!);
  await logIn(page, personas.admin);
  await switchTo(page, 'en', 'zh-CN');
  await openServerGroupsPage(page, 'zh-CN');
  await expect(page).toHaveTitle(zh('app.pageTitle', { page: zh('serverGroups.title') }));
  await chooseServerGroup(page, 'web-pool', 'web-pool', 'zh-CN');

  await stageNic(page, 'web-2', 'zh-CN');
  await stageIps(page, '192.168.2.2 70', 'zh-CN');
  await stagedWeight(page, 'web-2', 'zh-CN').fill('30');
  await expect(
    page.getByRole('progressbar', { name: zh('backends.shareFor', { label: 'web-2' }) }),
  ).toHaveAttribute('aria-valuenow', '15'); // 30 of 100 (web-1) + 30 + 70
  await expectAllChinese(page);

  // ZStack's own words, as a zh_CN node details this refusal (conf/i18n/messages_zh_CN.properties)
  const details = `无法将后端服务器IP添加到ServerGroup[uuid：${webPool}]，因为IP[IPAddress：192.168.2.2]重复`;
  await sim.fault({
    method: 'POST',
    path: 'backendservers',
    kind: 'job-error',
    error: { code: 'SYS.1006', description: 'An operation failed', details },
    times: 1,
  });
  const submit = page.getByRole('button', { name: zh('backends.add.submit') });
  await submit.click();
  await expectError(addSection(page, 'zh-CN').getByRole('alert'), {
    code: 'SYS.1006',
    description: 'An operation failed',
    details,
  });
  const named = stagedWeight(page, '192.168.2.2', 'zh-CN');
  await expect(named).toHaveAttribute('aria-invalid', 'true');
  await expect(named).toHaveValue('70');
  await expect(named).toHaveAccessibleDescription(zh('backends.staged.mentioned'));
  await expect(stagedWeight(page, 'web-2', 'zh-CN')).toHaveValue('30');
  await expect(stagedWeight(page, 'web-2', 'zh-CN')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await backendsOf(request, webPool!)).toEqual(before);

  // the same rows go through once the fault is spent
  await submit.click();
  await expect(page.getByRole('status').filter({ hasText: zh('backends.add.done') })).toContainText(
    '192.168.2.2',
  );
  await expect(weightOf(page, '192.168.2.2', 'zh-CN')).toHaveText('70');
  await expect(weightOf(page, 'web-2', 'zh-CN')).toHaveText('30');
  await expect(addSection(page, 'zh-CN').getByRole('alert')).toHaveCount(0);

  // a weight changed in place, a refused one first
  const table = backendsTable(page, 'zh-CN');
  await table.getByRole('button', { name: zh('backends.weight.changeOf', { label: '192.168.2.2' }) }).click();
  const input = table.getByRole('textbox', { name: zh('backends.weight.newFor', { label: '192.168.2.2' }) });
  await input.fill('101');
  await table.getByRole('button', { name: zh('backends.weight.save') }).click();
  await expect(input).toHaveAccessibleDescription(zh('backends.weight.invalid', { min: 0, max: 100 }));
  await expectAllChinese(page);
  await input.fill('40');
  await table.getByRole('button', { name: zh('backends.weight.save') }).click();
  await expect(weightOf(page, '192.168.2.2', 'zh-CN')).toHaveText('40');

  // one removed, after a confirmation naming it
  await table.getByRole('button', { name: zh('workbench.removeFromGroup', { label: 'web-2' }) }).click();
  const dialog = page.getByRole('dialog', { name: zh('workbench.removeFrom', { from: 'web-pool' }) });
  await expect(dialog.getByRole('list', { name: zh('workbench.affected') })).toContainText('web-2');
  await expectAllChinese(page);
  await dialog
    .getByRole('button', { name: zh('workbench.removeCount', { count: zh('backends.count', { count: 1 }) }) })
    .click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: 'web-2' })).toHaveCount(0);
  const after = await backendsOf(request, webPool!);
  expect(after).toEqual([...before, 'ip:192.168.2.2=40'].sort());
});

test('switching the language mid-form keeps the chosen group, the staged rows and their weights', async ({
  page,
  sim,
}) => {
  void sim;
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'web-pool', 'web-pool');
  await stageNic(page, 'web-2');
  await stageIps(page, '192.168.2.2 70');
  await stagedWeight(page, 'web-2').fill('30');
  // half-typed, not yet added to the list
  await page.getByRole('textbox', { name: t('backends.ips.label') }).fill('192.168.2.9');

  const kept = async (locale: Locale) => {
    const n = names(locale);
    await expect(page.getByRole('heading', { name: n('serverGroups.title'), level: 2 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: n('serverGroups.picker') })).toHaveValue('web-pool');
    await expect(stagedWeight(page, 'web-2', locale)).toHaveValue('30');
    await expect(stagedWeight(page, '192.168.2.2', locale)).toHaveValue('70');
    await expect(page.getByRole('textbox', { name: n('backends.ips.label') })).toHaveValue('192.168.2.9');
    await expect(page.getByRole('table', { name: `${n('backends.staged.title')} (2)` })).toBeVisible();
  };
  await switchTo(page, 'en', 'zh-CN');
  await kept('zh-CN');
  await expectAllChinese(page);
  await switchTo(page, 'zh-CN', 'en');
  await kept('en');
  // and no Chinese word is left on the English page (the language menu names 简体中文 in itself)
  const found = await untranslatedOn(page, 'en', { allow: defaultAllowed.en });
  expect(found.map((f) => `${f.word} in “${f.text}” (${f.source}, ${f.where})`)).toEqual([]);
});

test('in 简体中文: the picker, an empty group, a Shared load balancer and a missing group say it all in Chinese', async ({
  page,
  sim,
}) => {
  void sim;
  await logIn(page, personas.admin);
  await switchTo(page, 'en', 'zh-CN');
  await openServerGroupsPage(page, 'zh-CN');
  await expect(page.getByText(zh('serverGroups.choose'))).toBeVisible();
  const picker = page.getByRole('combobox', { name: zh('serverGroups.picker') });
  await picker.click();
  await picker.fill('web-lb');
  await expect(page.getByRole('option', { name: /^canary-pool/ })).toContainText(
    zh('serverGroups.optionLb', { name: 'web-lb' }),
  );
  await expectAllChinese(page);
  await page.getByRole('option', { name: /^canary-pool\b/ }).click();
  await expect(
    page.getByRole('region', { name: zh('workbench.none', { what: zh('backends.many') }) }),
  ).toContainText(zh('backends.emptyTitle'));
  await expectAllChinese(page);

  await chooseServerGroup(page, 'shared-lb', 'shared-pool', 'zh-CN');
  await expect(page.getByRole('textbox', { name: zh('backends.ips.label') })).toBeDisabled();
  await expect(addSection(page, 'zh-CN').getByText(zh('backends.add.sharedLb'))).toBeVisible();
  await expectAllChinese(page);

  const missing = '0a'.repeat(16); // (a uuid of letters only would read as an English word)
  await page.goto(`/server-groups/${missing}`);
  await expect(page.getByRole('region', { name: zh('serverGroups.notFound') })).toContainText(missing);
  await expectAllChinese(page);
});
