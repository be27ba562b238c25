import { adminSession, backendsTable, callZStack, chooseServerGroup, logIn, nicUuidOf, openServerGroupsPage, personas, stageNic, test, uuidsOf } from './fixtures';

const control = { 'X-Sim-Control': '1' };
for (const scheme of ['light', 'dark'] as const)
  test(`shots ${scheme}`, async ({ page, sim, request }) => {
    void sim;
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await request.post('/__sim/zwatch', { data: { enabled: true }, headers: control });
    const [canary] = await uuidsOf(request, '/load-balancers/servergroups', ['canary-pool']);
    const nic = await nicUuidOf(request, '10.0.0.12');
    await callZStack(request, await adminSession(request), 'POST', `/load-balancers/servergroups/${canary}/backendservers`, { params: { vmNics: [{ uuid: nic, weight: '40' }] } });
    await request.post('/__sim/zwatch/backends', { data: { ip: '10.0.0.11', up: false, listenerUuid: undefined }, headers: control });
    await request.post('/__sim/zwatch/backends', { data: { ip: '10.0.0.12', sessions: 500 }, headers: control });
    await logIn(page, personas.admin);
    await openServerGroupsPage(page);
    await chooseServerGroup(page, 'web-pool', 'web-pool');
    await stageNic(page, 'web-2');
    await page.waitForTimeout(500);
    for (const w of [1280, 1024, 768]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.screenshot({ path: `/tmp/shots/web-${scheme}-${w}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await chooseServerGroup(page, 'canary-pool', 'canary-pool');
    await backendsTable(page).getByRole('checkbox', { name: 'Select web-2' }).check();
    await page.getByRole('button', { name: /^Drain selected/ }).click();
    await page.getByText(/Open sessions/).waitFor();
    for (const w of [1280, 768]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.screenshot({ path: `/tmp/shots/canary-${scheme}-${w}.png`, fullPage: true });
    }
    await chooseServerGroup(page, 'shared-pool', 'shared-pool');
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.screenshot({ path: `/tmp/shots/shared-${scheme}-1024.png`, fullPage: true });
  });
