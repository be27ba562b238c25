import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
  addSection,
  adminSession,
  backendsOf,
  backendsTable,
  callZStack,
  choose,
  chooseServerGroup,
  expect,
  expectError,
  isAddBackends,
  isAddMembers,
  logIn,
  memberRow,
  membersOf,
  nicUuidOf,
  openServerGroupsPage,
  openVirtualIdGroup,
  personas,
  relogin,
  reloginAs,
  setConsoleConfig,
  type Sim,
  type SimRequest,
  stagedWeight,
  stageIps,
  stageNic,
  test,
  uuidsOf,
  weightOf,
} from './fixtures';
import { like, t } from './i18n';

/**
 * The network, the management node and the session misbehave while the admin adds backends to a
 * server group or virtual IDs to a group. In every case the error shows its code, description and details,
 * everything staged stays, a retry works, and ZStack's state afterwards is what the admin meant: nothing
 * twice, and nothing done that the console says was not.
 */

/** One of the two jobs, driven as the admin would, with what ZStack should hold before and after. */
interface Job {
  name: string;
  /** Substring of the write's path, for the simulator's faults (always with method POST). */
  faultPath: string;
  isWrite: (r: SimRequest) => boolean;
  /** The group's uuid and what it should hold once the admin's change is done. */
  setup: (request: APIRequestContext) => Promise<{ group: string; intended: string[] }>;
  /** Logs in, opens the group and stages the change. */
  stage: (page: Page) => Promise<void>;
  submitButton: (page: Page) => Locator;
  /** Where the write's error shows. */
  alert: (page: Page) => Locator;
  /** Every staged row or chosen ID is still there, as it was entered. */
  expectKept: (page: Page) => Promise<void>;
  /** The page shows the change done, and the staging is cleared. */
  expectDone: (page: Page) => Promise<void>;
  state: (request: APIRequestContext, group: string) => Promise<string[]>;
  /** What the console calls the write in its messages ("Could not <action>"). */
  action: string;
}

const serverGroups: Job = {
  name: 'server groups: add backends',
  faultPath: 'backendservers',
  isWrite: isAddBackends,
  action: t('backends.add.action'),
  setup: async (request) => {
    const [group] = await uuidsOf(request, '/load-balancers/servergroups', ['api-pool']);
    const web2 = await nicUuidOf(request, '10.0.0.12');
    return {
      group: group!,
      intended: [`nic:${web2}=30`, 'ip:192.168.50.1=20', 'ip:192.168.50.2=100'].sort(),
    };
  },
  stage: async (page) => {
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseServerGroup(page, 'api-pool', 'api-pool');
    await stageNic(page, 'web-2');
    await stagedWeight(page, 'web-2').fill('30');
    await stageIps(page, '192.168.50.1 20\n192.168.50.2');
    await serverGroups.expectKept(page);
  },
  submitButton: (page) => page.getByRole('button', { name: t('backends.add.submit') }),
  alert: (page) => addSection(page).getByRole('alert'),
  expectKept: async (page) => {
    await expect(page.getByRole('table', { name: `${t('backends.staged.title')} (3)` })).toBeVisible();
    await expect(stagedWeight(page, 'web-2')).toHaveValue('30');
    await expect(stagedWeight(page, '192.168.50.1')).toHaveValue('20');
    await expect(stagedWeight(page, '192.168.50.2')).toHaveValue('100');
  },
  expectDone: async (page) => {
    await expect(weightOf(page, 'web-2')).toHaveText('30');
    await expect(weightOf(page, '192.168.50.1')).toHaveText('20');
    await expect(weightOf(page, '192.168.50.2')).toHaveText('100');
    await expect(page.getByRole('textbox', { name: like('backends.weight.for', {}, 'en', '^') })).toHaveCount(
      0,
    );
  },
  state: backendsOf,
};

