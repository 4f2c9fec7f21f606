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
    // Reached from an English page (with JavaScript, by the client router).
    await page.goto('/');
    await settle(page);
    await expect(page.locator('main')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: 'Privacy policy' }).click();
    await expect(page).toHaveURL('/privatlivspolitik');
    await settle(page);
    await expect(page.locator('main')).toHaveAttribute('lang', 'da');
    const notice = page.getByText('This page is only available in Danish for now.');
    await expect(notice).toBeVisible();
    await expect(page.locator('.alert').filter({ has: notice })).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sådan behandler Indblik dine oplysninger');
    // The frame around it is English.
    await expect(page.getByRole('link', { name: 'Privacy policy' })).toBeVisible();
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
