import { type Page } from '@playwright/test';

import { expect, expectAccessible, settle, test } from './support';

// A phone (320 CSS px at 3 device pixels each, as phones draw) and a
// 1280 × 800 laptop window at 200 % zoom (640 × 400 CSS px drawn at two
// device pixels each, which is what the browser's zoom does): DKFDS
// hides the main menu and "Log af" below 992 px, so the portal's mobile menu
// must carry them, with and without JavaScript, and nothing but a data table
// may need horizontal scrolling.

/** Whether the page is wider than the window (it would scroll sideways). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Opens the mobile menu; the desktop menu and "Log af" are hidden. */
async function openMobileMenu(page: Page) {
  await expect(page.locator('header.header .portal-user')).toBeHidden();
  await expect(page.locator('header.header .navigation-menu')).toBeHidden();
  const summary = page.locator('header.header details.mobile-menu > summary');
  await expect(summary).toBeVisible();
  await summary.click();
  const menu = page.locator('header.header .mobile-menu-content');
  await expect(menu).toBeVisible();
  return menu;
}

for (const screen of [
  { name: 'a 320 px phone', viewport: { width: 320, height: 640 }, deviceScaleFactor: 3 },
  { name: '1280 px at 200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
]) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });

    test('a citizen reaches every page of the menu and signs out', async ({ page, problems }) => {
      await page.goto('/log-ind');
      await page.getByRole('button', { name: 'Anna Testesen' }).click();
      await expect(page).toHaveURL('/min-log');
      await settle(page);
      expect(await scrollsSideways(page)).toBe(false);
      // The chart's labels would be unreadably small on a phone: there its
      // numbers are a table, shown at once; from 576 px the chart is drawn.
      const chart = page.locator('figure.access-chart');
      if (screen.viewport.width < 576) {
        await expect(chart.getByRole('img')).toBeHidden();
        await expect(chart.locator('.chart-narrow').getByRole('table')).toBeVisible();
      } else {
        await expect(chart.getByRole('img')).toBeVisible();
        await expect(chart.locator('.chart-narrow')).toBeHidden();
      }

      let menu = await openMobileMenu(page);
      await expect(menu.locator('.user')).toHaveText('Anna Testesen');
      await expectAccessible(page);
      await menu.getByRole('link', { name: 'Mine henvendelser' }).click();
      await expect(page).toHaveURL('/henvendelser');
      await settle(page);
      expect(await scrollsSideways(page)).toBe(false);

      menu = await openMobileMenu(page);
      await menu.getByRole('link', { name: 'Ny henvendelse' }).click();
      await expect(page).toHaveURL('/henvendelser/ny');
      await settle(page);
      expect(await scrollsSideways(page)).toBe(false);

      menu = await openMobileMenu(page);
      await menu.getByRole('button', { name: 'Log af' }).click();
      await page.getByRole('button', { name: 'Log ud' }).click();
      await expect(page).toHaveURL('/');
      await expect(page.locator('header.header details.mobile-menu')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Log ind med MitID' })).toBeVisible();
      expect(problems).toEqual([]);
    });

    test('a caseworker and the DPO reach their pages from the menu', async ({ page, problems }) => {
      for (const [account, landing, other, otherUrl] of [
        ['Sara Sagsbehandler', '/sagsbehandling', 'Registrer henvendelse', '/sagsbehandling/registrer'],
        ['Dan Databeskyttelse', '/dpo', 'Henvendelser', '/sagsbehandling'],
      ]) {
        await page.context().clearCookies();
        await page.goto('/medarbejder/log-ind');
        await page.getByRole('button', { name: account }).click();
        await expect(page).toHaveURL(landing);
        await settle(page);
        expect(await scrollsSideways(page)).toBe(false);
        const menu = await openMobileMenu(page);
        await expect(menu.getByRole('button', { name: 'Log af' })).toBeVisible();
        await expectAccessible(page);
        await menu.getByRole('link', { name: other, exact: true }).click();
        await expect(page).toHaveURL(otherUrl);
        await settle(page);
        expect(await scrollsSideways(page)).toBe(false);
      }
      expect(problems).toEqual([]);
    });
  });
}
