import { backendsTable, chooseServerGroup, logIn, openServerGroupsPage, personas, test } from './fixtures';
test('probe', async ({ page, sim }) => {
  void sim;
  await page.request.post('/__sim/zwatch', { data: { enabled: true }, headers: { 'X-Sim-Control': '1' } });
  await page.request.post('/__sim/zwatch/backends', { data: { ip: '10.0.0.11', up: false }, headers: { 'X-Sim-Control': '1' } });
  await page.setViewportSize({ width: 1024, height: 900 });
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  await chooseServerGroup(page, 'web-pool', 'web-pool');
  await page.waitForTimeout(500);
  const info = await backendsTable(page).evaluate((t) => ({
    table: t.getBoundingClientRect().width,
    parent: t.parentElement!.getBoundingClientRect().width,
    scroll: [t.parentElement!.scrollWidth, t.parentElement!.clientWidth, t.parentElement!.scrollLeft, getComputedStyle(t).tableLayout, t.style.minWidth, t.parentElement!.getAttribute('style')],
    ths: [...t.querySelectorAll('th')].map((th) => [th.textContent, Math.round(th.getBoundingClientRect().x), Math.round(th.getBoundingClientRect().width)]),
    cols: [...t.querySelectorAll('col')].map((c) => (c as HTMLElement).style.width),
  }));
  console.log(JSON.stringify(info));
});
