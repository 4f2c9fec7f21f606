import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, settle, test } from './support';

// Anna Testesen's demo story (server/src/demo_events.rs): she moved three
// days ago, the jobcentre read her case three times ten days ago, and more;
// one use is still hidden and must never show.
test('a citizen sees their log, filters it by system and downloads it as CSV', async ({ page, problems }) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Anna Testesen' }).click();
  await expect(page).toHaveURL('/min-log');
  await settle(page);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hvem har set mine oplysninger?');
  await expect(page.getByText('9 gange i perioden')).toBeVisible();
  const rows = page.locator('table.log-table tbody tr');
  await expect(rows).toHaveCount(7);
  await expect(rows.first()).toContainText('Borgerservice');
  await expect(rows.first()).toContainText('ændrede dine oplysninger');
  await expect(rows.first()).toContainText('CPR-registret');
  await expect(page.getByText('Sagen indgik i en politiefterforskning', { exact: false })).toBeVisible();
  await expect(page.getByText('Politiets efterforskning')).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Antal gange dine oplysninger er brugt, pr. måned' })).toBeVisible();
  await expect(rows.first().getByRole('link', { name: /^Spørg om denne brug – ændrede dine oplysninger/ })).toHaveAttribute(
    'href',
    /^\/henvendelser\/ny\?opslag=\d+$/,
  );
  await expectAccessible(page);

  await page.getByLabel('System', { exact: true }).selectOption({ label: 'Sags- og dokumentsystemet' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page).toHaveURL(/[?&]system=esdh/);
  await settle(page);
  await expect(page.getByText('3 gange i perioden')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Jobcenter');
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Hent som regneark (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('min-log.csv');
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toContain('Dato;Tidspunkt;Enhed');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('Jobcenter');
  expect(lines[1]).toContain(';3;nej;');
  expect(problems).toEqual([]);
});

test('the bulk toggle shows the collection run as one line', async ({ page, problems }) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Anna Testesen' }).click();
  await expect(page).toHaveURL('/min-log');
  await settle(page);
  await expect(page.getByText('1 linje fra masseudtræk')).toBeVisible();
  await page.getByLabel('Vis også masseudtræk').check();
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page).toHaveURL(/[?&]masse=1/);
  await settle(page);
  await expect(page.getByText('10 gange i perioden')).toBeVisible();
  await expect(page.locator('table.log-table tbody tr').filter({ hasText: 'Økonomi' })).toHaveCount(1);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
