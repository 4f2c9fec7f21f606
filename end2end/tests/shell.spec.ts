import { expect, expectAccessible, settle, test } from './support';

const PUBLIC_PAGES = [
  { path: '/', link: 'Forside', heading: 'Se hvem der har brugt dine oplysninger' },
  { path: '/om-portalen', link: 'Om portalen', heading: 'Om portalen' },
  { path: '/tilgaengelighedserklaering', link: 'Tilgængelighedserklæring', heading: 'Tilgængelighedserklæring' },
  { path: '/privatlivspolitik', link: 'Privatlivspolitik', heading: 'Sådan behandler Indblik dine oplysninger' },
];

test('the landing page renders in Danish with DKFDS styles applied', async ({ page, problems }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await settle(page);

  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page).toHaveTitle('Forside · Indblik');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se hvem der har brugt dine oplysninger');

  // DKFDS conventions: the skip link comes first, then the header, then main.
  const firstLink = page.locator('body a').first();
  await expect(firstLink).toHaveClass(/skipnav/);
  await expect(firstLink).toHaveAttribute('href', '#main-content');
  await expect(page.locator('header.header .solution-info')).toContainText('Indblik');
  await expect(page.locator('header.header .authority-name')).toHaveText('Eksempel Kommune');
  await expect(page.locator('main#main-content')).toBeVisible();
  await expect(page.locator('footer .footer')).toBeVisible();

  // The stylesheet really applies: DKFDS sets 1rem = 10px, its own font, and
  // the primary button colour; the font file itself loads.
  const styles = await page.evaluate(async () => {
    await document.fonts.ready;
    const button = document.querySelector('a.button-primary');
    return {
      rootFontSize: getComputedStyle(document.documentElement).fontSize,
      bodyFont: getComputedStyle(document.body).fontFamily,
      buttonBackground: button ? getComputedStyle(button).backgroundColor : null,
      fontLoaded: document.fonts.check('16px "IBM Plex Sans"'),
    };
  });
  expect(styles.rootFontSize).toBe('10px');
  expect(styles.bodyFont).toContain('IBM Plex Sans');
  expect(styles.buttonBackground).not.toBeNull();
  expect(styles.buttonBackground).not.toBe('rgba(0, 0, 0, 0)');
  expect(styles.fontLoaded).toBe(true);

  await expect(page.getByRole('link', { name: 'Log ind med MitID' })).toHaveAttribute('href', '/log-ind');
  expect(problems).toEqual([]);
});

for (const { path, heading } of PUBLIC_PAGES) {
  test(`${path} has real content, no browser errors and no axe violations`, async ({ page, problems }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    // Real text, not a placeholder: several sections with paragraphs.
    expect(await page.locator('main h2').count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('main')).not.toContainText(/lorem ipsum|TODO|placeholder/i);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
}

test('the footer links reach every information page', async ({ page, problems }) => {
  await page.goto('/');
  await settle(page);
  for (const { path, link, heading } of PUBLIC_PAGES.slice(1)) {
    await page.locator('footer').getByRole('link', { name: link }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  expect(problems).toEqual([]);
});

test('an unknown address shows the DKFDS 404 page with the request reference', async ({ page, problems }) => {
  const response = await page.goto('/findes-ikke');
  expect(response?.status()).toBe(404);
  const reference = response?.headers()['x-request-id'];
  expect(reference).toMatch(/^[0-9a-f-]{36}$/);
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
  await expect(page.locator('main')).toContainText(`Reference: ${reference}`);
  await expect(page.locator('header.header')).toBeVisible();
  await expectAccessible(page);
  // The only failed response is the page itself.
  expect(problems).toEqual([`HTTP 404: ${page.url()}`]);
});

test('pages are sent with a content security policy and security headers', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
});

test('the fonts a page uses are preloaded, and nothing preloaded goes unused', async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'the browser reports its font faces to scripts');
  for (const path of ['/', '/om-portalen']) {
    await page.goto(path);
    await settle(page);
    await page.evaluate(() => document.fonts.ready);
    const preloaded = await page
      .locator('link[rel="preload"][as="font"]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname).sort());
    const used = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((name) => name.endsWith('.woff2'))
        .sort(),
    );
    expect([...new Set(used)]).toEqual(preloaded);
  }
});
