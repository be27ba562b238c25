import { createHash } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { names, t, type Locale } from './i18n';

/** The console's words in the language a journey runs in (e2e/i18n.ts); English unless given. */
export type Names = ReturnType<typeof names>;

/**
 * The simulator's own controls (sim/README.md, "Control endpoints"): reset, faults, timings, and what the
 * wire carried. A POST carries the header and the JSON object body the controls require of it
 * (sim/controls.ts).
 */
export class Sim {
  constructor(private readonly request: APIRequestContext) {}

  private async post(path: string, data: Record<string, unknown> = {}): Promise<void> {
    const res = await this.request.post(path, { data, headers: { 'X-Sim-Control': '1' } });
    expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  }

  async reset(): Promise<void> {
    await this.post('/__sim/reset');
  }

  async fault(fault: Record<string, unknown>): Promise<void> {
    await this.post('/__sim/faults', fault);
  }

  async clearFaults(): Promise<void> {
    expect((await this.request.delete('/__sim/faults')).ok()).toBe(true);
  }

  async config(config: {
    jobDurationMs?: number;
    sessionTimeoutSec?: number;
    locale?: 'zh_CN' | 'en_US';
  }): Promise<void> {
    await this.post('/__sim/config', config);
  }

  async expireSessions(): Promise<void> {
    await this.post('/__sim/sessions/expire');
  }

  /** ZStack API requests the simulator received since the last reset. */
  async requests(): Promise<SimRequest[]> {
    const res = await this.request.get('/__sim/requests');
    expect(res.ok()).toBe(true);
    return (await res.json()) as SimRequest[];
  }
}

export interface SimRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  jobUuid?: string;
  status?: number;
}

export interface Persona {
  kind: 'account' | 'virtualId';
  name: string;
  project?: string;
}

export const personas = {
  admin: { kind: 'account', name: 'admin' },
  tenant: { kind: 'account', name: 'tenant' },
  opsAdmin: { kind: 'virtualId', name: 'ops-admin', project: 'ops' },
  opsOperator: { kind: 'virtualId', name: 'ops-operator', project: 'ops' },
  lbOperator: { kind: 'virtualId', name: 'lb-operator', project: 'ops' },
  lbViewer: { kind: 'virtualId', name: 'lb-viewer', project: 'ops' },
  auditor: { kind: 'virtualId', name: 'auditor', project: 'ops' },
  devAdmin: { kind: 'virtualId', name: 'dev-admin', project: 'dev' },
  platformAdmin: { kind: 'virtualId', name: 'platform-admin' },
  newbie: { kind: 'virtualId', name: 'newbie' },
} satisfies Record<string, Persona>;

