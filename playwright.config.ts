import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browsers here: use Debian's Chromium
// (CARTLIFT_CHROMIUM overrides the path).
const executablePath = process.env.CARTLIFT_CHROMIUM ?? '/usr/bin/chromium';
const port = Number(process.env.CARTLIFT_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
    },
  },
  webServer: {
    command: `node examples/serve.mjs --port ${port} --strict-port`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
