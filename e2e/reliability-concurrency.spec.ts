import {
  addSection,
  adminSession,
  backendsOf,
  callZStack,
  chooseServerGroup,
  expect,
  isAddBackends,
  logIn,
  membersOf,
  openServerGroupsPage,
  personas,
  stagedWeight,
  stageIps,
  test,
  uuidsOf,
  type ZStackAnswer,
} from './fixtures';
import { like, t } from './i18n';

/**
 * Concurrency: admins working at the same time never leave ZStack in a state nobody asked for.
 * Writes to one load balancer (and to one IAM2 group) are applied one at a time (sim/README.md), so of two
 * adds of the same IP one succeeds and the other gets ZStack's error, and any number of concurrent adds
 * leave exactly the union of the successful ones.
 */

test('two tabs add the same IP to the same group: one succeeds, the other shows ZStack’s error at its row', async ({
  context,
  sim,
  request,
}) => {
  const [apiPool] = await uuidsOf(request, '/load-balancers/servergroups', ['api-pool']);
  const tabs = [await context.newPage(), await context.newPage()];
  for (const [i, tab] of tabs.entries()) {
    await logIn(tab, personas.admin);
    await openServerGroupsPage(tab);
    await chooseServerGroup(tab, 'api-pool', 'api-pool');
    await stageIps(tab, `192.168.60.1 ${40 + i}`);
    await expect(stagedWeight(tab, '192.168.60.1')).toHaveValue(String(40 + i));
  }
  // Both are sent before either has finished: neither tab can know about the other's change.
  await sim.config({ jobDurationMs: 800 });
  await Promise.all(tabs.map((tab) => tab.getByRole('button', { name: t('backends.add.submit') }).click()));
  const added = (tab: (typeof tabs)[number]) =>
    tab.getByRole('status').filter({ hasText: t('backends.add.done') });
  for (const tab of tabs) await expect(added(tab).or(addSection(tab).getByRole('alert'))).toBeVisible();
  const adds = (await sim.requests()).filter(isAddBackends);
  expect(adds).toHaveLength(2);

  const winner = (await added(tabs[0]!).count()) ? 0 : 1;
  const loser = tabs[1 - winner]!;
  await expect(added(tabs[winner]!)).toBeVisible();
  const alert = addSection(loser).getByRole('alert');
  await expect(alert.getByTestId('error-code')).toHaveText('SYS.1006');
  await expect(alert.getByTestId('error-description')).not.toBeEmpty();
  await expect(alert.getByTestId('error-details')).toContainText(
    `could not add backend server ip to serverGroup [uuid:${apiPool}], because ip [ipAddress:192.168.60.1] is repeated`,
  );
  // the loser's row is kept, with its weight, and marked: ZStack named it, and the group now has it
  const row = stagedWeight(loser, '192.168.60.1');
  await expect(row).toHaveValue(String(40 + 1 - winner));
  await expect(row).toHaveAttribute('aria-invalid', 'true');
  await expect(row).toHaveAccessibleDescription(like('backends.staged.alreadyBackend'));
  await expect(row).toHaveAccessibleDescription(like('backends.staged.mentioned'));

  expect(await backendsOf(request, apiPool!)).toEqual([`ip:192.168.60.1=${40 + winner}`]);
});

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n); // the high bits: an LCG's low bits repeat quickly
  };
}

function outcome(answer: ZStackAnswer): 'ok' | string {
  if (answer.status === 200) return 'ok';
  expect(answer.status).toBe(503);
  expect(answer.body.error?.code).toMatch(/^[A-Z]+\.\d{4}$/);
  expect(answer.body.error?.description).toBeTruthy();
  expect(answer.body.error?.details).toBeTruthy();
  return answer.body.error!.code;
}

