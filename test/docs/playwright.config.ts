import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// `npm run docs:screenshots`: the console's pictures in docs/console.md, made from the real console.
export default defineConfig({
  ...base,
  testDir: '.',
  webServer: undefined,
  workers: 1,
  timeout: 120_000,
});
