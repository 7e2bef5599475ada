import { axeViolations as axe } from './axe';
import type { Page } from '@playwright/test';
import { drawer, holdQuotes, openCart, openStoreIn, pageCart } from './checkout-helpers';
import { expect, test } from './fixtures';
import { LOCALES, SCREENS, type ShopperLocale } from './screens';

// Issue 14, "Promotion messages" and "Returning shoppers": money in promotion
// names formatted like the totals, a free-shipping hint that says it counts
// after discounts, applied codes with what they save and refused ones gone
// from the list, add-ons shown as add-ons, unit price and line total, and a
// summary that keeps its place while the server re-prices — on a phone and a
// desktop, in English and Chinese, with 0 axe violations.

type Locale = ShopperLocale;

/** What the shopper reads, per locale (USD amounts as Intl formats them there). */
const words = {
  en: {
    addToCart: /Add to cart/,
    coupon: 'Coupon code',
    apply: 'Apply',
    more: (name: string) => `One more ${name}`,
    cup: 'Celadon tea cup',
    pot: 'Yixing clay teapot',
    warranty: '1-year breakage warranty',
    addWarranty: /Add \+\$9\.00.*warranty/i,
    firstOrder: '$5.00 off your first order',
    freeShippingHint: 'Add $19.00 more for free shipping from $50.00 after discounts.',
    each: '$18.00 each',
    lineTotal: '$36.00',
    welcomeSaves: /WELCOME10\s*−\$3\.10/,
    refused: 'Code NOPE10 is not valid.',
    updating: 'Updating prices…',
  },
  'zh-CN': {
    addToCart: /Add to cart/,
    coupon: '优惠码',
    apply: '使用',
    more: (name: string) => `${name} 加一件`,
    cup: '青瓷茶杯',
    pot: '宜兴紫砂壶',
    warranty: '一年破损保修',
    addWarranty: /加购 \+US\$9\.00.*一年破损保修/,
    firstOrder: '首单立减 US$5.00',
    freeShippingHint: '再买 US$19.00 免运费（折后满 US$50.00）',
    each: '单价 US$18.00',
    lineTotal: 'US$36.00',
    welcomeSaves: /WELCOME10\s*−US\$3\.10/,
    refused: '优惠码 NOPE10 无效。',
    updating: '正在更新价格…',
  },
} as const;

/** The celadon cup (second product) added `times` times from the product page, and the cart opened. */
async function cupsInCart(page: Page, locale: Locale, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByRole('button', { name: words[locale].addToCart }).nth(1).click();
  await openCart(page);
}

/** Waits until the drawer shows the server's price for the cart as it is now (no estimate, nothing pending). */
async function priced(page: Page, locale: Locale): Promise<void> {
  const d = drawer(page);
  await expect(d.locator('dl .total dt')).toHaveText(locale === 'en' ? 'Total' : '合计');
  await expect(d.getByText(words[locale].updating)).toHaveCount(0);
}

