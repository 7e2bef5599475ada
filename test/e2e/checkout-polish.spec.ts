import { axeViolations as axe } from './axe';
import type { Page } from '@playwright/test';
import {
  cupAtCheckout,
  cupInCart,
  drawer,
  effort,
  fillCard,
  fillContact,
  newEmail,
  openCart,
  openStore,
  openStoreIn,
  pageCart,
  paidIntentId,
  recordEvents,
  recorded,
} from './checkout-helpers';
import { badgeCount, booted, expect, test } from './fixtures';
import { LOCALES, SCREENS, type ShopperLocale } from './screens';

// Issue 14, "A checkout that Chinese shoppers and phone shoppers trust": the
// funnel reports what shoppers did (no removals for a bought cart, no empty
// view_cart on the way back from Alipay), Buy now's sheet offers Cancel, a
// refused Pay puts focus on the field to fix, and no control breaks into a
// column of single characters — on a phone and a desktop, in English and Chinese.

type Locale = ShopperLocale;

/** What the shopper reads, per locale. */
const words = {
  en: {
    checkout: 'Checkout',
    pay: /^Pay /,
    buyNow: 'Buy now',
    cancel: 'Cancel',
    back: 'Back to cart',
    apply: 'Apply',
    coupon: 'Coupon code',
    email: 'Email',
    name: 'Full name',
    line1: 'Address',
    city: 'City',
    phone: 'Phone (optional)',
    state: 'State',
    stateChoice: 'California',
    // The last field of the default country's form (US: the ZIP code).
    last: 'ZIP code',
    remember: /Remember my details/,
    fix: 'Please correct the highlighted fields.',
  },
  'zh-CN': {
    checkout: '去结账',
    pay: /^支付 /,
    buyNow: '立即购买',
    cancel: '取消',
    back: '返回购物车',
    apply: '使用',
    coupon: '优惠码',
    email: '邮箱',
    name: '姓名',
    line1: '详细地址',
    city: '城市',
    // Required in China: couriers call before delivering.
    phone: '电话',
    state: '省份',
    stateChoice: '浙江省',
    // The last field of the default country's form (China: the street, after province, city and district).
    last: '详细地址',
    remember: /记住我的信息/,
    fix: '请修改标出的信息。',
  },
} as const;

/**
 * Records the named Cartlift events from the next page load on, through the
 * queue a shop's inline snippet uses (`Cartlift.push(['on', …])`), which is
 * replayed before anything the page's URL asks for (a return from Alipay)
 * can emit. Read them with `recorded`.
 */
async function recordEventsFromLoad(page: Page, names: string[]): Promise<void> {
  await page.addInitScript((names) => {
    const w = window as unknown as { recorded: unknown[]; Cartlift: unknown[] };
    w.recorded = [];
    w.Cartlift = [];
    for (const name of names) w.Cartlift.push(['on', name, (e: object) => w.recorded.push({ name, ...e })]);
  }, names);
}

/** Waits a rendering step and a task: effects scheduled by what is on screen have run. */
const settled = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));

/** The celadon cup in the cart, the drawer open on the checkout sheet, Pay ready (priced, Stripe mounted). */
async function openSheet(page: Page, locale: Locale): Promise<void> {
  await openStoreIn(page, locale);
  await cupAtCheckout(page, words[locale].checkout);
  await expect(drawer(page).getByRole('button', { name: words[locale].pay })).toBeEnabled();
}

