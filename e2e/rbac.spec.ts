import type { APIRequestContext, Page } from '@playwright/test';
import {
  callZStack,
  expect,
  logIn,
  nicUuidOf,
  type Persona,
  personas,
  sessionOf,
  test,
  uuidsOf,
} from './fixtures';
import { like, t } from './i18n';

/**
 * Role-based access, per persona and per operation: what the console offers (enabled; read only, said up
 * front with the missing permission and no action offered; absent), and what ZStack answers when the same persona sends the request itself.
 * The server is the authority; the console must never offer what it refuses.
 */

type Operation =
  'addBackends' | 'changeBackends' | 'removeBackends' | 'addGroupMembers' | 'removeGroupMembers';
type Verdict = 'ok' | { code: string; details: RegExp };

interface Seed {
  webPool: string;
  web1Nic: string;
  oncall: string;
  bob: string;
  alice: string;
}

async function seed(request: APIRequestContext): Promise<Seed> {
  const [webPool] = await uuidsOf(request, '/load-balancers/servergroups', ['web-pool']);
  const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
  const [bob, alice] = await uuidsOf(request, '/iam2/virtual-ids', ['bob', 'alice']);
  const web1Nic = await nicUuidOf(request, '10.0.0.11');
  return { webPool: webPool!, web1Nic, oncall: oncall!, bob: bob!, alice: alice! };
}

/** The five writes, exactly as the console sends them. */
function send(request: APIRequestContext, session: string, s: Seed, op: Operation) {
  const sg = `/load-balancers/servergroups/${s.webPool}`;
  switch (op) {
    case 'addBackends':
      return callZStack(request, session, 'POST', `${sg}/backendservers`, {
        params: { servers: [{ ipAddress: '192.168.77.1', weight: '10' }] },
      });
    case 'changeBackends':
      return callZStack(request, session, 'PUT', `${sg}/backendserver/actions`, {
        changeLoadBalancerBackendServer: { vmNics: [{ uuid: s.web1Nic, weight: '50' }] },
      });
    case 'removeBackends':
      return callZStack(request, session, 'PUT', `${sg}/backendservers/actions`, {
        removeBackendServerFromServerGroup: { vmNicUuids: [s.web1Nic] },
      });
    case 'addGroupMembers':
      return callZStack(request, session, 'POST', `/iam2/projects/groups/${s.oncall}/virtual-ids`, {
        params: { virtualIDUuids: [s.bob] },
      });
    case 'removeGroupMembers':
      return callZStack(
        request,
        session,
        'DELETE',
        `/iam2/projects/groups/${s.oncall}/virtual-ids?virtualIDUuids=${s.alice}`,
      );
  }
}

type Offer = 'enabled' | 'read-only' | 'absent' | 'no-access';

interface Case {
  persona: Persona;
  nav: { serverGroups: boolean; virtualIdGroups: boolean };
  /** web-pool on "Server groups"; oncall on "Virtual ID groups". */
  backends: Offer;
  groupMembers: Offer;
  wire: Record<Operation, Verdict>;
}

const ok = 'ok' as const;
const refused = (code: string, details: RegExp): Verdict => ({ code, details });
const all = (v: Verdict): Record<Operation, Verdict> => ({
  addBackends: v,
  changeBackends: v,
  removeBackends: v,
  addGroupMembers: v,
  removeGroupMembers: v,
});
const split = (backends: Verdict, members: Verdict): Record<Operation, Verdict> => ({
  addBackends: backends,
  changeBackends: backends,
  removeBackends: backends,
  addGroupMembers: members,
  removeGroupMembers: members,
});
const both = { serverGroups: true, virtualIdGroups: true };

