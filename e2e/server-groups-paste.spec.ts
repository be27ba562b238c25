import { expect, isAddBackends, logIn, personas, test } from './fixtures';

/**
 * A thousand pasted lines, apart from the journeys: Playwright's trace takes a DOM snapshot at every step,
 * which with a thousand rows would make the run slow. How fast the paste is belongs to `npm run bench`.
 */
test.use({ trace: 'off' });

test('a paste of a thousand addresses becomes rows, each bad line is pointed at, and nothing is sent', async ({
  page,
  sim,
}) => {
  await logIn(page, personas.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Server groups' }).click();
  const picker = page.getByRole('combobox', { name: 'Server group' });
  await picker.click();
  // canary-pool: on http-80 (weighted round robin) with web-pool's web-1 (weight 100)
  await picker.fill('canary-pool');
  await page.getByRole('option', { name: /^canary-pool\b/ }).click();
  await expect(page.getByRole('heading', { name: 'Load balancer' })).toBeVisible();
  const lines = Array.from({ length: 1000 }, (_, i) => `10.50.${i >> 8}.${i & 255} ${(i % 100) + 1}`);
  lines[10] = '10.50.999.1';
  lines[500] = '10.50.1.244 101';
  lines[700] = '10.50.2.188 abc';
  lines[997] = '10.50.0.0 30'; // the address of the first line again
  lines[998] = '10.50.3.230 5 x';
  await page.getByRole('textbox', { name: 'IP addresses' }).fill(lines.join('\n'));
  await page.getByRole('button', { name: 'Add to list' }).click();
  await expect(page.getByRole('table', { name: 'To be added (996)' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Weight for 10.50.3.231', exact: true })).toHaveValue('100');
  // the bad lines stay in the text area, each listed with its number there and what is wrong with it
  await expect(page.getByRole('list', { name: 'Lines not added' }).getByRole('listitem')).toHaveText([
    'Line 1: Not a valid IPv4 or IPv6 address: "10.50.999.1"',
    'Line 2: Weight must be a whole number from 0 to 100: "101"',
    'Line 3: Weight must be a whole number from 0 to 100: "abc"',
    'Line 4: Unexpected text after the weight: "x"',
  ]);
  await expect(page.getByRole('textbox', { name: 'IP addresses' })).toHaveValue(
    '10.50.999.1\n10.50.1.244 101\n10.50.2.188 abc\n10.50.3.230 5 x',
  );
  // the repeated address became a row, marked as such
  const repeated = page.getByRole('textbox', { name: 'Weight for 10.50.0.0 (row 995)', exact: true });
  await expect(repeated).toHaveAttribute('aria-invalid', 'true');
  await expect(repeated).toHaveAccessibleDescription('Already in this list');

  const weight = page.getByRole('textbox', { name: 'Weight for 10.50.0.0', exact: true });
  const bar = page.getByRole('progressbar', { name: 'Share of traffic for 10.50.0.0', exact: true });
  await expect(bar).toHaveAttribute('aria-valuetext', '<0.1%'); // 1 of 50,420
  await weight.fill('55');
  await expect(weight).toHaveValue('55');
  await expect(bar).toHaveAttribute('aria-valuetext', '0.1%'); // 55 of 50,474

  await page.getByRole('button', { name: 'Add backend servers' }).click();
  await expect(page.getByText('1 row needs attention before sending.')).toBeVisible();
  expect((await sim.requests()).filter(isAddBackends)).toHaveLength(0);
});
