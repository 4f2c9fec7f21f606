import { execFileSync } from 'node:child_process';

import type { Page } from '@playwright/test';

import { expect, expectAccessible, settle, test } from './support';

// The half-yearly review of authorisations: the DPO starts a unit's review,
// its manager decides every person and completes it, the staff member marked
// for removal loses access, and the DPO restores them. The two browser modes
// run at the same time, so each takes its own unit and manager.

/** Runs `sql` on the test database and returns its first value. */
function sql(statement: string): string {
  return execFileSync('psql', [process.env.E2E_DATABASE_URL ?? '', '-qAtc', statement]).toString().trim();
}

async function signInAs(page: Page, name: string, landing: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/medarbejder/log-ind');
  await page.getByRole('button', { name }).click();
  await expect(page).toHaveURL(landing);
  await settle(page);
}

const UNITS = {
  javascript: { code: 'BS', name: 'Borgerservice', manager: 'Lene Leder' },
  'no-javascript': { code: 'JC', name: 'Jobcenter', manager: 'Jonna Jobcenterleder' },
};

test('a manager completes a review of authorisations', async ({ page }, testInfo) => {
  // Two sign-ins each way and a decision per person of the unit.
  test.setTimeout(120_000);
  const unit = UNITS[testInfo.project.name as keyof typeof UNITS];
  // A caseworker of the unit who has left: in the portal's staff, never signing in here.
  const leaver = `e2e-fratraadt-${Date.now()}`;
  const leaverName = `Frida Fratrådt ${leaver.slice(-5)}`;
  sql(`UPDATE authorisation_reviews SET completed_at = now(), completed_by = 'e2e'
       WHERE completed_at IS NULL AND org_unit_id = (SELECT id FROM org_units WHERE code = '${unit.code}')`);
  sql(`INSERT INTO staff_members (id, name, unit_code, roles, last_sign_in_at)
       VALUES ('${leaver}', '${leaverName}', '${unit.code}', '{caseworker}', now() - interval '200 days')`);

  await signInAs(page, 'Dan Databeskyttelse', '/dpo');
  await page.goto('/kontrol/autorisationer');
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gennemgang af autorisationer');
  await expect(page.getByText('skal kommunen selv fjerne', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: `Start gennemgang af ${unit.name}` }).click();
  await expect(page).toHaveURL(/\/kontrol\/autorisationer\/\d+$/);
  const review = new URL(page.url()).pathname;

  await signInAs(page, unit.manager, '/kontrol');
  await page.goto(review);
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gennemgang af autorisationer: ${unit.name}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Medarbejdere med adgang til Indblik' })).toBeVisible();
  await expectAccessible(page);

  // Completing before everyone is decided says how many are left.
  await page.getByRole('button', { name: 'Afslut gennemgangen' }).click();
  await settle(page);
  await expect(page.getByText('Gennemgangen kan ikke afsluttes', { exact: false }).first()).toBeVisible();
  await page.goto(review);
  await settle(page);

  // The leaver shows their (lack of) use beside the decision.
  const leaverCard = page.locator('article').filter({ hasText: leaverName });
  await expect(leaverCard.getByText('Log ind i perioden')).toBeVisible();
  await leaverCard.getByLabel('Fjern adgangen').check();
  await leaverCard.getByLabel('Bemærkning').fill('Fratrådt.');
  await leaverCard.getByRole('button', { name: `Gem vurderingen af ${leaverName}` }).click();
  await expect(page.getByText('Vurderingen er gemt.')).toBeVisible();
  await settle(page);

  // Everyone else keeps their access.
  const undecided = page.locator('article').filter({ hasText: 'Ikke vurderet endnu' });
  for (let left = await undecided.count(); left > 0; left = await undecided.count()) {
    const card = undecided.first();
    await card.getByLabel('Behold adgangen').check();
    await card.getByRole('button', { name: /^Gem vurderingen af / }).click();
    await expect(page.getByText('Vurderingen er gemt.')).toBeVisible();
    await settle(page);
    expect(await undecided.count()).toBeLessThan(left);
  }
  await expect(page.getByText('Alle er vurderet', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Afslut gennemgangen' }).click();
  await expect(page.getByText('Gennemgangen er afsluttet.')).toBeVisible();
  await settle(page);
  await expect(page.getByText(/Afsluttet af Jonna Jobcenterleder|Afsluttet af Lene Leder/).first()).toBeVisible();
  await expectAccessible(page);
  expect(sql(`SELECT deactivated_at IS NOT NULL FROM staff_members WHERE id = '${leaver}'`)).toBe('t');

  // The DPO sees who lost access, and can give it back.
  await signInAs(page, 'Dan Databeskyttelse', '/dpo');
  await page.goto('/kontrol/autorisationer');
  await settle(page);
  await page.getByRole('button', { name: `Giv ${leaverName} adgang igen` }).click();
  await expect(page.getByText('Medarbejderen har fået adgang til Indblik igen.')).toBeVisible();
  expect(sql(`SELECT deactivated_at IS NULL FROM staff_members WHERE id = '${leaver}'`)).toBe('t');
});

test('usage statistics show each employee’s use and who had none', async ({ page }) => {
  await signInAs(page, 'Dan Databeskyttelse', '/dpo');
  await page.goto('/kontrol/statistik');
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benyttelsesstatistik');
  await expect(page.getByRole('heading', { level: 2, name: 'Anvendelser pr. medarbejder og system' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Indbliks eget personale' })).toBeVisible();
  await expectAccessible(page);

  // A date that cannot be read is said at its field, and nothing is counted.
  // (A date field refuses an impossible date, so it goes in the address.)
  await page.goto('/kontrol/statistik?from=2026-02-30');
  await settle(page);
  await expect(page.getByText('Skriv datoen som ÅÅÅÅ-MM-DD', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Anvendelser pr. medarbejder og system' })).toHaveCount(0);

  // Borgerservice's manager sees only Borgerservice.
  await signInAs(page, 'Lene Leder', '/kontrol');
  await page.goto('/kontrol/statistik?unit=JC');
  await settle(page);
  await expect(page.getByLabel('Enhed')).toHaveValue('BS');
  await expectAccessible(page);
});