export async function fillLogin(
  page: Page,
  persona: Persona,
  password = 'password',
  n: Names = t,
): Promise<void> {
  // Mantine's SegmentedControl hides its radio inputs; a user clicks the visible label.
  const kind = page.getByRole('radiogroup', { name: n('login.kind') });
  const kindName = n(persona.kind === 'account' ? 'login.kind.account' : 'login.kind.virtualId');
  await kind.getByText(kindName, { exact: true }).click();
  await expect(kind.getByRole('radio', { name: kindName })).toBeChecked();
  await page.getByLabel(n('login.name'), { exact: true }).fill(persona.name);
  await page.getByLabel(n('login.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: n('login.submit') }).click();
}

/** Logs in through the login page, picking the persona's project when asked. */
export async function logIn(page: Page, persona: Persona = personas.admin, n: Names = t): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await fillLogin(page, persona, 'password', n);
  if (persona.kind === 'virtualId') {
    const continueButton = page.getByRole('button', { name: n('login.project.continue'), exact: true });
    const withoutProject = page.getByRole('button', { name: n('login.project.withoutProject') });
    await expect(
      continueButton
        .or(withoutProject)
        .or(page.getByRole('button', { name: n('app.logOut') }))
        .first(),
    ).toBeVisible();
    if (persona.project && (await continueButton.isVisible())) {
      await page.getByRole('radio', { name: persona.project, exact: true }).check();
      await continueButton.click();
    } else if (!persona.project && (await withoutProject.isVisible())) {
      await withoutProject.click();
    }
  }
  await expect(page.getByRole('button', { name: n('app.logOut') })).toBeVisible();
}

export const test = base.extend<{ sim: Sim; securityWatch: void; provokesCspViolation: boolean }>({
  /** Set by the one test that injects a script on purpose: the watch must then see the violation. */
  provokesCspViolation: [false, { option: true }],
  sim: async ({ request }, use) => {
    const sim = new Sim(request);
    await sim.reset();
    await use(sim);
  },
  // Every journey runs under the Content-Security-Policy: any violation, and any sign that a server-
  // provided name ran as HTML (the seed has names like <img src=x onerror=alert(1)>), fails the test.
  securityWatch: [
    async ({ page, provokesCspViolation }, use) => {
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(msg.text())) {
          violations.push(msg.text());
        }
      });
      page.on('dialog', (dialog) => {
        violations.push(`a dialog opened: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await use();
      if (provokesCspViolation) expect(violations.join('\n')).toMatch(/Content Security Policy/);
      else expect(violations, 'CSP violations or script injection').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The session id the console holds (sessionStorage), to replay a request as the same persona. */
export async function sessionOf(page: Page): Promise<string> {
  const session = await page.evaluate(() => sessionStorage.getItem('zstack-console.session'));
  expect(session).toMatch(/^[0-9a-f]{32}$/);
  return session!;
}

export interface ZStackAnswer {
  status: number;
  body: { error?: { code: string; description?: string; details?: string } } & Record<string, unknown>;
}

/**
 * Sends a ZStack API request directly (not through the console) and, for an async API, follows its job
 * to the end: what a curl user with that session would get.
 */
export async function callZStack(
  request: APIRequestContext,
  session: string | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ZStackAnswer> {
  const headers: Record<string, string> = session ? { Authorization: `OAuth ${session}` } : {};
  const res = await request.fetch(`/zstack/v1${path}`, { method, headers, data: body });
  const text = await res.text();
  if (res.status() !== 202) return { status: res.status(), body: text ? JSON.parse(text) : {} };
  const location = new URL((JSON.parse(text) as { location: string }).location).pathname;
  for (let i = 0; i < 200; i++) {
    const poll = await request.get(location);
    if (poll.status() !== 202)
      return { status: poll.status(), body: JSON.parse((await poll.text()) || '{}') };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${location} did not finish`);
}

/** Chooses in one of the pickers: opens it, types to search on the server, clicks the option. */
export async function choose(page: Page, label: string, search: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
  // a multiple picker stays open for more choices; close it as a user would
  await box.press('Escape');
}

/** A session of the admin account, for test setup and for checking the server's state. */
export async function adminSession(request: APIRequestContext): Promise<string> {
  const login = await request.put('/zstack/v1/accounts/login', {
    data: {
      logInByAccount: {
        accountName: 'admin',
        password: createHash('sha512').update('password').digest('hex'),
      },
    },
  });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { inventory: { uuid: string } }).inventory.uuid;
}

/** The UUID of the VM NIC holding an IP (test setup only). */
export async function nicUuidOf(request: APIRequestContext, ip: string): Promise<string> {
  const answer = await callZStack(
    request,
    await adminSession(request),
    'GET',
    `/vm-instances/nics?q=ip=${ip}&limit=1`,
  );
  return (answer.body.inventories as { uuid: string }[])[0]!.uuid;
}

/** UUIDs of seeded things by name, asked of the simulator as the admin would (test setup only). */
export async function uuidsOf(request: APIRequestContext, path: string, names: string[]): Promise<string[]> {
  const session = await adminSession(request);
  const res = await request.get(`/zstack/v1${path}`, {
    params: new URLSearchParams([
      ['q', `name?=${names.join(',')}`],
      ['limit', '100'],
    ]),
    headers: { Authorization: `OAuth ${session}` },
  });
  const found = ((await res.json()) as { inventories: { uuid: string; name: string }[] }).inventories;
  return names.map((n) => {
    const hit = found.find((f) => f.name === n);
    if (!hit) throw new Error(`no ${path} named ${n}`);
    return hit.uuid;
  });
}

// ------------------------------------------------------------------ shared journeys' helpers

/** Overrides the console's timings (README, Configuration) before the app starts. */
export async function setConsoleConfig(
  page: Page,
  config: {
    jobTimeoutMs?: number;
    idleTimeoutMs?: number;
    idleWarningMs?: number;
    absoluteTimeoutMs?: number;
  },
): Promise<void> {
  await page.addInitScript((c) => {
    (window as Window & { __ZSTACK_CONSOLE_CONFIG__?: Record<string, number> }).__ZSTACK_CONSOLE_CONFIG__ = c;
  }, config);
}

export async function clearRequestLog(request: APIRequestContext): Promise<void> {
  expect((await request.delete('/__sim/requests')).ok()).toBe(true);
}

/** The error alert's three fields, as ZStackErrorAlert shows them. */
export async function expectError(
  alert: Locator,
  error: { code: string | RegExp; description?: string | RegExp; details?: string | RegExp },
): Promise<void> {
  await expect(alert).toBeVisible();
  await expect(alert.getByTestId('error-code')).toHaveText(error.code);
  await expect(alert.getByTestId('error-description')).toContainText(error.description ?? /\S/);
  await expect(alert.getByTestId('error-details')).toContainText(error.details ?? /\S/);
}

export const relogin = (page: Page) => page.getByRole('dialog', { name: t('relogin.title') });

/** Logs in again as the same identity in the re-login dialog. */
export async function reloginAs(page: Page, password = 'password'): Promise<void> {
  const dialog = relogin(page);
  await dialog.getByLabel(t('login.password'), { exact: true }).fill(password);
  await dialog.getByRole('button', { name: t('relogin.title') }).click();
  await expect(dialog).toBeHidden();
}

// Server groups

export const isAddBackends = (r: SimRequest) =>
  r.method === 'POST' && /\/servergroups\/[0-9a-f]{32}\/backendservers$/.test(r.path);

/** Opens "Server groups" from the main navigation (its link found by where it goes, in either language). */
export async function openServerGroupsPage(page: Page, locale: Locale = 'en'): Promise<void> {
  await page.locator('nav a[href="/server-groups"]').click();
  await expect(
    page.getByRole('heading', { name: t('serverGroups.title', {}, locale), level: 2 }),
  ).toBeVisible();
}

/** Searches "Server group" for `text` and picks the option of group `name`. */
export async function chooseServerGroup(
  page: Page,
  text: string,
  name: string,
  locale: Locale = 'en',
): Promise<void> {
  const n = names(locale);
  const picker = page.getByRole('combobox', { name: n('serverGroups.picker') });
  await picker.click();
  await picker.fill(text);
  await page.getByRole('option', { name: new RegExp(`^${name}\\b`) }).click();
  await expect(page.getByRole('heading', { name: n('serverGroups.lb.title') })).toBeVisible();
  // as a user would, wait for the page to settle: a picker opened while the load balancer's details
  // still load would move under the pointer
  await expect(page.getByLabel(new RegExp(`^${n('workbench.loadingLabel', { what: '' })}`))).toHaveCount(0);
}

export const backendsTable = (page: Page, locale: Locale = 'en') =>
  page.getByRole('table', { name: t('backends.title', {}, locale), exact: true });
/** The "Weight" cell of the row of "Backend servers" that holds `text` (after its checkbox, name and IP). */
export const weightOf = (page: Page, text: string, locale: Locale = 'en') =>
  backendsTable(page, locale).getByRole('row').filter({ hasText: text }).getByRole('cell').nth(3);
export const addSection = (page: Page, locale: Locale = 'en') =>
  page.getByRole('region', { name: t('backends.add.title', {}, locale) });
export const stagedWeight = (page: Page, label: string, locale: Locale = 'en') =>
  page.getByRole('textbox', { name: t('backends.weight.for', { label }, locale), exact: true });

/** Picks a candidate NIC in "VM NICs" by searching for its VM. */
export async function stageNic(page: Page, vmName: string, locale: Locale = 'en'): Promise<void> {
  const nics = page.getByRole('combobox', { name: t('backends.nics.label', {}, locale) });
  await nics.click();
  await nics.fill(vmName);
  await page.getByRole('option', { name: new RegExp(`^${vmName}\\b`) }).click();
  await expect(stagedWeight(page, vmName, locale)).toBeVisible();
  await nics.blur();
}

export async function stageIps(page: Page, text: string, locale: Locale = 'en'): Promise<void> {
  await page.getByRole('textbox', { name: t('backends.ips.label', {}, locale) }).fill(text);
  await page.getByRole('button', { name: t('backends.ips.addToList', {}, locale) }).click();
}

/** A server group's backends as ZStack has them: "nic:<uuid>=<weight>" and "ip:<address>=<weight>", sorted. */
export async function backendsOf(request: APIRequestContext, groupUuid: string): Promise<string[]> {
  const answer = await callZStack(
    request,
    await adminSession(request),
    'GET',
    `/load-balancers/servergroups/${groupUuid}`,
  );
  const group = (
    answer.body.inventories as {
      vmNicRefs?: { vmNicUuid: string; weight: number }[];
      serverIps?: { ipAddress: string; weight: number }[];
    }[]
  )[0]!;
  return [
    ...(group.vmNicRefs ?? []).map((r) => `nic:${r.vmNicUuid}=${r.weight}`),
    ...(group.serverIps ?? []).map((s) => `ip:${s.ipAddress}=${s.weight}`),
  ].sort();
}

// Virtual ID groups

export const isAddMembers = (r: SimRequest) =>
  r.method === 'POST' && /\/iam2\/projects\/groups\/[0-9a-f]{32}\/virtual-ids$/.test(r.path);

/** Opens a group on the "Virtual ID groups" page through its two pickers. */
export async function openVirtualIdGroup(
  page: Page,
  project: string,
  group: string,
  n: Names = t,
): Promise<void> {
  await page
    .getByRole('navigation', { name: n('app.nav.label') })
    .getByRole('link', { name: n('app.nav.virtualIdGroups') })
    .click();
  await expect(page).toHaveURL(/\/virtual-id-groups(\?.*)?$/);
  await choose(page, n('vidGroups.project'), project, project);
  await choose(page, n('vidGroups.group'), group, group);
  await expect(page).toHaveURL(/\/virtual-id-groups\/[0-9a-f]{32}$/);
}

export const membersTable = (page: Page, n: Names = t) =>
  page.getByRole('table', { name: n('members.title') });
/** A member's row, found by its own checkbox ("Select <name>"). */
export const memberRow = (page: Page, name: string) =>
  membersTable(page)
    .getByRole('row')
    .filter({
      has: page.getByRole('checkbox', { name: t('workbench.selectRow', { label: name }), exact: true }),
    });

/** Names of a virtual ID group's members as ZStack has them, sorted. */
export async function membersOf(request: APIRequestContext, groupUuid: string): Promise<string[]> {
  const answer = await callZStack(
    request,
    await adminSession(request),
    'GET',
    `/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${groupUuid}&limit=1000`,
  );
  return (answer.body.inventories as { name: string }[]).map((v) => v.name).sort();
}
