import { expect, expectAccessible, settle, test } from './support';

test('a citizen signs in with MitID, sees their name, and signs out', async ({ page, problems }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Log ind med MitID' }).click();

  // The test MitID broker's login page lists the test citizens as buttons.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('MitID (test)');
  await page.getByRole('button', { name: 'Anna Testesen' }).click();

  await expect(page).toHaveURL('/min-log');
  await settle(page);
  const header = page.locator('header.header');
  await expect(header.locator('.portal-user .user')).toHaveText('Anna Testesen');
  await expect(header.getByRole('button', { name: 'Log af' })).toBeVisible();
  await expectAccessible(page);

  // The session cookie is HttpOnly: scripts in the page cannot read it.
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === 'indblik-dev-session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  expect(JSON.stringify(cookies)).not.toContain('2403819912');

  await header.getByRole('button', { name: 'Log af' }).click();
  // RP-initiated logout at the provider, then back to the landing page.
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('header.header .portal-user')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Log ind med MitID' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a citizen with too low an assurance level is refused with an explanation', async ({ page, problems }) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Carl Lavsikring' }).click();
  await expect(page).toHaveURL('/log-ind/afvist?grund=sikringsniveau');
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dit MitID giver ikke adgang til portalen');
  await expect(page.locator('header.header .portal-user')).toHaveCount(0);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
