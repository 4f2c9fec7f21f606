import { execFileSync } from 'node:child_process';

import { expect, expectAccessible, settle, test } from './support';

test('a caseworker signs in with the workforce identity and reaches casework', async ({ page, problems }) => {
  await page.goto('/medarbejder/log-ind');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Medarbejder-login (test)');
  await page.getByRole('button', { name: 'Sara Sagsbehandler' }).click();

  await expect(page).toHaveURL('/sagsbehandling');
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Henvendelser');
  await expect(page.locator('header.header .portal-user .user')).toHaveText('Sara Sagsbehandler, BS');
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('a citizen who opens casework is refused, and the DPO sees the attempt', async ({ page, browser, problems }) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Anna Testesen' }).click();
  await expect(page).toHaveURL('/min-log');
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
  await expect(dpo.getByRole('heading', { level: 1 })).toHaveText('Overblik for databeskyttelsesrådgiveren');
  const row = dpo.getByRole('row').filter({ hasText: 'page_forbidden' }).filter({ hasText: '/sagsbehandling' });
  await expect(row.first()).toContainText('borger');
  await expectAccessible(dpo);
  await dpoContext.close();
});

test('the DPO lifts a block', async ({ page, javaScriptEnabled }) => {
  // A block as the sign-in would make it after repeated rejections from an
  // address no browser here uses.
  const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  execFileSync('psql', [
    process.env.E2E_DATABASE_URL ?? '',
    '-qc',
    `INSERT INTO access_blocks (blocked_at, source_ip, rejections) VALUES (now(), '${address}', 5)`,
  ]);
  await page.goto('/medarbejder/log-ind');
  await page.getByRole('button', { name: 'Dan Databeskyttelse' }).click();
  await expect(page).toHaveURL('/dpo');
  await settle(page);
  const row = page.getByRole('row').filter({ hasText: `IP-adresse ${address}` });
  await expect(row).toHaveCount(1);
  await expectAccessible(page);
  const id = (await row.getByRole('cell').first().textContent())?.trim() ?? '';
  // Without a cause the form comes back to /dpo (Post/Redirect/Get) with the
  // error at its field and the choice kept.
  await page.getByLabel('Spærring', { exact: true }).selectOption(id);
  await page.getByRole('button', { name: 'Ophæv spærringen' }).click();
  await expect(page).toHaveURL('/dpo');
  await expect(page.getByRole('alert').filter({ hasText: 'Det, du sendte, blev ikke gemt' })).toBeFocused();
  await expect(page.locator('#lift-block-section').getByRole('alert')).toContainText(
    'Skriv, hvorfor spærringen ophæves',
  );
  await expect(page.getByLabel('Spærring', { exact: true })).toHaveValue(id);
  // The error is shown once, to this page load; the scan without JavaScript
  // loads the address again in its own context and would see the plain page,
  // so the page with the error is scanned in the run with JavaScript.
  if (javaScriptEnabled) await expectAccessible(page);
  await page.getByLabel('Spærring', { exact: true }).selectOption(id);
  await page.getByLabel('Årsag til ophævelsen').fill('Testadresse; ingen grund til spærring');
  await page.getByRole('button', { name: 'Ophæv spærringen' }).click();
  await expect(page).toHaveURL(new RegExp(`/dpo\\?ophaevet=${id}#adgangskontrol$`));
  await expect(page.getByRole('status').filter({ hasText: `Spærring nr. ${id} er ophævet` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: `IP-adresse ${address}` })).toHaveCount(0);
});
