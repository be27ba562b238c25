import { expect, isAddBackends, logIn, openServerGroupsPage, personas, stageIps, test } from './fixtures';
import { t } from './i18n';

/**
 * A thousand pasted lines, apart from the journeys: Playwright's trace takes a DOM snapshot at every step,
 * which with a thousand rows would make the run slow. How fast the paste is belongs to `npm run bench`.
 */
test.use({ trace: 'off' });

const weightInvalid = t('backends.weight.invalid', { min: 0, max: 100 });
const line = (n: number, reason: string, value: string) =>
  t('backends.ips.lineProblem', { line: n, reason, value });

test('a paste of a thousand addresses becomes rows, each bad line is pointed at, and nothing is sent', async ({
  page,
  sim,
}) => {
  await logIn(page, personas.admin);
  await openServerGroupsPage(page);
  const picker = page.getByRole('combobox', { name: t('serverGroups.picker') });
  await picker.click();
  // canary-pool: on http-80 (weighted round robin) with web-pool's web-1 (weight 100)
  await picker.fill('canary-pool');
  await page.getByRole('option', { name: /^canary-pool\b/ }).click();
  await expect(page.getByRole('heading', { name: t('serverGroups.lb.title') })).toBeVisible();
  const lines = Array.from({ length: 1000 }, (_, i) => `10.50.${i >> 8}.${i & 255} ${(i % 100) + 1}`);
  lines[10] = '10.50.999.1';
  lines[500] = '10.50.1.244 101';
  lines[700] = '10.50.2.188 abc';
  lines[997] = '10.50.0.0 30'; // the address of the first line again
  lines[998] = '10.50.3.230 5 x';
  await stageIps(page, lines.join('\n'));
  await expect(page.getByRole('table', { name: `${t('backends.staged.title')} (996)` })).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: t('backends.weight.for', { label: '10.50.3.231' }), exact: true }),
  ).toHaveValue('100');
  // the bad lines stay in the text area, each listed with its number there and what is wrong with it
  await expect(
    page.getByRole('list', { name: t('backends.ips.problemsLabel') }).getByRole('listitem'),
  ).toHaveText([
    line(1, t('backends.ip.invalid'), '10.50.999.1'),
    line(2, weightInvalid, '101'),
    line(3, weightInvalid, 'abc'),
    line(4, t('backends.lines.extra'), 'x'),
  ]);
  await expect(page.getByRole('textbox', { name: t('backends.ips.label') })).toHaveValue(
    '10.50.999.1\n10.50.1.244 101\n10.50.2.188 abc\n10.50.3.230 5 x',
  );
  // the repeated address became a row, marked as such
  const repeated = page.getByRole('textbox', {
    name: t('backends.weight.for', {
      label: t('backends.staged.repeated', { label: '10.50.0.0', row: 995 }),
    }),
    exact: true,
  });
  await expect(repeated).toHaveAttribute('aria-invalid', 'true');
  await expect(repeated).toHaveAccessibleDescription(t('backends.staged.duplicate'));

  const weight = page.getByRole('textbox', {
    name: t('backends.weight.for', { label: '10.50.0.0' }),
    exact: true,
  });
  const bar = page.getByRole('progressbar', {
    name: t('backends.shareFor', { label: '10.50.0.0' }),
    exact: true,
  });
  await expect(bar).toHaveAttribute('aria-valuetext', '<0.1%'); // 1 of 50,420
  await weight.fill('55');
  await expect(weight).toHaveValue('55');
  await expect(bar).toHaveAttribute('aria-valuetext', '0.1%'); // 55 of 50,474

  await page.getByRole('button', { name: t('backends.add.submit') }).click();
  await expect(page.getByText(t('backends.add.problems', { count: 1 }))).toBeVisible();
  expect((await sim.requests()).filter(isAddBackends)).toHaveLength(0);
});
