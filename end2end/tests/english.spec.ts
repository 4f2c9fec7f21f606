import { expect, expectAccessible, settle, test } from './support';

// Indblik in English: the browser's languages choose it, the switch in the
// header changes it (and the choice is kept), and a page not yet written in
// English keeps its Danish content, marked as Danish and saying so.

test.describe('a browser that asks for English', () => {
  test.use({ locale: 'en-GB' });

  test('reads the front page in English and can switch to Danish and back', async ({ page, problems }) => {
    await page.goto('/');
    await settle(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('See who has used your personal data');
    await expect(page.getByRole('link', { name: 'Sign in with MitID' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Skip to the page\'s content' })).toBeAttached();
    await expectAccessible(page);

    const toDanish = page.getByRole('link', { name: 'Læs siden på dansk' });
    await expect(toDanish).toHaveAttribute('lang', 'da');
    await toDanish.click();
    await expect(page).toHaveURL('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se hvem der har brugt dine oplysninger');
    // The choice is kept over the browser's languages.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');

    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('See who has used your personal data');
    expect(problems).toEqual([]);
  });

  test('a page only in Danish is marked Danish and says so in English', async ({ page, problems }) => {
    await page.goto('/privatlivspolitik');
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How Indblik processes your data');
    await expect(page.locator('main')).toHaveAttribute('lang', 'en');
    // The citizen's log is not yet in English: after sign-in (with
    // JavaScript, pages change by the client router) its content stays
    // Danish, marked so, and the frame around it is English.
    await page.goto('/log-ind');
    await page.getByRole('button', { name: 'Anna Testesen' }).click();
    await expect(page).toHaveURL('/min-log');
    await settle(page);
    await expect(page.locator('main')).toHaveAttribute('lang', 'da');
    const notice = page.getByText('This page is only available in Danish for now.');
    await expect(notice).toBeVisible();
    await expect(page.locator('.alert').filter({ has: notice })).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hvem har set mine oplysninger?');
    await expect(page.locator('header.header').getByRole('button', { name: 'Sign out' }).first()).toBeAttached();
    await expectAccessible(page);
    await page.locator('footer').getByRole('link', { name: 'About the portal' }).click();
    await expect(page).toHaveURL('/om-portalen');
    await expect(page.locator('main')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('This page is only available in Danish for now.')).toHaveCount(0);
    expect(problems).toEqual([]);
  });
});
