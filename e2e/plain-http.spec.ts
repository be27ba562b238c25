import {
  backendsOf,
  choose,
  expect,
  logIn,
  memberRow,
  membersOf,
  openServerGroupsPage,
  openVirtualIdGroup,
  personas,
  chooseServerGroup,
  stageIps,
  test,
  uuidsOf,
  weightOf,
} from './fixtures';
import { t } from './i18n';

/**
 * The console served over plain http under a name that is not localhost: the browser then gives it no
 * secure context (no crypto.subtle, no crypto.randomUUID). Chromium resolves console.test to this
 * machine; the preview server allows that name (CONSOLE_ALLOWED_HOSTS in playwright.config.ts).
 */
const rule = '--host-resolver-rules=MAP console.test 127.0.0.1';

test('over plain http on a non-localhost name, an admin logs in and both writes go through', async ({
  playwright,
  request,
  sim,
  baseURL,
}, testInfo) => {
  void sim;
  const launch = testInfo.project.use.launchOptions ?? {};
  const browser = await playwright.chromium.launch({ ...launch, args: [...(launch.args ?? []), rule] });
  try {
    const context = await browser.newContext({
      baseURL: `http://console.test:${new URL(baseURL!).port}`,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    await page.goto('/login');
    expect(
      await page.evaluate(() => ({
        secure: window.isSecureContext,
        randomUUID: typeof crypto.randomUUID,
        subtle: typeof crypto.subtle,
      })),
    ).toEqual({ secure: false, randomUUID: 'undefined', subtle: 'undefined' });
    await logIn(page, personas.admin);

    const [apiPool] = await uuidsOf(request, '/load-balancers/servergroups', ['api-pool']);
    await openServerGroupsPage(page);
    await chooseServerGroup(page, 'api-pool', 'api-pool');
    await stageIps(page, '192.168.7.7 30');
    await page.getByRole('button', { name: t('backends.add.submit') }).click();
    await expect(weightOf(page, '192.168.7.7')).toContainText('30');
    expect(await backendsOf(request, apiPool!)).toEqual(['ip:192.168.7.7=30']);

    const [oncall] = await uuidsOf(request, '/iam2/projects/groups', ['oncall']);
    await openVirtualIdGroup(page, 'ops', 'oncall');
    await choose(page, t('addMembers.label'), 'bob', 'bob');
    await page.getByRole('button', { name: t('addMembers.submit') }).click();
    await expect(memberRow(page, 'bob')).toBeVisible();
    expect(await membersOf(request, oncall!)).toEqual(['alice', 'bob']);

    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
