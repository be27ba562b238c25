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
  projects: [{ name: 'chromium' }],
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