const virtualIdGroups: Job = {
  name: 'virtual ID groups: add members',
  faultPath: 'virtual-ids',
  isWrite: isAddMembers,
  action: t('addMembers.action', { group: 'sre' }),
  setup: async (request) => {
    const [group] = await uuidsOf(request, '/iam2/projects/groups', ['sre']);
    return { group: group!, intended: ['bob', 'carol'] };
  },
  stage: async (page) => {
    await logIn(page, personas.admin);
    await openVirtualIdGroup(page, 'ops', 'sre');
    await choose(page, t('addMembers.label'), 'bob', 'bob');
    await choose(page, t('addMembers.label'), 'carol', 'carol');
    await virtualIdGroups.expectKept(page);
  },
  submitButton: (page) => page.getByRole('button', { name: t('addMembers.submit') }),
  alert: (page) =>
    page.getByRole('form', { name: t('addMembers.form', { group: 'sre' }) }).getByRole('alert'),
  expectKept: async (page) => {
    await expect(page.getByRole('table', { name: `${t('addMembers.staged')} (2)` })).toBeVisible();
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'carol' }) }),
    ).toBeVisible();
  },
  expectDone: async (page) => {
    await expect(memberRow(page, 'bob')).toBeVisible();
    await expect(memberRow(page, 'carol')).toBeVisible();
    await expect(
      page.getByRole('button', { name: t('workbench.removeFromList', { label: 'bob' }) }),
    ).toHaveCount(0);
  },
  state: membersOf,
};

async function writesOf(sim: Sim, job: Job): Promise<SimRequest[]> {
  return (await sim.requests()).filter(job.isWrite);
}

/** The X-Job-UUID the console sends with its next write. */
function nextJobUuid(page: Page, job: Job): Promise<string> {
  return page
    .waitForRequest(
      (r) => r.method() === 'POST' && job.isWrite({ method: 'POST', path: new URL(r.url()).pathname }),
    )
    .then((r) => r.headers()['x-job-uuid']!);
}

const polls = (log: SimRequest[], jobUuid: string) =>
  log.filter((r) => r.method === 'GET' && r.path.endsWith(`/api-jobs/${jobUuid}`));

/** After a failure: everything kept, nothing changed on ZStack; then the same change goes through once. */
async function expectKeptThenRetry(
  page: Page,
  request: APIRequestContext,
  sim: Sim,
  job: Job,
  group: string,
) {
  await job.expectKept(page);
  expect(await job.state(request, group)).toEqual([]);
  await job.submitButton(page).click();
  await job.expectDone(page);
  await expect(job.alert(page)).toHaveCount(0);
  const { intended } = await job.setup(request);
  expect(await job.state(request, group)).toEqual(intended);
  const log = await sim.requests();
  const succeeded = log.filter(
    (r) => job.isWrite(r) && r.jobUuid && polls(log, r.jobUuid).some((p) => p.status === 200),
  );
  expect(succeeded).toHaveLength(1);
}

