import type { APIRequestContext, Page } from '@playwright/test';
import {
  adminSession,
  backendsOf,
  backendsTable,
  callZStack,
  chooseServerGroup,
  choose,
  expect,
  logIn,
  memberRow,
  membersOf,
  nicUuidOf,
  openServerGroupsPage,
  openVirtualIdGroup,
  personas,
  stageIps,
  stageNic,
  test,
  uuidsOf,
} from './fixtures';
import { t } from './i18n';

/**
 * Undo from a success notification: the inverse call through the console's job layer, checked on the
 * wire and against ZStack's state. Seed: web-pool holds web-1 (10.0.0.11, weight 100); dev-pool holds
 * dev-vm-1 (10.2.0.11, weight 50) and the server IP 192.168.100.10 (weight 20); oncall holds alice.
 */

const groupUuidOf = (page: Page) => page.url().match(/\/([0-9a-f]{32})$/)![1]!;

/** Clicks "Undo" in the success notification that says `text`. */
async function undoFrom(page: Page, text: string): Promise<void> {
  const notice = page.getByRole('status').filter({ hasText: text });
  await notice.getByRole('button', { name: t('undo.action'), exact: true }).click();
}

const undoneNotice = (page: Page) => page.getByRole('status').filter({ hasText: t('undo.done') });
const isRemove = (method: string, url: string) => method === 'PUT' && url.endsWith('/backendservers/actions');
const nic = (label: string) => t('undo.what.nic', { label });

/** Opens web-pool as the admin: its uuid, the NICs of web-2 and web-3, and its backends as ZStack has them. */
async function openWebPool(page: Page, request: APIRequestContext) {
  const [web2, web3] = [await nicUuidOf(request, '10.0.0.12'), await nicUuidOf(request, '10.0.0.13')];
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'web-pool', 'web-pool');
  const group = groupUuidOf(page);
  return { group, web2, web3, before: await backendsOf(request, group) };
}

/** On web-pool: adds web-2, web-3 and 192.168.2.1 (weight 20) in one request. */
async function addWeb2AndIp(page: Page): Promise<void> {
  await stageNic(page, 'web-2');
  await stageNic(page, 'web-3');
  await stageIps(page, '192.168.2.1 20');
  await page.getByRole('button', { name: t('backends.add.submit') }).click();
  await expect(backendsTable(page).getByRole('row').filter({ hasText: '192.168.2.1' })).toBeVisible();
}

