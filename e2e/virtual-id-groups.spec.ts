import type { Request } from '@playwright/test';
import {
  choose,
  expect,
  logIn,
  memberRow,
  membersOf,
  membersTable as members,
  openVirtualIdGroup as openGroup,
  personas,
  test,
  uuidsOf,
  type Sim,
} from './fixtures';
import { escapeRegExp, like, t } from './i18n';

const groupsPath = /\/virtual-id-groups(\?.*)?$/;

async function writes(sim: Sim, method: string, pathEnd: string) {
  return (await sim.requests()).filter((r) => r.method === method && r.path.endsWith(pathEnd));
}

test.describe('virtual ID groups', () => {
  test('adds bob and carol to oncall in one request and shows them in Members', async ({
    page,
    sim,
    request,
  }) => {
    const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
    const [bob, carol] = await uuidsOf(request, '/iam2/virtual-ids', ['bob', 'carol']);
    const setupRequests = (await sim.requests()).length;
    await logIn(page, personas.admin);

    // What it takes to open a group from the pickers: every ZStack request until "Members" shows.
    await page
      .getByRole('navigation', { name: t('app.nav.label') })
      .getByRole('link', { name: t('app.nav.virtualIdGroups') })
      .click();
    await choose(page, t('vidGroups.project'), 'ops', 'ops');
    const opened: string[] = [];
    const record = (r: Request) => {
      if (r.url().includes('/zstack/v1/')) opened.push(`${r.method()} ${new URL(r.url()).pathname}`);
    };
    page.on('request', record);
    await choose(page, t('vidGroups.group'), 'onc', 'oncall');
    await expect(page).toHaveURL(new RegExp(`/virtual-id-groups/${oncall}$`));
    await expect(memberRow(page, 'alice')).toBeVisible();
    page.off('request', record);
    // the group search for "onc" (a picker keystroke), then the members page: nothing else
    test.info().annotations.push({
      type: 'requests to open a group (after the group search)',
      description: opened.join('; '),
    });
    expect(opened.filter((r) => r.includes('IAM2VirtualIDGroup/IAM2VirtualID'))).toHaveLength(1);

    const picker = page.getByRole('combobox', { name: t('addMembers.label') });
    await picker.click();
    await picker.fill('bo');
    await page.getByRole('option', { name: 'bob', exact: true }).click();
    await picker.fill('car');
    await page.getByRole('option', { name: 'carol', exact: true }).click();
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'carol' }) }),
    ).toBeVisible();
    // alice, a member, is offered but marked and cannot be chosen
    await picker.fill('ali');
    await expect(page.getByRole('option', { name: /^alice/ })).toContainText(
      t('addMembers.alreadyMember', { group: 'oncall' }),
    );
    await expect(page.getByRole('option', { name: /^alice/ })).toHaveAttribute('aria-disabled', 'true');
    // Each search is one page of the project's virtual IDs and, at the same time, the first page of the
    // group's members among them (to mark them): no condition lists members, whatever the group's size.
    const searches = (await sim.requests())
      .slice(setupRequests)
      .filter((r) => r.method === 'GET' && r.path.endsWith('/iam2/virtual-ids'));
    expect(searches.length).toBeGreaterThan(0);
    for (const s of searches) {
      const q = [s.query?.q].flat();
      expect(q).toEqual(expect.arrayContaining([expect.stringMatching(/^projects\.uuid=/)]));
      expect(q.filter((c) => /^uuid(!\?|\?)=/.test(c ?? ''))).toEqual([]);
      expect(s.query?.limit).toBe('20');
    }
    expect(
      searches.filter((s) => [s.query?.q].flat().includes(`groups.uuid=${oncall}`)).length,
    ).toBeGreaterThan(0);

    const add = page.getByRole('button', { name: t('addMembers.submit') });
    const started = Date.now();
    await add.click();
    // one job at a time: the button is disabled and the job's progress shows until it ends
    await expect(add).toBeDisabled();
    await expect(
      page.getByRole('status', { name: t('job.inProgress', { label: t('addMembers.submit') }) }),
    ).toBeVisible();
    await expect(memberRow(page, 'bob')).toBeVisible();
    await expect(memberRow(page, 'carol')).toBeVisible();
    const elapsed = Date.now() - started;
    test.info().annotations.push({
      type: 'click on "Add to group" to "Members" updated',
      description: `${elapsed} ms`,
    });
    console.log(
      `click on "Add to group" to "Members" updated: ${elapsed} ms; requests to open a group: ${opened.join(', ')}`,
    );

    await expect(
      page.getByRole('status').filter({ hasText: t('addMembers.added.title', { group: 'oncall' }) }),
    ).toContainText(
      t('addMembers.added.text', {
        count: 2,
        names: t('workbench.nameList', { names: 'bob', last: 'carol' }),
        group: 'oncall',
      }),
    );
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
    ).toHaveCount(0);
    // the search typed for this addition is done with
    await expect(picker).toHaveValue('');
    await expect(memberRow(page, 'alice')).toBeVisible();

    const posts = await writes(sim, 'POST', `/iam2/projects/groups/${oncall}/virtual-ids`);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ params: { virtualIDUuids: [bob, carol] } });
  });

  test('a failed job is shown inline with its three fields, the choice is kept, and trying again works', async ({
    page,
    sim,
    request,
  }) => {
    const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
    await sim.fault({
      method: 'POST',
      path: 'virtual-ids',
      kind: 'job-error',
      error: {
        code: 'SYS.1006',
        description: 'An operation failed',
        details: 'the group is being modified by another job',
      },
      times: 1,
    });
    await logIn(page, personas.admin);
    await openGroup(page, 'ops', 'oncall');
    await choose(page, t('addMembers.label'), 'bob', 'bob');
    await page.getByRole('button', { name: t('addMembers.submit') }).click();

    const alert = page.getByRole('alert').filter({
      hasText: t('errors.title.failed', { action: t('addMembers.action', { group: 'oncall' }) }),
    });
    await expect(alert.getByTestId('error-code')).toHaveText('SYS.1006');
    await expect(alert.getByTestId('error-description')).toContainText('An operation failed');
    await expect(alert.getByTestId('error-details')).toContainText(
      'the group is being modified by another job',
    );
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
    ).toBeVisible();
    await expect(memberRow(page, 'bob')).toHaveCount(0);
    expect(await membersOf(request, oncall!)).toEqual(['alice']); // the failed job changed nothing

    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(memberRow(page, 'bob')).toBeVisible();
    await expect(alert).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
    ).toHaveCount(0);
    expect(await writes(sim, 'POST', '/virtual-ids')).toHaveLength(2);
    expect(await membersOf(request, oncall!)).toEqual(['alice', 'bob']);
  });

  test('removes several members after a confirmation naming them', async ({ page, sim, request }) => {
    const [alice, bob] = await uuidsOf(request, '/iam2/virtual-ids', ['alice', 'bob']);
    await logIn(page, personas.admin);
    await openGroup(page, 'ops', 'oncall');
    await choose(page, t('addMembers.label'), 'bob', 'bob');
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(memberRow(page, 'bob')).toBeVisible();

    // one by one: the row's own action, then cancel
    await members(page)
      .getByRole('button', { name: t('workbench.removeFromGroup', { label: 'bob' }), exact: true })
      .click();
    let dialog = page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'oncall' }) });
    await expect(dialog.getByRole('list', { name: t('workbench.affected') })).toHaveText('bob');
    await dialog.getByRole('button', { name: t('common.cancel') }).click();
    await expect(dialog).toBeHidden();

    // several: select all on the page, then remove the selection
    await members(page)
      .getByRole('checkbox', { name: t('workbench.selectPage') })
      .check();
    await expect(
      members(page).getByRole('checkbox', { name: t('workbench.selectRow', { label: 'alice' }) }),
    ).toBeChecked();
    await page
      .getByRole('button', {
        name: new RegExp(`^${escapeRegExp(t('workbench.removeSelected', { count: 0 }))}`),
      })
      .click();
    dialog = page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'oncall' }) });
    const items = dialog.getByRole('list', { name: t('workbench.affected') }).getByRole('listitem');
    await expect(items).toHaveText(['alice', 'bob']);
    await expect(dialog.getByRole('button', { name: t('common.cancel') })).toBeFocused();
    await dialog
      .getByRole('button', {
        name: t('workbench.removeCount', { count: t('members.count', { count: 2 }) }),
        exact: true,
      })
      .click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('region', { name: t('workbench.none', { what: t('members.noun.many') }) }),
    ).toContainText(t('members.empty.title'));
    await expect(
      page.getByRole('status').filter({ hasText: t('workbench.removedFrom', { from: 'oncall' }) }),
    ).toContainText(
      t('members.removed', {
        count: 2,
        names: t('workbench.nameList', { names: 'alice', last: 'bob' }),
        group: 'oncall',
      }),
    );

    const deletes = await writes(sim, 'DELETE', '/virtual-ids');
    expect(deletes).toHaveLength(1);
    expect([deletes[0]!.query?.virtualIDUuids].flat().sort()).toEqual([alice, bob].sort());
  });

  test('a deep link and a reload restore project and group; an unknown group says so', async ({
    page,
    sim,
    request,
  }) => {
    void sim;
    const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
    await logIn(page, personas.admin);

    const opened: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/zstack/v1/') && !url.pathname.includes('/accounts/'))
        opened.push(`${r.method()} ${url.pathname}`);
    });
    await page.goto(`/virtual-id-groups/${oncall}`);
    await expect(page.getByRole('combobox', { name: t('vidGroups.project') })).toHaveValue('ops');
    await expect(page.getByRole('combobox', { name: t('vidGroups.group') })).toHaveValue('oncall');
    await expect(memberRow(page, 'alice')).toBeVisible();
    console.log(`requests to open a group by deep link: ${opened.join(', ')}`);
    // the group, its first page of members and its project; the picker's first page (the project's
    // virtual IDs and the members among them)
    expect(opened).toHaveLength(5);

    await page.reload();
    await expect(page.getByRole('combobox', { name: t('vidGroups.group') })).toHaveValue('oncall');
    await expect(page.getByRole('combobox', { name: t('vidGroups.project') })).toHaveValue('ops');
    await expect(memberRow(page, 'alice')).toBeVisible();

    // choosing the other group of the project, then going back
    await choose(page, t('vidGroups.group'), 'sre', 'sre');
    await expect(
      page.getByRole('region', { name: t('workbench.none', { what: t('members.noun.many') }) }),
    ).toContainText(t('members.empty.title'));
    await page.goBack();
    await expect(memberRow(page, 'alice')).toBeVisible();

    await page.goto(`/virtual-id-groups/${'0'.repeat(32)}`);
    await expect(page.getByRole('region', { name: t('vidGroups.notFound.title') })).toBeVisible();
    await page.getByRole('link', { name: t('vidGroups.notFound.link') }).click();
    await expect(page).toHaveURL(groupsPath);
  });

  test('a project without groups says so and what to do, also after a reload', async ({ page, sim }) => {
    void sim;
    await logIn(page, personas.admin);
    await page
      .getByRole('navigation', { name: t('app.nav.label') })
      .getByRole('link', { name: t('app.nav.virtualIdGroups') })
      .click();
    await choose(page, t('vidGroups.project'), 'empty', 'empty-proj');
    const empty = page.getByRole('region', { name: t('vidGroups.noGroups.label') });
    await expect(
      empty.getByRole('heading', { name: t('vidGroups.noGroups.title', { project: 'empty-proj' }) }),
    ).toBeVisible();
    await expect(empty).toContainText(t('vidGroups.noGroups.text'));
    await expect(page.getByRole('combobox', { name: t('vidGroups.group') })).toBeDisabled();
    await page.reload();
    await expect(page.getByRole('region', { name: t('vidGroups.noGroups.label') })).toBeVisible();
    await expect(page.getByRole('combobox', { name: t('vidGroups.project') })).toHaveValue('empty-proj');
  });

  test('a Staled virtual ID cannot be chosen; Disabled ones are marked; names are text', async ({
    page,
    sim,
  }) => {
    // (the securityWatch fixture fails the test if a name ever runs as HTML)
    void sim;
    await logIn(page, personas.admin);
    await openGroup(page, 'ops', 'oncall');
    const picker = page.getByRole('combobox', { name: t('addMembers.label') });
    await picker.click();
    await expect(page.getByRole('option', { name: /mallory/ })).toBeVisible();
    await picker.fill('mallory');
    const mallory = page.getByRole('option', { name: /mallory/ });
    await expect(mallory).toContainText('Staled');
    await expect(mallory).toContainText(t('addMembers.staled'));
    await mallory.click({ force: true });
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'mallory' }) }),
    ).toHaveCount(0);

    await picker.fill('eve');
    await page.getByRole('option', { name: /eve/ }).filter({ hasText: 'Disabled' }).click();
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'eve' }) }),
    ).toBeVisible();

    await picker.fill('<img');
    await page.getByRole('option', { name: '<img src=x onerror=alert(1)>' }).click();
    await expect(
      page.getByRole('button', {
        name: t('workbench.removeFromList', { label: '<img src=x onerror=alert(1)>' }),
      }),
    ).toBeVisible();
    await picker.press('Escape');
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(memberRow(page, '<img src=x onerror=alert(1)>')).toBeVisible();
    await expect(memberRow(page, 'eve')).toBeVisible();
  });

  test('a plain project member sees its project preselected and the writes disabled, with the reason', async ({
    page,
    sim,
  }) => {
    void sim;
    await logIn(page, personas.auditor);
    await page
      .getByRole('navigation', { name: t('app.nav.label') })
      .getByRole('link', { name: t('app.nav.virtualIdGroups') })
      .click();
    await expect(page.getByRole('combobox', { name: t('vidGroups.project') })).toHaveValue('ops');
    await choose(page, t('vidGroups.group'), 'oncall', 'oncall');
    await expect(memberRow(page, 'alice')).toHaveCount(0); // no selection: rows carry no checkbox
    await expect(members(page).getByRole('cell', { name: 'alice', exact: true })).toBeVisible();
    // said once, up front, before anything is filled in: no form to fill, no action offered
    const notice = page.getByRole('note', { name: t('workbench.viewOnly', { what: t('vidGroups.noun') }) });
    await expect(notice).toContainText('AddIAM2VirtualIDsToGroup');
    await expect(notice).toContainText('RemoveIAM2VirtualIDsFromGroup');
    await expect(page.getByRole('combobox', { name: t('addMembers.label') })).toHaveCount(0);
    await expect(page.getByRole('button', { name: t('addMembers.submit') })).toHaveCount(0);
    await expect(
      members(page).getByRole('button', { name: like('workbench.removeFromGroup', {}, 'en', '^') }),
    ).toHaveCount(0);
  });
});
