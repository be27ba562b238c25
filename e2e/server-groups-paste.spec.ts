import { expect, logIn, personas, test } from './fixtures';

/**
 * A thousand pasted lines, apart from the journeys: Playwright's trace takes a DOM snapshot at every step,
 * which with a thousand rows would make the run slow. How fast the paste is belongs to `npm run bench`.
 */
test.use({ trace: 'off' });

test('a paste of a thousand addresses becomes rows, and the one bad line is pointed at', async ({
  page,
  sim,
}) => {
  void sim;
  await logIn(page, personas.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Server groups' }).click();
  const picker = page.getByRole('combobox', { name: 'Server group' });
  await picker.click();
  await picker.fill('api-pool');
  await page.getByRole('option', { name: /^api-pool\b/ }).click();
  await expect(page.getByRole('heading', { name: 'Load balancer' })).toBeVisible();
  const lines = Array.from({ length: 1000 }, (_, i) => `10.50.${i >> 8}.${i & 255} ${(i % 100) + 1}`);
  lines[10] = '10.50.999.1';
  await page.getByRole('textbox', { name: 'IP addresses' }).fill(lines.join('\n'));
  await page.getByRole('button', { name: 'Add to list' }).click();
  await expect(page.getByRole('table', { name: 'To be added (999)' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Weight for 10.50.3.231', exact: true })).toHaveValue('100');
  const notAdded = page.getByRole('list', { name: 'Lines not added' });
  await expect(notAdded).toContainText('Line 1:');
  await expect(notAdded).toContainText('10.50.999.1');
  await expect(page.getByRole('textbox', { name: 'IP addresses' })).toHaveValue('10.50.999.1');
  const weight = page.getByRole('textbox', { name: 'Weight for 10.50.0.0', exact: true });
  const bar = page.getByRole('progressbar', { name: 'Share of traffic for 10.50.0.0' });
  await expect(bar).toHaveAttribute('aria-valuetext', '<0.1%'); // 1 of 50,489
  await weight.fill('55');
  await expect(weight).toHaveValue('55');
  await expect(bar).toHaveAttribute('aria-valuetext', '0.1%'); // 55 of 50,543
});
