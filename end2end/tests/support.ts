import { type BrowserContext, expect, type Page, test as base } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** WCAG 2.0/2.1/2.2 level A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Problems a page caused in the browser: console errors, uncaught
 *  exceptions, failed requests and error responses. */
export type PageProblems = string[];

/** A test whose `problems` fixture records everything that went wrong in the
 *  browser; tests assert it is empty (or exactly what they expect). */
export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page, javaScriptEnabled, baseURL }, use) => {
    const problems: PageProblems = [];
    // Only the portal's own requests count; the test identity provider's
    // pages (and the favicon Chromium asks it for) are not under test.
    const ours = (url: string) => baseURL !== undefined && url.startsWith(baseURL);
    page.on('console', (message) => {
      // "Failed to load resource" repeats an error response, which the
      // response listener below records with its address.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      // With JavaScript off, Chromium refuses to fetch the hydration script
      // (reported as "csp"); that is the point of the no-JavaScript run.
      const scriptRefused = !javaScriptEnabled && reason === 'csp' && request.resourceType() === 'script';
      // Chromium cancels a page's pending subresource fetches (favicon,
      // icons, the preloaded WebAssembly) when the test navigates on before
      // they finished: net::ERR_ABORTED is the browser's doing. A failing
      // portal shows as an error status (below) or another network error;
      // an aborted page load itself still counts.
      const cancelledByNavigation = reason === 'net::ERR_ABORTED' && request.resourceType() !== 'document';
      if (!scriptRefused && !cancelledByNavigation && ours(request.url())) problems.push(`request failed: ${request.url()} ${reason}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && ours(response.url())) {
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
    await use(problems);
  },
});

export { expect };

/** Waits until the page is fully loaded and, with JavaScript on, hydrated
 *  (the WebAssembly bundle fetched and run). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

/** Runs axe-core with the WCAG A/AA rules on the page and expects no
 *  violations. axe is itself JavaScript, which a page with JavaScript off
 *  cannot run; there the same address is scanned in a second context whose
 *  own scripts are blocked, so axe sees exactly the server-rendered HTML that
 *  a browser without JavaScript shows. */
export async function expectAccessible(page: Page): Promise<void> {
  const jsOff = base.info().project.use.javaScriptEnabled === false;
  let target = page;
  let scratch: BrowserContext | undefined;
  if (jsOff) {
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser for the accessibility scan');
    // The same session (cookies), so a signed-in page is scanned as its user sees it.
    scratch = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
    await scratch.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.continue(),
    );
    target = await scratch.newPage();
    await target.goto(page.url());
  }
  // axe only flags a repeated id for review; a label, an error link or
  // aria-describedby pointing at the wrong field is a failure here.
  const repeatedIds = await target.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of Array.from(document.querySelectorAll('[id]'))) {
      seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    }
    return Array.from(seen).filter(([, count]) => count > 1).map(([id, count]) => `${id} ×${count}`);
  });
  expect(repeatedIds, `ids used more than once on ${page.url()}`).toEqual([]);
  const results = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
  await scratch?.close();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** What a caseworker types into the registration form for a request that
 *  came by letter, phone or e-mail (the citizen is always Carl Lavsikring). */
export interface Registration {
  /** The kind's label, e.g. "Indsigt". */
  kind: string;
  /** The channel's label, e.g. "Brev". */
  channel: string;
  /** The time of receipt, yesterday. */
  time: string;
  identity: string;
  about: string;
  /** The postal address; left empty when not given. */
  address?: string;
}

/** Fills in the registration form on the page `sara` is on. The date is
 *  yesterday's: a time today may still lie in the future (before 08:00,
 *  08:00 today does), and the UTC date is not Copenhagen's around midnight. */
export async function fillRegistration(sara: Page, registration: Registration): Promise<void> {
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  await sara.getByLabel(registration.kind, { exact: true }).check();
  await sara.getByLabel(registration.channel, { exact: true }).check();
  await sara.getByLabel('Modtaget dato').fill(yesterday);
  await sara.getByLabel('Modtaget klokkeslæt').fill(registration.time);
  await sara.getByLabel('Borgerens navn').fill('Carl Lavsikring');
  await sara.getByLabel('Borgerens CPR-nummer').fill('021170-1118');
  await sara.getByLabel('Hvordan er identiteten kontrolleret?').fill(registration.identity);
  await sara.getByLabel('Hvad drejer henvendelsen sig om?').fill(registration.about);
  if (registration.address) {
    await sara.getByLabel('Borgerens postadresse').fill(registration.address);
  }
}

/** Registers a request as `sara` (a signed-in caseworker) and returns the
 *  case page's address and the request's number. */
export async function registerRequest(
  sara: Page,
  registration: Registration,
): Promise<{ casePath: string; number: string }> {
  await sara.goto('/sagsbehandling/registrer');
  await settle(sara);
  await fillRegistration(sara, registration);
  await sara.getByRole('button', { name: 'Registrer' }).click();
  await expect(sara).toHaveURL(/\/sagsbehandling\/\d+\?besked=registreret$/);
  await settle(sara);
  const number = /H-\d{6}/.exec(await sara.getByRole('heading', { level: 1 }).innerText())?.[0] ?? '';
  expect(number).not.toBe('');
  return { casePath: new URL(sara.url()).pathname, number };
}
