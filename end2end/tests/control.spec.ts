import { execFileSync } from 'node:child_process';

import type { Page } from '@playwright/test';

import { expect, expectAccessible, settle, test } from './support';

/** Runs `sql` on the test database and returns its first value. */
function sql(statement: string): string {
  return execFileSync('psql', [process.env.E2E_DATABASE_URL ?? '', '-qAtc', statement]).toString().trim();
}

/** A name no other test or run uses. */
function fresh(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
}

async function signInAs(page: Page, name: string, landing: string): Promise<void> {
  await page.goto('/medarbejder/log-ind');
  await page.getByRole('button', { name }).click();
  await expect(page).toHaveURL(landing);
  await settle(page);
}

/** A sampled look-up of Mette's in the demo sample of Borgerservice. */
function sampledLookUp(caseReference: string, reason: string | null): void {
  const answered = reason === null ? 'NULL, NULL, NULL' : `'${reason}', 'Mette Medarbejder (medarbejder)', now()`;
  sql(`INSERT INTO sample_items (sample_id, actor, occurred_at, source_system_id, source_event_id,
           use_type, case_reference, reason, answered_by, answered_at)
       SELECT s.id, 'demo-medarbejder-bs', now() - interval '2 days', ss.id, '${caseReference}', 'read',
           '${caseReference}', ${answered}
       FROM samples s JOIN sampling_plans p ON p.id = s.plan_id, source_systems ss
       WHERE p.created_by = 'demo-data' AND ss.code = 'cpr'
       ORDER BY s.id DESC LIMIT 1`);
}

test('the DPO assesses a flag of an unusual look-up', async ({ page }) => {
  const actor = fresh('e2e-aktor');
  const flag = sql(`INSERT INTO log_flags (rule, actor, org_unit_id, day, raised_at)
                    SELECT 'outside_hours', '${actor}', id, current_date, now() FROM org_units WHERE code = 'BS'
                    RETURNING id`);
  sql(`INSERT INTO log_flag_events (flag_id, occurred_at, source_system_id, source_event_id)
       SELECT ${flag}, occurred_at, source_system_id, source_event_id FROM access_events
       WHERE source_event_id LIKE 'demo-control-evening%' LIMIT 1`);
  await signInAs(page, 'Dan Databeskyttelse', '/dpo');
  await page.goto('/kontrol/flag');
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Markeringer af usædvanlige opslag');
  await expect(page.getByText('En markering er en anledning til at spørge, ikke en dom', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('row').filter({ hasText: actor }).getByRole('link').click();
  await expect(page).toHaveURL(`/kontrol/flag/${flag}`);
  await settle(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Hændelserne bag markeringen' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /demo-control-evening/ })).toBeVisible();
  await expectAccessible(page);

  // Without an assessment and a note, the form says what is missing.
  await page.getByRole('button', { name: 'Gem vurderingen' }).click();
  await expect(page.getByText('Vælg en vurdering.').first()).toBeVisible();
  await page.getByLabel('Begrundet').check();
  await page.getByLabel('Note').fill('Vagtordning den aften; aftalt med enheden.');
  await page.getByRole('button', { name: 'Gem vurderingen' }).click();
  await expect(page).toHaveURL(`/kontrol/flag/${flag}?afgjort=1`);
  await expect(page.getByRole('status').filter({ hasText: 'Din vurdering er gemt.' })).toBeVisible();
  await expect(page.getByText('Vagtordning den aften; aftalt med enheden.')).toBeVisible();
  expect(sql(`SELECT status FROM log_flags WHERE id = ${flag}`)).toBe('justified');
});

test('an employee answers for a sampled look-up', async ({ page }) => {
  const caseReference = fresh('E2E-SAG');
  sampledLookUp(caseReference, null);
  await signInAs(page, 'Mette Medarbejder', '/sagsbehandling/stikproever');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mine stikprøver');
  await expectAccessible(page);
  const item = page.locator('article').filter({ hasText: caseReference });
  await expect(item).toHaveCount(1);
  await item.getByLabel('Hvorfor slog du op?').fill(`Flyttesag ${caseReference}`);
  await item.getByRole('button', { name: 'Gem begrundelsen' }).click();
  await expect(page).toHaveURL(/\/sagsbehandling\/stikproever\?besvaret=\d+#item-\d+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Det er gemt.' })).toBeVisible();
  await expect(page.locator('article').filter({ hasText: caseReference })).toContainText(`Flyttesag ${caseReference}`);
  expect(sql(`SELECT reason FROM sample_items WHERE source_event_id = '${caseReference}'`)).toBe(
    `Flyttesag ${caseReference}`,
  );
});

test("Borgerservice's manager reviews an answer", async ({ page }) => {
  const caseReference = fresh('E2E-SAG');
  sampledLookUp(caseReference, 'Borgeren ringede om sin flytning');
  await signInAs(page, 'Lene Leder', '/kontrol');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontrol af loggen');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Stikprøver til gennemsyn' }).click();
  await expect(page).toHaveURL('/kontrol/stikproever');
  await settle(page);
  await expectAccessible(page);
  const item = page.locator('article').filter({ hasText: caseReference });
  await expect(item).toContainText('Borgeren ringede om sin flytning');
  await expect(item).toContainText('Mette Medarbejder');
  await item.getByLabel('I orden').check();
  await item.getByLabel('Note').fill('Passer med sagen.');
  await item.getByRole('button', { name: 'Gem vurderingen' }).click();
  await expect(page).toHaveURL(/\/kontrol\/stikproever\?vurderet=\d+#item-\d+$/);
  await expect(page.locator('article').filter({ hasText: caseReference })).toContainText('Passer med sagen.');
  expect(sql(`SELECT review FROM sample_items WHERE source_event_id = '${caseReference}'`)).toBe('in_order');
  // The plans and their dates are not the manager's to see.
  const plans = await page.goto('/kontrol/stikproeveplaner');
  expect(plans?.status()).toBe(403);
});

// The citizen of the demo's control data (server/src/demo_control.rs), not a
// test user: a search is logged on the citizen, and the test users' logs are
// counted by other specs.
test('an investigator searches the raw log for a citizen without the number showing', async ({ page }) => {
  await signInAs(page, 'Ib Efterforsker', '/kontrol');
  await page.getByRole('link', { name: 'Søg i loggen' }).click();
  await expect(page).toHaveURL('/kontrol/log');
  await settle(page);
  await expectAccessible(page);
  await page.getByLabel('Borgerens CPR-nummer').fill('010190-1234');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Der er \d+ hændelser/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'demo-medarbejder-bs' }).first()).toBeVisible();
  await expect(page.getByText('Mette Medarbejder').first()).toBeVisible();
  expect(await page.content()).not.toContain('010190');
  await expect(page.getByLabel('Borgerens CPR-nummer')).toHaveValue('');
  await expect(page.getByLabel(/Søg fortsat på borgeren/)).toBeChecked();
  await expectAccessible(page);
});
