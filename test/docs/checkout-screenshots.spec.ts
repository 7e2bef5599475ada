import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { type OwnServer, startOwnServer } from '../e2e/own-server';
import { LOCALES, SCREENS } from '../e2e/screens';
import { shopperTour } from '../e2e/shopper-tour';

// `npm run docs:screenshots`: the shopper's pictures in docs/checkout.md, made
// by walking the demo store on phone and desktop in English and Chinese — the
// same tour the e2e suite checks with axe at every stop.

const PORT = Number(process.env.CARTLIFT_E2E_PORT ?? 4173) + 22;
const out = fileURLToPath(new URL('../../docs/images/checkout/', import.meta.url));

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

let server: OwnServer;
test.beforeAll(async () => {
  fs.mkdirSync(out, { recursive: true });
  server = await startOwnServer(PORT, {});
});
test.afterAll(async () => {
  await server?.stop();
});

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ ...screen.use, deviceScaleFactor: 1 });
    for (const locale of LOCALES) {
      test(`the checkout on a ${screen.name} in ${locale}, as docs/checkout.md shows it`, async ({ page }) => {
        await shopperTour(page, locale, async (state) => {
          // Let transitions finish so the picture shows the settled state.
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 400))));
          await page.screenshot({ path: path.join(out, `${screen.short}-${locale}-${state}.png`) });
        });
      });
    }
  });
}
