import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT) || 4173;
const baseURL = `http://127.0.0.1:${port}`;

/**
 * End-to-end journeys against the built console served by `vite preview` with the simulator mounted,
 * in Debian's Chromium (no browser download). One worker: the tests share one simulator, which each
 * test resets.
 */
export default defineConfig({
  testDir: './e2e',
  // e2e/*.test.ts are Vitest unit tests of the helpers
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL,
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    // The console follows the browser's language on a first visit: the suites run in English unless a
    // test asks for another locale, whatever the machine's own.
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The accessibility checks run again in the dark theme (the console follows the system's by default).
  projects: [
    { name: 'chromium' },
    { name: 'chromium-dark', testMatch: 'reliability-a11y.spec.ts', use: { colorScheme: 'dark' } },
  ],
  webServer: {
    command: `${process.env.E2E_SKIP_BUILD ? '' : 'npx vite build && '}npx vite preview --port ${port} --strictPort`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The suites read the node's English wording on the wire; e2e/zh-node.spec.ts switches to zh_CN (a node's
    // default) through the simulator's config control, and reset switches back.
    env: {
      SIM_JOB_MS: process.env.SIM_JOB_MS ?? '300',
      SIM_SCALE: process.env.SIM_SCALE ?? '0',
      SIM_LOCALE: process.env.SIM_LOCALE ?? 'en_US',
      // e2e/plain-http.spec.ts serves the console as http://console.test:<port>
      CONSOLE_ALLOWED_HOSTS: 'console.test',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