test.describe('undo', () => {
  test('an add of backends, undone: exactly the added NICs and IP leave, the group is as before', async ({
    page,
    request,
    sim,
  }) => {
    void sim; // a fresh seed
    const { group, web2, web3, before } = await openWebPool(page, request);
    await addWeb2AndIp(page);
    expect(await backendsOf(request, group)).toHaveLength(before.length + 3);

    const sent = page.waitForRequest((r) => isRemove(r.method(), r.url()));
    await undoFrom(page, t('backends.add.done'));
    expect((await sent).postDataJSON()).toEqual({
      removeBackendServerFromServerGroup: { vmNicUuids: [web2, web3], serverIps: ['192.168.2.1'] },
    });
    await expect(undoneNotice(page)).toContainText(t('undo.doneMessage', { count: 3 }));
    // nothing was asked: nobody had changed the group since
    await expect(page.getByRole('dialog', { name: t('undo.title') })).toBeHidden();
    expect(await backendsOf(request, group)).toEqual(before);
    await expect(backendsTable(page).getByRole('row').filter({ hasText: '192.168.2.1' })).toHaveCount(0);
  });

  test('a removal of weighted backends, undone: they come back with their weights', async ({
    page,
    request,
    sim,
  }) => {
    void sim; // a fresh seed
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseServerGroup(page, 'dev-pool', 'dev-pool');
    const group = groupUuidOf(page);
    const before = await backendsOf(request, group);
    const devNic = await nicUuidOf(request, '10.2.0.11');
    const table = backendsTable(page);
    await table.getByRole('checkbox', { name: t('workbench.selectRow', { label: 'dev-vm-1' }) }).check();
    await table
      .getByRole('checkbox', { name: t('workbench.selectRow', { label: '192.168.100.10' }) })
      .check();
    await page.getByRole('button', { name: t('workbench.removeSelected', { count: 2 }) }).click();
    await page
      .getByRole('dialog', { name: t('workbench.removeFrom', { from: 'dev-pool' }) })
      .getByRole('button', { name: t('workbench.removeCount', { count: t('backends.count', { count: 2 }) }) })
      .click();
    await expect(
      page.getByRole('region', { name: t('workbench.none', { what: t('backends.many') }) }),
    ).toBeVisible();

    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/backendservers'));
    await undoFrom(page, t('workbench.removedFrom', { from: 'dev-pool' }));
    expect((await sent).postDataJSON()).toEqual({
      params: {
        vmNics: [{ uuid: devNic, weight: '50' }],
        servers: [{ ipAddress: '192.168.100.10', weight: '20' }],
      },
    });
    await expect(undoneNotice(page)).toBeVisible();
    expect(await backendsOf(request, group)).toEqual(before);
    await expect(table.getByRole('row').filter({ hasText: '192.168.100.10' })).toContainText('20');
  });

  test('after another admin changed the group, the undo lists what it will and will not restore', async ({
    page,
    request,
    sim,
  }) => {
    void sim; // a fresh seed
    const { group, web2, web3 } = await openWebPool(page, request);
    await addWeb2AndIp(page);
    // another admin, in another session: web-2 gets weight 70, the IP leaves
    const other = await adminSession(request);
    const sg = `/load-balancers/servergroups/${group}`;
    const changed = await callZStack(request, other, 'PUT', `${sg}/backendserver/actions`, {
      changeLoadBalancerBackendServer: { vmNics: [{ uuid: web2, weight: '70' }] },
    });
    expect(changed.status).toBe(200);
    const removed = await callZStack(request, other, 'PUT', `${sg}/backendservers/actions`, {
      removeBackendServerFromServerGroup: { serverIps: ['192.168.2.1'] },
    });
    expect(removed.status).toBe(200);

    let removals = 0;
    page.on('request', (r) => void (isRemove(r.method(), r.url()) && (removals += 1)));
    await undoFrom(page, t('backends.add.done'));
    const dialog = page.getByRole('dialog', { name: t('undo.title') });
    await expect(dialog).toContainText(t('undo.changedSince'));
    await expect(dialog.getByRole('list', { name: t('undo.rowsLabel') }).getByRole('listitem')).toHaveText([
      t('undo.skip.weightChangedSince', { what: nic('web-2 (10.0.0.12)'), weight: 70 }),
      t('undo.will.remove', { what: nic('web-3 (10.0.0.13)') }),
      // gone since: as it was before the add
      t('undo.skip.alreadyRestored', { what: t('undo.what.ip', { label: '192.168.2.1' }) }),
    ]);
    // nothing is sent before the admin confirms; Cancel has the focus
    await expect(dialog.getByRole('button', { name: t('undo.cancel') })).toBeFocused();
    expect(removals).toBe(0);

    const sent = page.waitForRequest((r) => isRemove(r.method(), r.url()));
    await dialog.getByRole('button', { name: t('undo.confirm', { count: 1 }) }).click();
    expect((await sent).postDataJSON()).toEqual({
      removeBackendServerFromServerGroup: { vmNicUuids: [web3] },
    });
    await expect(dialog).toBeHidden();
    const after = await backendsOf(request, group);
    expect(after).toContain(`nic:${web2}=70`);
    expect(after.some((b) => b.startsWith(`nic:${web3}`))).toBe(false);
  });

  test('a membership add, undone with the keyboard: the added member leaves, the others stay', async ({
    page,
    request,
    sim,
  }) => {
    void sim; // a fresh seed
    const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
    const [bob] = await uuidsOf(request, '/iam2/virtual-ids', ['bob']);
    const before = await membersOf(request, oncall!);
    await logIn(page, personas.admin);
    await openVirtualIdGroup(page, 'ops', 'oncall');
    await choose(page, t('addMembers.label'), 'bo', 'bob');
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(memberRow(page, 'bob')).toBeVisible();

    const sent = page.waitForRequest((r) => r.method() === 'DELETE' && r.url().includes('/virtual-ids?'));
    const undo = page
      .getByRole('status')
      .filter({ hasText: t('addMembers.added.title', { group: 'oncall' }) })
      .getByRole('button', { name: t('undo.action'), exact: true });
    await undo.focus();
    await page.keyboard.press('Enter');
    expect(new URL((await sent).url()).searchParams.getAll('virtualIDUuids')).toEqual([bob]);
    await expect(undoneNotice(page)).toBeVisible();
    await expect(memberRow(page, 'bob')).toHaveCount(0);
    expect(await membersOf(request, oncall!)).toEqual(before);
  });
});
