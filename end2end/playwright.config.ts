import { defineConfig } from '@playwright/test';

// The portal under test is started by Playwright from the binary that
// `cargo leptos build` produced, against the database given by the Makefile
// (a fresh one per run). Every spec runs twice: hydrated, and with JavaScript off.
const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL;
// The test MitID provider started by scripts/test.sh.
const citizenIssuer = process.env.TEST_CITIZEN_ISSUER ?? 'http://127.0.0.1:4100';
const staffIssuer = process.env.TEST_STAFF_ISSUER ?? 'http://127.0.0.1:4101';
if (!databaseUrl) {
  throw new Error('E2E_DATABASE_URL is not set; run the end-to-end tests with `make test` or `make e2e`');
}

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  globalTimeout: 15 * 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A Danish citizen's browser (Accept-Language: da-DK); english.spec.ts
    // asks for English.
    locale: 'da-DK',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    { name: 'javascript', use: { javaScriptEnabled: true } },
    { name: 'no-javascript', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: '../target/debug/server serve',
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      INDBLIK_CONFIG_FILE: '../scripts/development.toml',
      INDBLIK_DATABASE_URL: databaseUrl,
      INDBLIK_LISTEN_ADDR: `127.0.0.1:${port}`,
      INDBLIK_PUBLIC_URL: `http://127.0.0.1:${port}`,
      INDBLIK_SITE_ROOT: '../target/site',
      INDBLIK_LOG_FILTER: 'warn',
      INDBLIK_CITIZEN_OIDC_ISSUER: citizenIssuer,
      INDBLIK_STAFF_OIDC_ISSUER: staffIssuer,
      INDBLIK_SMTP_URL: process.env.TEST_SMTP_URL ?? 'smtp://127.0.0.1:4102',
    },
  },
});
