import { expect, type Page, test as base } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** WCAG 2.0/2.1/2.2 level A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Problems a page caused in the browser: console errors, uncaught
 *  exceptions, failed requests and error responses. */
export type PageProblems = string[];

/** A test whose `problems` fixture records everything that went wrong in the
 *  browser; tests assert it is empty (or exactly what they expect). */
export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page }, use) => {
    const problems: PageProblems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
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

/** Runs axe-core with the WCAG A/AA rules and expects no violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}