test('50 concurrent adds of overlapping NICs and IPs to one group leave exactly the successful ones, each once', async ({
  request,
  sim,
}) => {
  await sim.config({ jobDurationMs: 50 });
  const session = await adminSession(request);
  const [apiPool] = await uuidsOf(request, '/load-balancers/servergroups', ['api-pool']);
  const nics = (
    (await callZStack(request, session, 'GET', '/vm-instances/nics?q=l3Network.name=app-net&limit=100')).body
      .inventories as { uuid: string }[]
  ).map((n) => n.uuid);
  expect(nics.length).toBeGreaterThanOrEqual(6);
  const next = random(7);
  const requests = Array.from({ length: 50 }, (_, i) => {
    const params: {
      vmNics?: { uuid: string; weight: string }[];
      servers?: { ipAddress: string; weight: string }[];
    } = {};
    if (i % 3 !== 2) params.vmNics = [{ uuid: nics[next(nics.length)]!, weight: String(next(101)) }];
    if (i % 3 !== 1)
      params.servers = [{ ipAddress: `192.168.70.${next(30) + 1}`, weight: String(next(101)) }];
    return params;
  });
  const answers = await Promise.all(
    requests.map((params) =>
      callZStack(request, session, 'POST', `/load-balancers/servergroups/${apiPool}/backendservers`, {
        params,
      }),
    ),
  );
  const outcomes = answers.map(outcome);
  const succeeded = requests.filter((_, i) => outcomes[i] === 'ok');
  const failed = answers.filter((_, i) => outcomes[i] !== 'ok');
  for (const f of failed) {
    expect(f.body.error?.code).toBe('SYS.1006');
    expect(f.body.error?.details).toMatch(/is repeated|are already on the load balancer servegroup/);
  }
  const expected = succeeded
    .flatMap((p) => [
      ...(p.vmNics ?? []).map((n) => `nic:${n.uuid}=${n.weight}`),
      ...(p.servers ?? []).map((s) => `ip:${s.ipAddress}=${s.weight}`),
    ])
    .sort();
  const final = await backendsOf(request, apiPool!);
  expect(final).toEqual(expected);
  const keys = final.map((b) => b.split('=')[0]);
  expect(new Set(keys).size).toBe(keys.length); // each backend once
  expect(succeeded.length).toBeGreaterThan(0);
  const figures = `50 concurrent adds to api-pool: ${succeeded.length} succeeded, ${failed.length} failed with SYS.1006; the group holds ${final.length} backends, each once`;
  test.info().annotations.push({ type: 'concurrency', description: figures });
  console.log(figures);
});

test('50 concurrent adds of overlapping virtual IDs to one group leave exactly the successful ones, each once', async ({
  request,
  sim,
}) => {
  await sim.config({ jobDurationMs: 50 });
  const session = await adminSession(request);
  const [sre] = await uuidsOf(request, '/iam2/projects/groups', ['sre']);
  const names = ['alice', 'bob', 'carol', 'eve', 'ops-admin', '<img src=x onerror=alert(1)>'];
  const ids = await uuidsOf(request, '/iam2/virtual-ids', [...names, 'mallory']);
  const mallory = ids.pop()!;
  const next = random(11);
  const requests = Array.from({ length: 50 }, (_, i) => {
    const chosen = [...new Set(Array.from({ length: next(3) + 1 }, () => next(names.length)))];
    const uuids = chosen.map((c) => ids[c]!);
    return { names: chosen.map((c) => names[c]!), uuids: i % 10 === 9 ? [...uuids, mallory] : uuids };
  });
  const answers = await Promise.all(
    requests.map((r) =>
      callZStack(request, session, 'POST', `/iam2/projects/groups/${sre}/virtual-ids`, {
        params: { virtualIDUuids: r.uuids },
      }),
    ),
  );
  const outcomes = answers.map(outcome);
  requests.forEach((r, i) => {
    // ZStack refuses a Staled virtual ID and changes nothing; re-adding a member is not an error
    expect(outcomes[i]).toBe(r.uuids.includes(mallory) ? 'SYS.1006' : 'ok');
    if (r.uuids.includes(mallory))
      expect(answers[i]!.body.error?.details).toContain('can not operate stale virtual ids');
  });
  const succeeded = requests.filter((_, i) => outcomes[i] === 'ok');
  const expected = [...new Set(succeeded.flatMap((r) => r.names))].sort();
  const final = await membersOf(request, sre!);
  expect(final).toEqual(expected);
  expect(new Set(final).size).toBe(final.length);
  const figures = `50 concurrent adds to sre: ${succeeded.length} succeeded, ${50 - succeeded.length} failed with SYS.1006 (Staled); the group holds ${final.length} members, each once`;
  test.info().annotations.push({ type: 'concurrency', description: figures });
  console.log(figures);
});
