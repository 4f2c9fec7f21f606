import { readFile } from 'node:fs/promises';

import { expect, expectAccessible, settle, test } from './support';

// The request test walks two people through several pages.
test.describe.configure({ timeout: 120_000 });

// Indblik in English: the browser's languages choose it, the switch in the
// header changes it (and the choice is kept), and a citizen and a
// caseworker go through a request in English from filing to answer.

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

  test('a citizen files a request and a caseworker answers it, both in English', async ({ page, browser, problems }) => {
    // Bo (not Anna, whose log counts other specs check).
    await page.goto('/log-ind');
    await page.getByRole('button', { name: 'Bo Prøvesen' }).click();
    await expect(page).toHaveURL('/min-log');
    await settle(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who has seen my data?');
    await expect(page.getByRole('columnheader', { name: 'When' }).first()).toBeAttached();
    // What the municipality's systems deliver stays Danish, marked so.
    await expect(page.locator('table.log-table td[lang="da"]').first()).toBeAttached();
    await expectAccessible(page);
    await page.goto('/min-log?fra=31-02-2026');
    await settle(page);
    await expect(page.locator('.form-error-message')).toContainText('Write the date as day-month-year, e.g. 01-05-2026.');

    await page.goto('/henvendelser/ny');
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New request');
    await page.getByRole('link', { name: 'See the data the municipality holds about you' }).click();
    await settle(page);
    await page.getByRole('button', { name: 'Send request' }).click();
    await settle(page);
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByText('Correct what is marked, and send again')).toBeVisible();
    await expect(page.locator('.form-error-message')).toContainText('Write what your request is about.');
    await expectAccessible(page);
    await page.getByLabel('What do you want access to?').fill('Everything from the last year');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page).toHaveURL(/\/henvendelser\/\d+\/kvittering$/);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have received your request');
    await expect(page.getByRole('status')).toContainText(/The municipality will answer you by \d{1,2} [A-Z][a-z]+ \d{4} at the latest\./);
    await expect(page.getByText('Access (indsigt) (Article 15 of the General Data Protection Regulation)')).toBeVisible();
    const number = (await page.getByRole('status').locator('.alert-heading').innerText()).replace('Request ', '');
    expect(number).toMatch(/^H-\d{6}$/);
    await expectAccessible(page);
    const requestUrl = page.url().replace(/\/kvittering$/, '');

    // Sara reads the portal in English too.
    const context = await browser.newContext({
      locale: 'en-GB',
      javaScriptEnabled: test.info().project.use.javaScriptEnabled,
    });
    const sara = await context.newPage();
    await sara.goto('/medarbejder/log-ind');
    await sara.getByRole('button', { name: 'Sara Sagsbehandler' }).click();
    await expect(sara).toHaveURL('/sagsbehandling');
    await settle(sara);
    await expect(sara.getByRole('heading', { level: 1 })).toHaveText('Requests');
    const row = sara.getByRole('row').filter({ hasText: number });
    await expect(row).toContainText('Access (indsigt)');
    await expect(row).toContainText('Received');
    await expectAccessible(sara);
    await row.getByRole('link', { name: number }).click();
    await settle(sara);
    await expect(sara.getByRole('heading', { level: 1 })).toHaveText(`Access (indsigt) ${number}`);
    await sara.locator('summary', { hasText: /^Answer$/ }).click();
    await sara.getByLabel('Answer to the citizen').fill('Here are your data. Your log is attached.');
    await sara.getByRole('button', { name: 'Send answer' }).click();
    await settle(sara);
    await expect(sara.getByRole('status')).toContainText('The answer has been sent to the citizen.');
    await expectAccessible(sara);
    await context.close();

    // Bo filed in English: the answer's log is an English CSV.
    await page.goto(requestUrl);
    await settle(page);
    await expect(page.getByText('Answered', { exact: true })).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `log-${number}.csv` }).click(),
    ]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.split('\n')[0]).toContain('Date;Time;Unit;Authority;Action');
    // The one error response is the deliberately incomplete form (422).
    expect(problems).toEqual([expect.stringMatching(/^HTTP 422: .*\/henvendelser\/ny\/indsigt$/)]);
  });
});
