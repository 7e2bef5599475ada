import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the Stripe.js look-alike, against the BUILT sandbox
 * (dist/index.js and dist/stripe-js.js). Not wired into the root config:
 *   npm run build && npx playwright test -c packages/stripe-sandbox/e2e
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  outputDir: join(tmpdir(), 'cartlift-stripe-sandbox-e2e'),
  workers: 1,
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CARTLIFT_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