for (const job of [serverGroups, virtualIdGroups]) {
  test.describe(`${job.name}, faults`, () => {
    test('HTTP 500 in plain text: shown with code, description and details; nothing changed; a retry works', async ({
      page,
      sim,
      request,
    }) => {
      const { group } = await job.setup(request);
      await job.stage(page);
      await sim.fault({ method: 'POST', path: job.faultPath, kind: 'http-error', status: 500, times: 1 });
      await job.submitButton(page).click();
      await expectError(job.alert(page), {
        code: 'CONSOLE.HTTP',
        description: 'HTTP 500',
        details: new RegExp(
          `Internal Server Error[\\s\\S]*${like('errors.notReceived.after', { lost: '' }).source}`,
        ),
      });
      await expect(job.alert(page)).toContainText(t('errors.title.failed', { action: job.action }));
      await expectKeptThenRetry(page, request, sim, job, group);
      expect(await writesOf(sim, job)).toHaveLength(2);
    });

    test("503 with ZStack's error: shown as ZStack said it; nothing changed; a retry works", async ({
      page,
      sim,
      request,
    }) => {
      const { group } = await job.setup(request);
      await job.stage(page);
      const error = {
        code: 'SYS.1001',
        description: 'A message or a operation timeout',
        details: 'message timeout after 1800000ms',
      };
      await sim.fault({
        method: 'POST',
        path: job.faultPath,
        kind: 'http-error',
        status: 503,
        error,
        times: 1,
      });
      await job.submitButton(page).click();
      await expectError(job.alert(page), error);
      await expectKeptThenRetry(page, request, sim, job, group);
    });

    test('a connection dropped before ZStack read the request: the console asks its own job, says "not received, safe to retry"', async ({
      page,
      sim,
      request,
    }) => {
      const { group } = await job.setup(request);
      await job.stage(page);
      // Until cleared: Chromium itself sends a POST again when a reused connection closes without an
      // answer, and that copy must be dropped too for the console to see the failure.
      await sim.fault({ method: 'POST', path: job.faultPath, kind: 'drop', phase: 'before' });
      const jobUuid = nextJobUuid(page, job);
      await job.submitButton(page).click();
      await expectError(job.alert(page), {
        code: 'CONSOLE.NOT_RECEIVED',
        description: t('errors.notReceived'),
        details: like('errors.notReceived.details'),
      });
      await expect(job.alert(page)).toContainText(t('errors.title.notReceived', { action: job.action }));
      // it asked ZStack about the job id it had chosen, and ZStack had none
      const asked = polls(await sim.requests(), await jobUuid);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((p) => p.status === 404)).toBe(true);
      await sim.clearFaults();
      await expectKeptThenRetry(page, request, sim, job, group);
    });

    test('a connection dropped after ZStack took the request, and the job succeeds: the console finds out, says it was done, refreshes', async ({
      page,
      sim,
      request,
    }) => {
      const { group, intended } = await job.setup(request);
      await job.stage(page);
      await sim.fault({ method: 'POST', path: job.faultPath, kind: 'drop', phase: 'after', times: 1 });
      await job.submitButton(page).click();
      await job.expectDone(page);
      await expect(page.getByRole('status').filter({ hasText: like('job.recovered') })).toBeVisible();
      await expect(job.alert(page)).toHaveCount(0);
      expect(await job.state(request, group)).toEqual(intended);
      // One job on ZStack. (Chromium may send the POST again by itself after the closed connection: its
      // copy carries the same X-Job-UUID, which ZStack refuses as a duplicate; the console follows the job.)
      const writes = await writesOf(sim, job);
      const jobs = writes.filter((w) => w.jobUuid);
      expect(jobs).toHaveLength(1);
      expect(writes.filter((w) => !w.jobUuid).every((w) => w.status === 400)).toBe(true);
      expect(polls(await sim.requests(), jobs[0]!.jobUuid!).at(-1)?.status).toBe(200);
    });

    test('5 s of latency: progress shows, a second click sends nothing, the change is made once', async ({
      page,
      sim,
      request,
    }) => {
      const { group, intended } = await job.setup(request);
      await job.stage(page);
      await sim.fault({ method: 'POST', path: job.faultPath, kind: 'latency', ms: 5000, times: 1 });
      await job.submitButton(page).click();
      await expect(page.getByRole('status', { name: like('job.inProgress') })).toContainText(
        t('job.sending'),
      );
      // one request at a time: the button stays disabled while it runs
      await expect(job.submitButton(page)).toBeDisabled();
      await expect(page.getByRole('status', { name: like('job.inProgress') })).toBeHidden({
        timeout: 10_000,
      });
      await job.expectDone(page);
      expect(await job.state(request, group)).toEqual(intended);
      expect(await writesOf(sim, job)).toHaveLength(1);
    });

    test('a job that never finishes: "still running, not confirmed" after the bound; "Check again" follows the same job; a retry works', async ({
      page,
      sim,
      request,
    }) => {
      await setConsoleConfig(page, { jobTimeoutMs: 1500 });
      const { group } = await job.setup(request);
      await job.stage(page);
      await sim.fault({ method: 'POST', path: job.faultPath, kind: 'job-hang', times: 1 });
      const jobUuid = nextJobUuid(page, job);
      await job.submitButton(page).click();
      const alert = job.alert(page);
      await expectError(alert, {
        code: 'CONSOLE.JOB_TIMEOUT',
        description: t('errors.stillRunning'),
        details: like('errors.stillRunning.accepted'),
      });
      await expect(alert).toContainText(t('errors.title.stillRunning', { action: job.action }));
      await job.expectKept(page);
      expect(await job.state(request, group)).toEqual([]);

      // "Check again" asks about the same job and sends nothing
      const hung = await jobUuid;
      const before = polls(await sim.requests(), hung).length;
      await alert.getByRole('button', { name: t('errors.checkAgain') }).click();
      await expect(page.getByRole('status', { name: like('job.inProgress') })).toBeVisible();
      await expect(alert.getByRole('button', { name: t('errors.checkAgain') })).toBeVisible();
      const log = await sim.requests();
      expect(polls(log, hung).length).toBeGreaterThan(before);
      expect(log.filter(job.isWrite)).toHaveLength(1);

      await expectKeptThenRetry(page, request, sim, job, group);
      const writes = await writesOf(sim, job);
      expect(writes).toHaveLength(2);
      expect(writes[1]!.jobUuid).not.toBe(hung);
    });

    test('a slow job: "still running" after the bound, then "Check again" follows it to the end without sending again', async ({
      page,
      sim,
      request,
    }) => {
      // The job outlasts the bound once, not twice: "Check again" (at least 1.2 s after sending, with a
      // bound of its own) sees it finish.
      await setConsoleConfig(page, { jobTimeoutMs: 1200 });
      const { group, intended } = await job.setup(request);
      await job.stage(page);
      await sim.config({ jobDurationMs: 1800 });
      await job.submitButton(page).click();
      await expectError(job.alert(page), {
        code: 'CONSOLE.JOB_TIMEOUT',
        description: t('errors.stillRunning'),
      });
      await job.expectKept(page);
      await job
        .alert(page)
        .getByRole('button', { name: t('errors.checkAgain') })
        .click();
      await job.expectDone(page);
      await expect(job.alert(page)).toHaveCount(0);
      expect(await job.state(request, group)).toEqual(intended);
      expect(await writesOf(sim, job)).toHaveLength(1);
    });

    test('unreadable answers (malformed JSON) to the request and its polls: "not confirmed", and "Check again" finds it done', async ({
      page,
      sim,
      request,
    }) => {
      const { group, intended } = await job.setup(request);
      await job.stage(page);
      await sim.fault({ method: 'POST', path: job.faultPath, kind: 'malformed', times: 1 });
      await sim.fault({ method: 'GET', path: 'api-jobs', kind: 'malformed', times: 5 });
      await job.submitButton(page).click();
      const alert = job.alert(page);
      await expectError(alert, {
        code: 'CONSOLE.NOT_CONFIRMED',
        description: t('errors.notConfirmed'),
        // whether ZStack's answer to the write was read decides which of the two says it
        details: new RegExp(
          (['errors.notConfirmed.accepted', 'errors.notConfirmed.details'] as const)
            .map((key) => like(key, { code: 'CONSOLE.MALFORMED' }).source)
            .join('|'),
        ),
      });
      await expect(alert).toContainText(t('errors.title.notConfirmed', { action: job.action }));
      await job.expectKept(page);
      await alert.getByRole('button', { name: t('errors.checkAgain') }).click();
      await job.expectDone(page);
      expect(await job.state(request, group)).toEqual(intended);
      expect(await writesOf(sim, job)).toHaveLength(1);
    });
  });
}