/** Starts collecting layout-shift entries (buffered), as CLS counts them: shifts without recent input. */
async function watchShifts(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Shift = { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    const w = window as unknown as { shifts: number[]; shiftSources: string[] };
    w.shifts = [];
    w.shiftSources = [];
    // What moved, so a failure names it: the node (class and text) and its rectangle before and after.
    const describe = ({ node, previousRect: a, currentRect: b }: Shift['sources'][number]) =>
      `${node?.nodeName}.${(node as Element | undefined)?.className ?? ''} "${node?.textContent?.slice(0, 40)}" ${a.x},${a.y} ${a.width}×${a.height} → ${b.x},${b.y} ${b.width}×${b.height}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) {
        if (entry.hadRecentInput) continue;
        w.shifts.push(entry.value);
        w.shiftSources.push(...entry.sources.map(describe));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const shifted = (page: Page) => page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0));

/**
 * Lets the browser's input window close (CLS ignores shifts within 500 ms
 * of an input) before the held quote is answered, so whatever moves when the
 * server's price lands is counted: the slow-network case a shopper sees.
 */
async function pastInputWindow(page: Page): Promise<void> {
  const since = await page.evaluate(() => performance.now());
  await expect.poll(() => page.evaluate(() => performance.now())).toBeGreaterThan(since + 600);
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use(screen.use);
    for (const locale of LOCALES) {
      const w = words[locale];

      test(`money in promotion names reads like the totals; the free-shipping hint says it counts after discounts (${locale})`, async ({ page, problems }) => {
        await openStoreIn(page, locale);
        await cupsInCart(page, locale, 2);
        await priced(page, locale);
        const d = drawer(page);
        // "{money:500} off your first order" from the demo config, formatted by the totals' Intl.NumberFormat.
        await expect(d.locator('[part=first-purchase]')).toHaveText(`✓ ${w.firstOrder}`);
        await expect(d.locator('dl .discount dt')).toHaveText([w.firstOrder]);
        // $36.00 of cups, $5.00 off the first order: $31.00 counts toward free shipping from $50.00.
        await expect(d.locator('[part=progress] p')).toHaveText(w.freeShippingHint);
        await expect(d).not.toContainText('{money');
        expect(await axe(page), 'drawer with a promotion name and a hint').toEqual([]);
        expect(problems.uncaught).toEqual([]);
      });

      test(`lines show the unit price and the line total; one price for one (${locale})`, async ({ page, problems }) => {
        await openStoreIn(page, locale);
        await cupsInCart(page, locale, 1);
        const line = drawer(page).locator('[part=line]').first();
        await expect(line).not.toContainText(w.each);
        await drawer(page)
          .getByRole('button', { name: w.more(w.cup) })
          .click();
        await expect(line.locator('.info')).toContainText(`${w.each} ${w.lineTotal}`);
        expect(await axe(page), 'drawer with unit prices').toEqual([]);
        expect(problems.uncaught).toEqual([]);
      });

      test(`an applied code shows what it saves; a refused one leaves the list after its message (${locale})`, async ({ page, problems }) => {
        await openStoreIn(page, locale);
        await cupsInCart(page, locale, 2);
        await priced(page, locale);
        const d = drawer(page);
        const coupon = d.getByRole('textbox', { name: w.coupon });
        await coupon.fill('WELCOME10');
        await d.getByRole('button', { name: w.apply, exact: true }).click();
        await expect(d.locator('.codes li')).toHaveText([new RegExp(`${w.welcomeSaves.source}`)]);
        await coupon.fill('NOPE10');
        await d.getByRole('button', { name: w.apply, exact: true }).click();
        // Said in the alert region, and the code itself is gone from the list (and from the cart).
        await expect(d.getByRole('alert').filter({ hasText: w.refused })).toBeVisible();
        await expect(d.locator('.codes li')).toHaveCount(1);
        await expect(d.locator('.codes')).not.toContainText('NOPE10');
        await expect.poll(async () => (await pageCart(page)).codes).toEqual(['WELCOME10']);
        expect(await axe(page), 'drawer with an applied and a refused code').toEqual([]);
        expect(problems.uncaught).toEqual([]);
      });

      test(`an add-on is a switch under its product, with no quantity stepper (${locale})`, async ({ page, problems }) => {
        await openStoreIn(page, locale);
        // The teapot (third product), then the cup: the warranty taken for the teapot is listed under the teapot.
        await page.getByRole('button', { name: w.addToCart }).nth(2).click();
        await cupsInCart(page, locale, 1);
        const d = drawer(page);
        await d.getByRole('button', { name: w.addWarranty }).click();
        const lines = d.locator('[part=line]');
        await expect(lines).toHaveCount(3);
        await expect(lines.nth(1)).toHaveClass('add-on');
        await expect(lines.nth(0)).toContainText(w.pot);
        const warranty = d.getByRole('checkbox', { name: w.warranty });
        await expect(warranty).toBeChecked();
        await expect(lines.nth(1).getByRole('button')).toHaveCount(0);
        expect(await axe(page), 'drawer with an add-on').toEqual([]);
        // Unticked with the keyboard: it leaves, and focus lands on the offer's Add button that takes its place.
        await warranty.focus();
        await page.keyboard.press('Space');
        await expect(lines).toHaveCount(2);
        await expect(d.getByRole('button', { name: w.addWarranty })).toBeFocused();
        await expect.poll(async () => (await pageCart(page)).lines.map((l) => l.key)).toEqual(['POT-YIXING', 'CUP-CELADON']);
        expect(problems.uncaught).toEqual([]);
      });

      test(`opening the drawer: the server's first price lands without moving the summary (the estimate has the shipping row too) (${locale})`, async ({
        page,
        problems,
      }) => {
        await openStoreIn(page, locale);
        const first = await holdQuotes(page);
        await cupsInCart(page, locale, 1);
        const d = drawer(page);
        await expect(d.locator('dl .total')).toBeVisible();
        await watchShifts(page);
        await pastInputWindow(page);
        first.release();
        await priced(page, locale);
        await page.unroute('**/api/cartlift/quote');
        const moved = await page.evaluate(() => (window as unknown as { shiftSources: string[] }).shiftSources);
        expect(await shifted(page), `layout shift as the first price lands; moved: ${moved.join('; ')}`).toBe(0);
        expect(problems.uncaught).toEqual([]);
      });

      test(`the summary keeps its place while the server re-prices a quantity and a code: CLS 0 in the drawer (${locale})`, async ({ page, problems }) => {
        await openStoreIn(page, locale);
        await cupsInCart(page, locale, 1);
        await priced(page, locale);
        await watchShifts(page);
        const d = drawer(page);

        const quantity = await holdQuotes(page);
        await d.getByRole('button', { name: w.more(w.cup) }).click();
        await expect(d.getByText(w.updating)).toBeVisible();
        await pastInputWindow(page);
        quantity.release();
        await priced(page, locale);
        await expect(d.locator('dl')).toContainText(w.lineTotal);
        await page.unroute('**/api/cartlift/quote');

        const code = await holdQuotes(page);
        await d.getByRole('textbox', { name: w.coupon }).fill('WELCOME10');
        await d.getByRole('button', { name: w.apply, exact: true }).click();
        await expect(d.getByText(w.updating)).toBeVisible();
        await pastInputWindow(page);
        code.release();
        await priced(page, locale);
        await expect(d.locator('dl .discount')).toHaveCount(2);
        await page.unroute('**/api/cartlift/quote');

        const moved = await page.evaluate(() => (window as unknown as { shiftSources: string[] }).shiftSources);
        expect(await shifted(page), `layout shift while re-pricing (sum of layout-shift values); moved: ${moved.join('; ')}`).toBe(0);
        expect(await axe(page), 'drawer after re-pricing').toEqual([]);
        expect(problems.uncaught).toEqual([]);
      });
    }
  });
}
