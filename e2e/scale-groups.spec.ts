import {
  backendsTable,
  clearRequestLog,
  expect,
  logIn,
  memberRow,
  membersTable,
  personas,
  test,
  weightOf,
} from './fixtures';
import { escapeRegExp, like, t } from './i18n';
import { longestRequestLine, seedBackends, seedMembers } from './scale';

/**
 * The two jobs at the size of a big cloud, on the console + simulator with SIM_SCALE=10000: a virtual ID
 * group of 10000 members and a server group of 5000 backends, seeded through ZStack's own APIs. Every
 * step works (open, page, search the picker, add, change a weight, remove many at once), and no request
 * line the console sends is longer than the 8192 bytes nginx accepts by default.
 */
test.describe.configure({ timeout: 120_000 });

const maxLine = 8192;
const backendServers = (count: number) => t('backends.count', { count });
const backends1000 = backendServers(1000);
const membersCount = (count: number) => t('members.count', { count });

test('a virtual ID group of 10000 members: open, page, search, add, and remove 1000 in a few calls', async ({
  page,
  sim,
  request,
}) => {
  const oncall = await seedMembers(request, 10_000);
  await clearRequestLog(request);
  await logIn(page, personas.admin);
  await page.goto(`/virtual-id-groups/${oncall}`);
  const members = page.getByRole('region', { name: t('members.title') });
  await expect(members).toContainText(
    t('workbench.range', { first: 1, last: 20, total: membersCount(10001) }),
  );
  await expect(memberRow(page, 'alice')).toBeVisible();

  // page through: 100 a page, then the next page
  await members
    .getByRole('combobox', { name: t('workbench.rowsPerPage') })
    .selectOption(t('workbench.perPage', { n: 100 }));
  await expect(membersTable(page).getByRole('row')).toHaveCount(101);
  await members.getByRole('button', { name: t('workbench.nextPage') }).click();
  await expect(members).toContainText(
    t('workbench.range', { first: 101, last: 200, total: membersCount(10001) }),
  );
  await expect(memberRow(page, 'vid-000150')).toBeVisible(); // alice, vid-000001 to vid-000099, then these

  // the picker: members are marked whatever the size of the group; bob is not one yet
  const picker = page.getByRole('combobox', { name: t('addMembers.label') });
  await picker.fill('vid-00012');
  await expect(page.getByRole('option', { name: /^vid-000123/ })).toContainText(
    t('addMembers.alreadyMember', { group: 'oncall' }),
  );
  await picker.fill('bob');
  await page.getByRole('option', { name: 'bob', exact: true }).click();
  await page.getByRole('button', { name: t('addMembers.submit') }).click();
  // the add's job, then a re-read of a 10000-member group's count: seconds on two busy cores
  await expect(members).toContainText(like('workbench.range', { total: membersCount(10002) }), {
    timeout: 15_000,
  });

  // 1000 members in one action: filter, select the page, then every match
  await members.getByRole('textbox', { name: t('members.filter') }).fill('vid-001');
  await expect(members).toContainText(
    t('workbench.rangeMatching', { first: 1, last: 100, total: membersCount(1000), filter: 'vid-001' }),
  );
  await membersTable(page)
    .getByRole('checkbox', { name: t('workbench.selectPage') })
    .check();
  await members
    .getByRole('button', {
      name: t('workbench.selectAllMatching', { count: membersCount(1000), filter: 'vid-001' }),
    })
    .click();
  await members.getByRole('button', { name: t('workbench.removeSelected', { count: 1000 }) }).click();
  const dialog = page.getByRole('dialog', { name: t('workbench.removeFrom', { from: 'oncall' }) });
  await expect(dialog.getByRole('listitem').last()).toHaveText(
    t('workbench.andMore', { count: membersCount(990) }),
  );
  await dialog
    .getByRole('button', { name: t('workbench.removeCount', { count: membersCount(1000) }) })
    .click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(members).toContainText(
    t('workbench.noMatch', { what: t('members.noun.one'), filter: 'vid-001' }),
  );

  const deletes = (await sim.requests()).filter((r) => r.method === 'DELETE');
  const removed = deletes.flatMap((r) => [r.query?.virtualIDUuids ?? []].flat());
  expect(new Set(removed).size).toBe(1000);
  expect(deletes.length).toBeGreaterThan(1); // one DELETE would carry a 48 KB request line
  const longest = await longestRequestLine(sim);
  console.log(
    `[measure] 10000 members: ${deletes.length} DELETEs for 1000; longest request line ${longest.length} bytes`,
  );
  expect(longest.length, longest.line).toBeLessThanOrEqual(maxLine);
});