test.describe('analytics report what the shopper did', () => {
  test('paying by card empties the cart without a remove_from_cart for the lines just bought', async ({ page, problems }) => {
    await openStore(page);
    await page
      .getByRole('button', { name: /Add to cart/ })
      .first()
      .click();
    await page.getByRole('button', { name: /Add two/ }).click();
    await openCart(page);
    await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
    await fillContact(page, effort(), newEmail('no-removal'));
    await fillCard(page, effort());
    await recordEvents(page, ['remove_from_cart', 'view_cart', 'purchase']);
    await drawer(page).getByRole('button', { name: /^Pay / }).click();
    await paidIntentId(page);
    await expect(badgeCount(page)).toHaveText('0');
    await settled(page);
    expect((await recorded(page)).map((e) => e.name)).toEqual(['purchase']);
    expect(problems.uncaught).toEqual([]);
  });

  test('opening an empty cart reports no view_cart (the funnel would count that shopper as having added to cart); the first line seen does', async ({
    page,
    problems,
  }) => {
    await openStore(page);
    await recordEvents(page, ['view_cart']);
    await openCart(page);
    // Escape closes the drawer once focus is in it: wait for the move, or a busy machine presses it too early.
    await expect(drawer(page).getByRole('heading', { level: 2 })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();
    expect(await recorded(page)).toEqual([]);
    await page
      .getByRole('button', { name: /Add to cart/ })
      .first()
      .click();
    await openCart(page);
    await expect.poll(async () => (await recorded(page)).map((e) => `${e.name}:${e.value}`)).toEqual(['view_cart:2400']);
    expect(problems.uncaught).toEqual([]);
  });

  test('the return from Alipay reports the purchase alone: no remove_from_cart, no view_cart of an empty cart, nor after a reload', async ({
    page,
    problems,
  }) => {
    await recordEventsFromLoad(page, ['remove_from_cart', 'view_cart', 'purchase']);
    await openStore(page);
    await cupInCart(page);
    // Opening the drawer on the cart is viewing it, with its value.
    await expect.poll(async () => (await recorded(page)).map((e) => `${e.name}:${e.value}`)).toEqual(['view_cart:1800']);
    await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
    await fillContact(page, effort(), newEmail('alipay-quiet'));
    await page.getByRole('tab', { name: 'Alipay' }).click();
    await drawer(page).getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('button', { name: /Authorize test payment/ }).click();
    await booted(page);
    const id = await paidIntentId(page);
    await expect(badgeCount(page)).toHaveText('0');
    await settled(page);
    const back = await recorded(page);
    expect(back.map((e) => e.name)).toEqual(['purchase']);
    expect(back[0]).toMatchObject({ transaction_id: id });

    // The thank-you screen again after a reload is no view of the cart either.
    await page.reload();
    await booted(page);
    await paidIntentId(page);
    await settled(page);
    expect(await recorded(page)).toEqual([]);
    expect(problems.uncaught).toEqual([]);
  });
});

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use(screen.use);

    for (const locale of LOCALES) {
      const w = words[locale];

      test(`Buy now's sheet offers ${w.cancel}, which closes it and leaves the cart as it was (${locale})`, async ({ page, problems }) => {
        await openStoreIn(page, locale);
        await page.getByRole('button', { name: /Add two/ }).click();
        await expect(badgeCount(page)).toHaveText('2');
        const before = (await pageCart(page)).lines;
        const buy = page.locator('cartlift-buy-button').getByRole('button', { name: w.buyNow });
        await buy.click();
        const d = drawer(page);
        await expect(d.getByLabel(w.email)).toBeVisible();
        // The teapot being bought is not in the cart: there is no cart to go back to.
        await expect(d.getByRole('button', { name: w.back })).toHaveCount(0);
        await d.getByRole('button', { name: w.cancel, exact: true }).click();
        await expect(drawer(page)).toHaveCount(0);
        await expect(badgeCount(page)).toHaveText('2');
        expect((await pageCart(page)).lines).toEqual(before);
        await expect(buy).toBeFocused();
        // An ordinary checkout still goes back to its cart.
        await openCart(page);
        await d.getByRole('button', { name: w.checkout, exact: true }).click();
        await expect(d.getByRole('button', { name: new RegExp(w.back) })).toBeVisible();
        await expect(d.getByRole('button', { name: w.cancel, exact: true })).toHaveCount(0);
        expect(problems.uncaught).toEqual([]);
      });

      test(`after a refused Pay, focus is on the first field to fix (${locale})`, async ({ page, problems }) => {
        await openSheet(page, locale);
        const d = drawer(page);
        await d.getByLabel(w.name).fill('Li Wei');
        await d.getByLabel(w.line1, { exact: true }).fill('1 West Lake Road');
        await d.getByRole('button', { name: w.pay }).click();
        await expect(d.getByRole('alert').filter({ hasText: w.fix })).toBeVisible();
        await expect(d.getByLabel(w.email)).toBeFocused();
        await expect(d.getByLabel(w.email)).toHaveAttribute('aria-invalid', 'true');
        await expect(d.getByLabel(w.city)).toHaveAttribute('aria-invalid', 'true');

        await d.getByLabel(w.email).fill(newEmail('focus'));
        await d.getByLabel(w.phone, { exact: true }).fill('+86 138 0013 8000');
        await d.getByLabel(w.city).fill('Hangzhou');
        await d.getByLabel(w.state).selectOption({ label: w.stateChoice });
        await d.getByLabel(w.last, { exact: true }).fill('  ');
        await d.getByRole('button', { name: w.pay }).click();
        await expect(d.getByLabel(w.last, { exact: true })).toBeFocused();
        await expect(d.getByLabel(w.last, { exact: true })).toHaveAttribute('aria-invalid', 'true');
        await expect(d.getByLabel(w.email)).not.toHaveAttribute('aria-invalid');
        expect(problems.uncaught).toEqual([]);
      });

      test(`"Remember my details" shares a row with its checkbox (${locale})`, async ({ page, problems }) => {
        await openSheet(page, locale);
        const box = drawer(page).getByLabel(w.remember);
        await expect(box).toBeVisible();
        const [checkbox, lines] = await box.evaluate((input: HTMLInputElement) => {
          const label = input.labels![0]!;
          const range = document.createRange();
          range.selectNodeContents(label);
          const rect = ({ left, right, top, bottom }: DOMRect) => ({ left, right, top, bottom, middle: (top + bottom) / 2 });
          return [rect(input.getBoundingClientRect()), [...range.getClientRects()].map(rect)] as const;
        });
        const first = lines[0]!;
        // The checkbox sits on the label's first line, at its left; a longer label wraps under itself, not under the box.
        expect(Math.abs(checkbox.middle - first.middle), 'checkbox and first line of its label share a row').toBeLessThanOrEqual(3);
        for (const line of lines) expect(line.left).toBeGreaterThan(checkbox.right);
        expect(problems.uncaught).toEqual([]);
      });

      test(`no button or label breaks into single characters; 0 axe violations in the drawer and the sheet (${locale})`, async ({ page, problems }) => {
        await openStoreIn(page, locale);
        await page
          .getByRole('button', { name: /Add to cart/ })
          .first()
          .click();
        // The teapot brings an add-on offer (its warranty) with its "Add +$9.00" button.
        await page
          .getByRole('button', { name: /Add to cart/ })
          .nth(2)
          .click();
        await openCart(page);
        const d = drawer(page);
        await d.getByRole('textbox', { name: w.coupon }).fill('WELCOME10');
        await d.getByRole('button', { name: w.apply, exact: true }).click();
        await expect(d.locator('.codes')).toContainText('WELCOME10');
        await d.getByRole('textbox', { name: w.coupon }).fill('SPRING99');
        await expect(d.locator('dl .total')).toBeVisible();
        expect(await brokenControls(page), 'drawer').toEqual([]);
        expect(await axe(page), 'drawer').toEqual([]);

        await d.getByRole('button', { name: w.checkout, exact: true }).click();
        await expect(d.getByRole('button', { name: w.pay })).toBeEnabled();
        await d.getByRole('button', { name: w.pay }).click();
        await expect(d.getByRole('alert').filter({ hasText: w.fix })).toBeVisible();
        expect(await brokenControls(page), 'checkout sheet with its errors').toEqual([]);
        expect(await axe(page), 'checkout sheet with its errors').toEqual([]);
        expect(problems.uncaught).toEqual([]);
      });
    }
  });
}

