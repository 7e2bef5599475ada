import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browsers here: use Debian's Chromium
// (CARTLIFT_CHROMIUM overrides the path).
const executablePath = process.env.CARTLIFT_CHROMIUM ?? '/usr/bin/chromium';
const port = Number(process.env.CARTLIFT_E2E_PORT ?? 4173);
// The demo server as `npm start` runs it, with a fresh embedded database per run.
const dataDir = process.env.CARTLIFT_E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cartlift-e2e-'));
process.env.CARTLIFT_E2E_DATA_DIR = dataDir;
// The sandbox accepts only the secret key it was started with: one per run, shared by the demo server and the
// tests that check what reached "Stripe" (workers inherit it from this process).
process.env.CARTLIFT_SANDBOX_SECRET_KEY ??= `sk_test_e2e_${Math.random().toString(36).slice(2, 14)}`;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-quic',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node packages/server/dist/bin/cartlift-server.js --config examples/cartlift.config.json --static examples/script-tag --sandbox --port ${port} --strict-port --data-dir ${dataDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    env: { STRIPE_SECRET_KEY: '', CARTLIFT_SANDBOX_SECRET_KEY: process.env.CARTLIFT_SANDBOX_SECRET_KEY },
  },
});
