import { type Page } from '@playwright/test';

import { expect, expectAccessible, settle, test } from './support';

/** Installs a fake clock, signs Anna in and returns the idle warning. */
async function signInWithTheClockInstalled(page: Page) {
  await page.clock.install();
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Anna Testesen' }).click();
  await expect(page).toHaveURL('/min-log');
  await settle(page);
  return page.getByRole('alert').filter({ hasText: 'Du bliver snart logget ud' });
}

// The warning comes two minutes before the sign-out, which the page counts
// 10 seconds early (the server may end a session up to that long before the
// idle limit: app::idle::RENEWAL_STEP_SECONDS): at 12:50 after the last
// request, and the page leaves at 14:50.
// The warning is a timer in the page, so it exists only with JavaScript;
// without it a <noscript> refresh takes the page away at the idle limit and
// the server still ends the session on time (integration tests).
test('a signed-in citizen is warned before the idle sign-out and can stay signed in', async ({
  page,
  javaScriptEnabled,
  problems,
}) => {
  test.skip(!javaScriptEnabled, 'the idle warning is a JavaScript timer');
  const warning = await signInWithTheClockInstalled(page);

  await page.clock.fastForward('12:40');
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward('00:15');
  await expect(warning).toBeVisible();
  await expectAccessible(page);

  const renewal = page.waitForResponse((response) => response.url().includes('/api/session/keep-alive'));
  await warning.getByRole('button', { name: 'Bliv logget ind' }).click();
  expect((await renewal).status()).toBe(200);
  await expect(warning).toHaveCount(0);
  // The timer starts again from the renewal.
  await page.clock.fastForward('12:40');
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward('00:15');
  await expect(warning).toBeVisible();
  // Left alone, the page leaves for the signed-out page: nothing it showed
  // stays on the screen, and Back does not bring it back from a cache. The
  // server's session is still alive here (only seconds have really passed),
  // so the page says that only this page was closed.
  await page.clock.fastForward('01:40');
  await expect(page).toHaveURL(/\/min-log$/);
  await page.clock.fastForward('00:20');
  await expect(page).toHaveURL('/logget-ud?grund=inaktiv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden er lukket');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('typing in a form and changing pages are activity: the timer starts again', async ({
  page,
  javaScriptEnabled,
  problems,
}) => {
  test.skip(!javaScriptEnabled, 'the idle warning is a JavaScript timer');
  const warning = await signInWithTheClockInstalled(page);

  // A page change loads the page from the server, which renews the
  // session; the timer starts again from it.
  await page.clock.fastForward('10:00');
  await page.locator('header.header .navigation-menu').getByRole('link', { name: 'Ny henvendelse' }).click();
  await expect(page).toHaveURL('/henvendelser/ny');
  await page.locator('main a[href="/henvendelser/ny/indsigt"]').click();
  await expect(page).toHaveURL('/henvendelser/ny/indsigt');
  await settle(page);
  await page.clock.fastForward('12:40');
  await expect(warning).toHaveCount(0);

  // Typing renews the session (the server does not see keystrokes).
  const renewal = page.waitForResponse((response) => response.url().includes('/api/session/keep-alive'));
  await page.getByLabel('Hvad vil du have indsigt i?').pressSequentially('Alt om mig');
  expect((await renewal).status()).toBe(200);
  await page.clock.fastForward('12:40');
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward('00:20');
  await expect(warning).toBeVisible();
  // Typing while warned renews too, and the warning goes.
  await page.getByLabel('Hvad vil du have indsigt i?').pressSequentially(' igen');
  await expect(warning).toHaveCount(0);
  expect(problems).toEqual([]);
});
