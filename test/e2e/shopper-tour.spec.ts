import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { LOCALES, SCREENS } from './screens';
import { shopperTour } from './shopper-tour';

// Issue 14's "axe reports 0 violations in every state": the shopper's whole
// way, phone and desktop, English and Chinese, checked at every stop — the
// same stops `npm run docs:screenshots` photographs for docs/checkout.md.

for (const screen of SCREENS) {
  test.describe(`on a ${screen.name}`, () => {
    test.use(screen.use);
    for (const locale of LOCALES) {
      test(`a shopper in ${locale} meets 0 axe violations and no sideways scrolling from adding to paid`, async ({ page, problems }) => {
        test.slow();
        const seen: string[] = [];
        await shopperTour(page, locale, async (state) => {
          seen.push(state);
          expect(await axeViolations(page), `${state} (${locale}, ${screen.name})`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${state}: the page is wider than the screen`).toBeLessThanOrEqual(0);
        });
        expect(seen).toContain('paid');
        expect(problems.uncaught).toEqual([]);
      });
    }
  });
}