const cases: Case[] = [
  { persona: personas.admin, nav: both, backends: 'enabled', groupMembers: 'enabled', wire: all(ok) },
  { persona: personas.platformAdmin, nav: both, backends: 'enabled', groupMembers: 'enabled', wire: all(ok) },
  { persona: personas.opsAdmin, nav: both, backends: 'enabled', groupMembers: 'enabled', wire: all(ok) },
  { persona: personas.opsOperator, nav: both, backends: 'enabled', groupMembers: 'enabled', wire: all(ok) },
  {
    persona: personas.lbOperator,
    nav: both,
    backends: 'enabled',
    groupMembers: 'read-only',
    wire: split(ok, refused('SYS.1006', /denied by default/)),
  },
  {
    persona: personas.lbViewer,
    nav: both,
    backends: 'read-only',
    groupMembers: 'read-only',
    wire: split(refused('SYS.1006', /denied by the policy/), refused('SYS.1006', /denied by default/)),
  },
  {
    persona: personas.auditor,
    nav: both,
    backends: 'read-only',
    groupMembers: 'read-only',
    wire: all(refused('SYS.1006', /denied by default/)),
  },
  {
    persona: personas.devAdmin,
    nav: both,
    backends: 'absent',
    groupMembers: 'absent',
    wire: split(refused('SYS.1006', /has no access/), refused('SYS.1006', /not the owner/)),
  },
  {
    persona: personas.tenant,
    nav: { serverGroups: true, virtualIdGroups: false },
    backends: 'absent',
    groupMembers: 'no-access',
    wire: split(refused('SYS.1006', /has no access/), refused('ID.1002', /admin only/)),
  },
  {
    persona: personas.newbie,
    nav: { serverGroups: false, virtualIdGroups: false },
    backends: 'no-access',
    groupMembers: 'no-access',
    wire: all(refused('SYS.1006', /denied by default/)),
  },
];

async function checkBackendsPage(page: Page, s: Seed, offer: Offer) {
  await page.goto(`/server-groups/${s.webPool}`);
  if (offer === 'no-access') {
    await expect(page.getByRole('region', { name: t('app.noAccess.title') })).toContainText(
      t('app.noAccess.text', { what: t('caps.queryServerGroups') }),
    );
    return;
  }
  if (offer === 'absent') {
    // another project's group is not even visible: a deep link says it does not exist
    await expect(page.getByRole('region', { name: t('serverGroups.notFound') })).toContainText(
      t('workbench.notShown', { what: t('serverGroups.one'), uuid: s.webPool }),
    );
    const picker = page.getByRole('combobox', { name: t('serverGroups.picker') });
    await picker.click();
    await picker.fill('web-pool');
    await expect(page.getByRole('status').filter({ hasText: t('serverGroups.pickerEmpty') })).toBeVisible();
    return;
  }
  const table = page.getByRole('table', { name: t('backends.title'), exact: true });
  const change = table.getByRole('button', { name: t('backends.weight.changeOf', { label: 'web-1' }) });
  const remove = table.getByRole('button', { name: t('workbench.removeFromGroup', { label: 'web-1' }) });
  const notice = page.getByRole('note', {
    name: t('workbench.viewOnly', { what: t('serverGroups.one') }),
  });
  if (offer === 'enabled') {
    await expect(change).toBeEnabled();
    await expect(remove).toBeEnabled();
    await expect(page.getByRole('combobox', { name: t('backends.nics.label') })).toBeEnabled();
    await expect(page.getByRole('note')).toHaveCount(0);
  } else {
    // said once, up front, with the missing permission; nothing is offered that ZStack would refuse
    await expect(notice).toContainText('AddBackendServerToServerGroup');
    await expect(table.getByRole('row').filter({ hasText: 'web-1' })).toBeVisible();
    await expect(change).toHaveCount(0);
    await expect(remove).toHaveCount(0);
    await expect(page.getByRole('region', { name: t('backends.add.title') })).toHaveCount(0);
  }
}

