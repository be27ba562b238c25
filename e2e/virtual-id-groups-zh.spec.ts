import type { Page } from '@playwright/test';
import { choose, expect, logIn, membersOf, openVirtualIdGroup, personas, test, uuidsOf } from './fixtures';
import { browserLocale, names } from './i18n';

/**
 * Group membership in Chinese against a node in its default locale (zh_CN): the console's words in
 * Chinese around ZStack's own (its details in Chinese, as the node words them); the rows an error names
 * are marked all the same (the console matches UUIDs and names in the text, not its words), and a
 * refusal in Chinese is still said as one.
 */
const zh = names('zh-CN');
test.use({ locale: browserLocale['zh-CN'] });
test.beforeEach(async ({ sim }) => {
  await sim.config({ locale: 'zh_CN', jobDurationMs: 300 });
});

const addRegion = (page: Page) =>
  page.getByRole('form', { name: zh('addMembers.form', { group: 'oncall' }) });
const memberCell = (page: Page, name: string) =>
  page.getByRole('table', { name: zh('members.title') }).getByRole('cell', { name, exact: true });

test("adding virtual IDs: ZStack's Chinese error inline, the virtual ID it names marked, then done", async ({
  page,
  sim,
  request,
}) => {
  const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
  const [ops] = await uuidsOf(request, '/iam2/projects', ['ops']);
  const [bob] = await uuidsOf(request, '/iam2/virtual-ids', ['bob']);
  // ZStack's wording of "virtual ID[uuid:x] is not in project[uuid:y]" on a zh_CN node
  // (conf/i18n/messages_zh_CN.properties)
  const details = `虚拟ID[uuid：${bob}]不在项目[uuid：${ops}]中`;
  await sim.fault({
    method: 'POST',
    path: 'virtual-ids',
    kind: 'job-error',
    error: { code: 'SYS.1006', description: 'An operation failed', details },
    times: 1,
  });
  await logIn(page, personas.admin, zh);
  await openVirtualIdGroup(page, 'ops', 'oncall', zh);
  await expect(page).toHaveTitle(zh('app.pageTitle', { page: zh('vidGroups.title') }));
  await choose(page, zh('addMembers.label'), 'bob', 'bob');
  await choose(page, zh('addMembers.label'), 'car', 'carol');
  await page.getByRole('button', { name: zh('addMembers.submit') }).click();

  const alert = addRegion(page)
    .getByRole('alert')
    .filter({ hasText: zh('errors.title.failed', { action: zh('addMembers.action', { group: 'oncall' }) }) });
  await expect(alert.getByTestId('error-code')).toHaveText('SYS.1006');
  await expect(alert.getByTestId('error-details')).toContainText(details);
  await expect(alert).toContainText(zh('addMembers.errorNames', { names: 'bob' }));
  await expect(alert).toContainText(zh('addMembers.kept'));
  // bob's staged row carries the mark, carol's does not; both stay staged
  const staged = addRegion(page).getByRole('row');
  await expect(staged.filter({ hasText: 'bob' })).toContainText(zh('addMembers.named'));
  await expect(staged.filter({ hasText: 'carol' })).not.toContainText(zh('addMembers.named'));
  expect(await membersOf(request, oncall!)).toEqual(['alice']);

  await page.getByRole('button', { name: zh('addMembers.submit') }).click();
  await expect(
    page.getByRole('status').filter({ hasText: zh('addMembers.added.title', { group: 'oncall' }) }),
  ).toBeVisible();
  await expect(memberCell(page, 'bob')).toBeVisible();
  await expect(memberCell(page, 'carol')).toBeVisible();
  await expect(page.getByLabel(zh('members.count', { count: 3 }), { exact: true })).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(await membersOf(request, oncall!)).toEqual(['alice', 'bob', 'carol']);
});

test('a refusal worded in Chinese is said as a refusal; what a role may not do is said up front', async ({
  page,
  sim,
}) => {
  // ZStack's RBAC refusal as a zh_CN node answers it: 503 on the request itself
  const details =
    '默认情况下拒绝操作[API：org.zstack.iam2.api.APIAddIAM2VirtualIDsToGroupMsg]，请与管理员联系以更正';
  await sim.fault({
    method: 'POST',
    path: 'virtual-ids',
    kind: 'http-error',
    status: 503,
    error: { code: 'SYS.1006', description: 'An operation failed', details },
    times: 1,
  });
  await logIn(page, personas.admin, zh);
  await openVirtualIdGroup(page, 'ops', 'oncall', zh);
  await choose(page, zh('addMembers.label'), 'bob', 'bob');
  await page.getByRole('button', { name: zh('addMembers.submit') }).click();
  const alert = addRegion(page).getByRole('alert');
  await expect(alert).toContainText(
    zh('errors.title.permission', { action: zh('addMembers.action', { group: 'oncall' }) }),
  );
  await expect(alert.getByTestId('error-details')).toContainText(details);

  // a plain member of ops: the writes are not offered, and the notice says why, in Chinese
  await page.getByRole('button', { name: zh('app.logOut') }).click();
  await logIn(page, personas.auditor, zh);
  await page
    .getByRole('navigation', { name: zh('app.nav.label') })
    .getByRole('link', { name: zh('app.nav.virtualIdGroups') })
    .click();
  await choose(page, zh('vidGroups.group'), 'oncall', 'oncall');
  const reason = (api: string) => zh('caps.reason.lacksInProject', { name: 'auditor', api, project: 'ops' });
  await expect(page.getByRole('note')).toContainText(reason('AddIAM2VirtualIDsToGroup'));
  await expect(page.getByRole('note')).toContainText(reason('RemoveIAM2VirtualIDsFromGroup'));
  await expect(page.getByRole('button', { name: zh('addMembers.submit') })).toHaveCount(0);
});