/**
 * The drawer's buttons, labels and legends whose text breaks badly: onto more
 * than two lines, with a line holding one CJK character alone, or (buttons)
 * wider than the control shows; and the drawer itself, if anything in it is
 * wider than the screen. Lines are found by laying out each character
 * (Range rects), so this measures what the shopper sees, in any font.
 */
function brokenControls(page: Page): Promise<string[]> {
  return page.locator('cartlift-drawer').evaluate((host) => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    const found: string[] = [];
    const dialog = host.shadowRoot!.querySelector('dialog')!;
    if (dialog.scrollWidth > dialog.clientWidth) found.push(`the drawer scrolls sideways: ${dialog.scrollWidth}px wide in ${dialog.clientWidth}px`);
    for (const control of host.shadowRoot!.querySelectorAll<HTMLElement>('button, label, legend')) {
      if (!control.checkVisibility()) continue;
      const lines: { middle: number; text: string }[] = [];
      const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest('.sr-only')) continue; // clipped to 1 px on purpose: read, not seen
        const text = node.data;
        for (let i = 0; i < text.length; ) {
          const char = String.fromCodePoint(text.codePointAt(i)!);
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + char.length);
          i += char.length;
          if (!char.trim()) continue;
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) continue;
          const middle = (rect.top + rect.bottom) / 2;
          const line = lines.find((l) => Math.abs(l.middle - middle) < rect.height / 2);
          if (line) line.text += char;
          else lines.push({ middle, text: char });
        }
      }
      const name = `<${control.localName}> "${lines.map((l) => l.text).join(' / ')}"`;
      if (lines.length > 2) found.push(`${name}: ${lines.length} lines`);
      for (const line of lines) if ([...line.text].length === 1 && cjk.test(line.text)) found.push(`${name}: "${line.text}" alone on a line`);
      if (control.localName === 'button' && control.scrollWidth > control.clientWidth + 1)
        found.push(`${name}: text ${control.scrollWidth}px wide in ${control.clientWidth}px`);
    }
    return found;
  });
}