async function checkGroupPage(page: Page, s: Seed, offer: Offer) {
  await page.goto(`/virtual-id-groups/${s.oncall}`);
  if (offer === 'no-access') {
    await expect(page.getByRole('region', { name: t('app.noAccess.title') })).toContainText(
      t('app.noAccess.text', { what: t('caps.queryGroups') }),
    );
    return;
  }
  if (offer === 'absent') {
    await expect(page.getByRole('region', { name: t('vidGroups.notFound.title') })).toBeVisible();
    return;
  }
  const remove = page
    .getByRole('table', { name: t('members.title') })
    .getByRole('button', { name: t('workbench.removeFromGroup', { label: 'alice' }) });
  const notice = page.getByRole('note', { name: t('workbench.viewOnly', { what: t('vidGroups.noun') }) });
  if (offer === 'enabled') {
    await expect(remove).toBeEnabled();
    await expect(page.getByRole('combobox', { name: t('addMembers.label') })).toBeEnabled();
    await expect(page.getByRole('note')).toHaveCount(0);
  } else {
    await expect(notice).toContainText('AddIAM2VirtualIDsToGroup');
    await expect(
      page
        .getByRole('table', { name: t('members.title') })
        .getByRole('row')
        .filter({ hasText: 'alice' }),
    ).toBeVisible();
    await expect(remove).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: t('addMembers.label') })).toHaveCount(0);
  }
}

test.describe('role-based access', () => {
  for (const c of cases) {
    test(`${c.persona.name}: the console offers what ZStack allows, and ZStack refuses the rest`, async ({
      page,
      request,
      sim,
    }) => {
      void sim;
      const s = await seed(request);
      await logIn(page, c.persona);
      const nav = page.getByRole('navigation', { name: t('app.nav.label') });
      await expect(nav.getByRole('link', { name: t('app.nav.serverGroups') })).toHaveCount(
        c.nav.serverGroups ? 1 : 0,
      );
      await expect(nav.getByRole('link', { name: t('app.nav.virtualIdGroups') })).toHaveCount(
        c.nav.virtualIdGroups ? 1 : 0,
      );

      await checkBackendsPage(page, s, c.backends);
      await checkGroupPage(page, s, c.groupMembers);

      // the same writes, sent straight to ZStack with this persona's session
      const session = await sessionOf(page);
      const order: Operation[] = [
        'addBackends',
        'changeBackends',
        'removeBackends',
        'addGroupMembers',
        'removeGroupMembers',
      ];
      for (const op of order) {
        const answer = await send(request, session, s, op);
        const expected = c.wire[op];
        if (expected === 'ok') {
          expect(answer.status, `${op}: ${JSON.stringify(answer.body)}`).toBe(200);
        } else {
          expect(answer.status, op).toBe(503);
          expect(answer.body.error?.code, op).toBe(expected.code);
          expect(answer.body.error?.details, op).toMatch(expected.details);
        }
      }
    });
  }

  test('when ZStack refuses what the console offered, it says "you do not have permission" with ZStack\'s details', async ({
    page,
    request,
    sim,
  }) => {
    const s = await seed(request);
    await logIn(page, personas.admin);
    await page.goto(`/virtual-id-groups/${s.oncall}`);
    // the policy changes on the server after the console learned what it may do
    await sim.fault({
      method: 'POST',
      path: 'virtual-ids',
      kind: 'job-error',
      times: 1,
      error: {
        code: 'SYS.1006',
        description: 'An operation failed',
        details:
          'operation[API:org.zstack.iam2.api.APIAddIAM2VirtualIDsToGroupMsg] is denied by default, please contact admin to correct it',
      },
    });
    const picker = page.getByRole('combobox', { name: t('addMembers.label') });
    await picker.click();
    await picker.fill('bob');
    await page.getByRole('option', { name: 'bob', exact: true }).click();
    await picker.press('Escape');
    const capabilityChecks = async () =>
      (await sim.requests()).filter((r) => r.path.endsWith('/accounts/permissions/actions')).length;
    const before = await capabilityChecks();
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(like('errors.title.permission'));
    await expect(alert).toContainText('SYS.1006');
    await expect(alert).toContainText('denied by default');
    // the capability model is asked again
    await expect.poll(capabilityChecks).toBeGreaterThan(before);
  });
});
