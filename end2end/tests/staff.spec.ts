import { expect, expectAccessible, settle, test } from './support';

test('a caseworker signs in with the workforce identity and reaches casework', async ({ page, problems }) => {
  await page.goto('/medarbejder/log-ind');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Medarbejder-login (test)');
  await page.getByRole('button', { name: 'Sara Sagsbehandler' }).click();

  await expect(page).toHaveURL('/sagsbehandling');
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sagsbehandling');
  await expect(page.locator('header.header .portal-user .user')).toHaveText('Sara Sagsbehandler, BS');
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('a citizen who opens casework is refused, and the DPO sees the attempt', async ({ page, browser, problems }) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Anna Testesen' }).click();
  await expect(page).toHaveURL('/');
  await settle(page);

  const response = await page.goto('/sagsbehandling');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ingen adgang');
  await expect(page.getByText('Sagsbehandling', { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  expect(problems).toEqual([`HTTP 403: ${page.url()}`]);

  // The DPO, in a browser of their own, finds the registered attempt.
  const dpoContext = await browser.newContext();
  const dpo = await dpoContext.newPage();
  await dpo.goto('/medarbejder/log-ind');
  await dpo.getByRole('button', { name: 'Dan Databeskyttelse' }).click();
  await expect(dpo).toHaveURL('/dpo');
  await expect(dpo.getByRole('heading', { level: 1 })).toHaveText('Adgangskontrol');
  const row = dpo.getByRole('row').filter({ hasText: 'page_forbidden' }).filter({ hasText: '/sagsbehandling' });
  await expect(row.first()).toContainText('borger');
  await expectAccessible(dpo);
  await dpoContext.close();
});
