import { expect, settle, test } from './support';

// Keyboard and screen-reader users: the skip link and an error summary's
// links move focus to their target, and a form that comes back with errors
// says so in its title and puts focus on the summary. (Every page change is
// a page load, which browsers announce themselves: the portal has no client
// router, docs/decisions.md "Islands".)

test('the skip link moves focus to the main content', async ({ page, problems }) => {
  await page.goto('/om-portalen');
  await settle(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Gå til sidens indhold' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main-content')).toBeFocused();
  expect(problems).toEqual([]);
});

test('a form with errors focuses its summary, says so in the title, and its links focus the field', async ({
  page,
}) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Anna Testesen' }).click();
  await expect(page).toHaveURL('/min-log');
  await page.goto('/henvendelser/ny/indsigt');
  await settle(page);
  await page.getByRole('button', { name: 'Send henvendelse' }).click();
  await settle(page);
  const summary = page.getByRole('alert').filter({ hasText: 'Ret det, der er markeret, og send igen' });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Fejl: /);
  await summary.getByRole('link', { name: 'Skriv, hvad din henvendelse drejer sig om.' }).click();
  await expect(page.locator('textarea[name="about"]')).toBeFocused();
});