test('a server group of 5000 backends: open, page, filter, change a weight, add, and remove 1000 at once', async ({
  page,
  sim,
  request,
}) => {
  const pool = await seedBackends(request, 5000);
  await clearRequestLog(request);
  await logIn(page, personas.admin);
  await page.goto(`/server-groups/${pool}`);
  const backends = page.getByRole('region', { name: t('backends.title') });
  await expect(backends).toContainText(
    t('workbench.range', { first: 1, last: 20, total: backendServers(5000) }),
  );
  await expect(backendsTable(page).getByRole('row').filter({ hasText: 'vm-000001' })).toBeVisible();
  await backends.getByRole('button', { name: t('workbench.nextPage') }).click();
  await expect(backendsTable(page).getByRole('row').filter({ hasText: 'vm-000021' })).toBeVisible();

  // filtered and sorted across the whole group, then a weight changed in place
  await backends.getByRole('textbox', { name: t('backends.filter') }).fill('vm-00420');
  await expect(backends).toContainText(
    t('workbench.rangeMatching', { first: 1, last: 10, total: backendServers(10), filter: 'vm-00420' }),
  );
  await backendsTable(page)
    .getByRole('button', { name: t('backends.weight.changeOf', { label: 'vm-004203' }) })
    .click();
  await backendsTable(page)
    .getByRole('textbox', { name: t('backends.weight.newFor', { label: 'vm-004203' }) })
    .fill('70');
  await backendsTable(page)
    .getByRole('button', { name: t('backends.weight.save') })
    .click();
  await expect(weightOf(page, 'vm-004203')).toHaveText('70');

  // the picker: a NIC outside the group, added
  const nics = page.getByRole('combobox', { name: t('backends.nics.label') });
  await nics.fill('vm-006001');
  await page.getByRole('option', { name: /^vm-006001\b/ }).click();
  await page.getByRole('button', { name: t('backends.add.submit') }).click();
  await expect(backends).toContainText(t('backends.nicCount', { count: 5001 }));

  // 1000 backends in one action
  const filter = backends.getByRole('textbox', { name: t('backends.filter') });
  await filter.fill('vm-001');
  await expect(backends).toContainText(
    t('workbench.totalMatching', { total: backends1000, filter: 'vm-001' }),
  );
  await backendsTable(page)
    .getByRole('checkbox', { name: t('workbench.selectPage') })
    .check();
  await backends
    .getByRole('button', {
      name: t('workbench.selectAllMatching', { count: backends1000, filter: 'vm-001' }),
    })
    .click();
  await backends.getByRole('button', { name: t('workbench.removeSelected', { count: 1000 }) }).click();
  const dialog = page.getByRole('dialog', {
    name: new RegExp(`^${escapeRegExp(t('workbench.removeFrom', { from: 'scale-pool-000001' }))}`),
  });
  await dialog.getByRole('button', { name: t('workbench.removeCount', { count: backends1000 }) }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(backends).toContainText(t('workbench.noMatch', { what: t('backends.one'), filter: 'vm-001' }));
  await filter.fill('');
  await expect(backends).toContainText(backendServers(4001));

  const removals = (await sim.requests()).filter(
    (r) => r.method === 'PUT' && r.path.endsWith('/backendservers/actions'),
  );
  expect(removals.length).toBe(2);
  const longest = await longestRequestLine(sim);
  console.log(`[measure] 5000 backends: longest request line ${longest.length} bytes`);
  expect(longest.length, longest.line).toBeLessThanOrEqual(maxLine);
});
