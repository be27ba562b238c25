import {
  addSection,
  backendsOf,
  chooseServerGroup,
  expect,
  expectError,
  logIn,
  nicUuidOf,
  openServerGroupsPage,
  personas,
  stagedWeight,
  stageIps,
  stageNic,
  test,
  uuidsOf,
} from './fixtures';
import { t } from './i18n';

/**
 * A node in its default locale (zh_CN) words the details of its errors in Chinese (the description stays
 * English: ZStack's error codes have no translation). The console shows what the node says and still marks
 * the rows an error names: it matches the UUIDs and IPs in the text, not its words.
 */
test.beforeEach(async ({ sim }) => {
  const zhNode = { locale: 'zh_CN', jobDurationMs: 300 } as const;
  await sim.config(zhNode);
});

test("an IP the group already uses: the node's Chinese details inline, that row marked, the others kept", async ({
  page,
  request,
}) => {
  const [webPool] = await uuidsOf(request, '/load-balancers/servergroups', ['web-pool']);
  const before = await backendsOf(request, webPool!);
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'web-pool', 'web-pool');
  await stageIps(page, '192.168.2.2 70\n10.0.0.11 20'); // 10.0.0.11: web-1, already a backend
  await page.getByRole('button', { name: t('backends.add.submit') }).click();

  await expectError(addSection(page).getByRole('alert'), {
    code: 'SYS.1006',
    description: 'An operation failed',
    details: `无法将后端服务器IP添加到ServerGroup[uuid：${webPool}]，因为IP[IPAddress：10.0.0.11]重复`,
  });
  await expect(stagedWeight(page, '10.0.0.11')).toHaveAttribute('aria-invalid', 'true');
  await expect(stagedWeight(page, '10.0.0.11')).toHaveValue('20');
  await expect(stagedWeight(page, '192.168.2.2')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(stagedWeight(page, '192.168.2.2')).toHaveValue('70');
  expect(await backendsOf(request, webPool!)).toEqual(before);
});

test('a NIC a listener of the group already reaches: the Chinese details name its UUID, that NIC marked', async ({
  page,
  request,
}) => {
  const [canaryPool] = await uuidsOf(request, '/load-balancers/servergroups', ['canary-pool']);
  const [http80] = await uuidsOf(request, '/load-balancers/listeners', ['http-80']);
  const web1Nic = await nicUuidOf(request, '10.0.0.11');
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'canary-pool', 'canary-pool');
  // web-1 is in web-pool, which shares listener http-80 with canary-pool
  await stageNic(page, 'web-1');
  await stageIps(page, '192.168.2.2 70');
  await page.getByRole('button', { name: t('backends.add.submit') }).click();

  await expectError(addSection(page).getByRole('alert'), {
    code: 'SYS.1006',
    description: 'An operation failed',
    details: `无法将VM NIC[uuid：[${web1Nic}]]添加到服务器组[uuid：${canaryPool}]，因为侦听程序[uuid：${http80}]已将此服务器组连接到要添加的NIC`,
  });
  await expect(stagedWeight(page, 'web-1')).toHaveAttribute('aria-invalid', 'true');
  await expect(stagedWeight(page, '192.168.2.2')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await backendsOf(request, canaryPool!)).toEqual([]);
});