test.describe('server groups: add backends, faults', () => {
  test('a connection dropped after ZStack took the request, and the job fails (an IP added meanwhile): ZStack’s error, nothing half-added', async ({
    page,
    sim,
    request,
  }) => {
    const job = serverGroups;
    const { group, intended } = await job.setup(request);
    await job.stage(page);
    // someone else adds one of the staged IPs meanwhile, with the same weight
    const added = await callZStack(
      request,
      await adminSession(request),
      'POST',
      `/load-balancers/servergroups/${group}/backendservers`,
      { params: { servers: [{ ipAddress: '192.168.50.1', weight: '20' }] } },
    );
    expect(added.status).toBe(200);
    await sim.fault({ method: 'POST', path: job.faultPath, kind: 'drop', phase: 'after', times: 1 });
    await job.submitButton(page).click();
    await expectError(job.alert(page), {
      code: 'SYS.1006',
      details: `could not add backend server ip to serverGroup [uuid:${group}], because ip [ipAddress:192.168.50.1] is repeated`,
    });
    await job.expectKept(page);
    await expect(stagedWeight(page, '192.168.50.1')).toHaveAttribute('aria-invalid', 'true');
    await expect(stagedWeight(page, '192.168.50.2')).not.toHaveAttribute('aria-invalid', 'true');
    // nothing of the request was applied: only the other admin's IP is there
    expect(await job.state(request, group)).toEqual(['ip:192.168.50.1=20']);

    await page
      .getByRole('button', { name: t('workbench.removeFromList', { label: '192.168.50.1' }) })
      .click();
    await job.submitButton(page).click();
    await job.expectDone(page);
    expect(await job.state(request, group)).toEqual(intended);
  });

  test('the session expires while the job runs: ZStack refuses it with ID.1001, the rows stay, resubmitting after re-login adds once', async ({
    page,
    sim,
    request,
  }) => {
    const job = serverGroups;
    const { group, intended } = await job.setup(request);
    await job.stage(page);
    await sim.config({ jobDurationMs: 1500 });
    await job.submitButton(page).click();
    await expect(page.getByRole('status', { name: like('job.inProgress') })).toBeVisible();
    await sim.expireSessions();
    await expect(relogin(page)).toBeVisible();
    // until the re-login, ZStack's ID.1001 says that nothing was changed; logged in again, it no longer holds
    await expectError(job.alert(page), { code: 'ID.1001' });
    await expect(job.alert(page)).toContainText(t('errors.sessionHint'));
    await reloginAs(page);
    await expect(job.alert(page)).toHaveCount(0);
    await sim.config({ jobDurationMs: 300 });
    await expectKeptThenRetry(page, request, sim, job, group);
    expect(await job.state(request, group)).toEqual(intended);
    await expect(backendsTable(page).getByRole('row')).toHaveCount(4);
  });
});

test.describe('virtual ID groups: add members, faults', () => {
  test('a connection dropped after ZStack took the request, and the job fails: ZStack’s error, the choice kept, nothing added', async ({
    page,
    sim,
    request,
  }) => {
    const job = virtualIdGroups;
    const { group } = await job.setup(request);
    await job.stage(page);
    const error = {
      code: 'SYS.1006',
      description: 'An operation failed',
      details: 'can not operate stale virtual ids: [bob]',
    };
    await sim.fault({ method: 'POST', path: job.faultPath, kind: 'job-error', error, times: 1 });
    await sim.fault({ method: 'POST', path: job.faultPath, kind: 'drop', phase: 'after', times: 1 });
    await job.submitButton(page).click();
    await expectError(job.alert(page), error);
    await expect(job.alert(page)).toContainText(t('addMembers.errorNames', { names: 'bob' }));
    await expectKeptThenRetry(page, request, sim, job, group);
  });
});
