import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const dataDir = (name: string) => fileURLToPath(new URL(`.e2e-data/${name}`, import.meta.url));

// Each product server gets its own embedded database and sandbox behaviour, so the specs
// can see slow steps and failing steps for real. The servers serve the built web app.
const servers = {
  // The sandbox carrier's review takes a second, so the go-live spec sees it pass live.
  main: { port: 4310, env: { SANDBOX_STEP_DELAY_MS: '400', SANDBOX_REVIEW_SECONDS: '1' } },
  failing: { port: 4311, env: { SANDBOX_STEP_DELAY_MS: '150', SANDBOX_FAIL_STEP: 'whatsapp:3' } },
  limited: { port: 4312, env: { SIGNUP_LIMIT_PER_ADDRESS: '1' } },
} as const;

const chromium = {
  ...devices['Desktop Chrome'],
  locale: 'de-DE',
  timezoneId: 'Europe/Berlin',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'main',
      testIgnore: /(failure|signup-limit)\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${servers.main.port}` },
    },
    {
      name: 'failing-provider',
      testMatch: /failure\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${servers.failing.port}` },
    },
    {
      name: 'signup-limit',
      testMatch: /signup-limit\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${servers.limited.port}` },
    },
  ],
  webServer: Object.entries(servers).map(([name, { port, env }]) => ({
    command: `rm -rf "${dataDir(name)}" && pnpm --filter @pilar/api serve`,
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir(name),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      PROVISIONING_RETRY_DELAY_SECONDS: '0',
      // Every spec signs up from 127.0.0.1; the limit has its own API test.
      SIGNUP_LIMIT_PER_ADDRESS: '100000',
      // Mail links lead back to this server; its built-in catcher serves them at /dev/mail.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: '',
      ...env,
    },
  })),
});
