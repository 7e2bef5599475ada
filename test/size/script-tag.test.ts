import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, cdnBuilt, chunk, firstDownload, report, scriptTagFiles, staticClosure } from './measure';

const KB = 1024;

describe('script-tag size budgets', () => {
  it('downloads at most 10 KB gzip before the first interaction', () => {
    expect(cdnBuilt(), 'run `npm run build` first').toBe(true);
    expect(BUDGETS.first).toBe(10 * KB);
    const total = report('script tag before first interaction', scriptTagFiles().first, BUDGETS.first);
    expect(total).toBeLessThanOrEqual(BUDGETS.first);
  });

  it('keeps the checkout (drawer, Preact, engine, stripe-js loader) to 25 KB gzip, loaded lazily', () => {
    const first = new Set(firstDownload());
    expect(BUDGETS.checkout).toBe(25 * KB);
    const total = report('checkout chunk (everything but Stripe.js)', scriptTagFiles().checkout, BUDGETS.checkout);
    expect(total).toBeLessThanOrEqual(BUDGETS.checkout);
    expect(
      [...first].some((f) => f.includes('checkout-')),
      'the checkout chunk must not be in the first download',
    ).toBe(false);
    const firstCode = [...first].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(firstCode).not.toContain('showModal');
    expect(firstCode).not.toContain('js.stripe.com');
  });

  it("keeps the drawer's payment views (sheet, wallets, thank-you screen, paying) to a 6.5 KB chunk the cart does not wait for", () => {
    const checkout = staticClosure(chunk('checkout'));
    expect(
      checkout.some((f) => path.basename(f).startsWith('payment-')),
      'the cart view must render without the payment chunk',
    ).toBe(false);
    expect(BUDGETS.payment).toBe(6.5 * KB);
    expect(report('payment chunk (sheet, wallets, thank-you screen)', scriptTagFiles().payment, BUDGETS.payment)).toBeLessThanOrEqual(BUDGETS.payment);
  });

  it('keeps cart-link and payment-return landing code out of the checkout chunk, in a 2 KB chunk fetched only on such pages', () => {
    const first = new Set(firstDownload());
    const checkout = staticClosure(chunk('checkout'));
    expect(
      checkout.some((f) => path.basename(f).startsWith('landing-')),
      'opening the drawer must not download the landing code',
    ).toBe(false);
    expect(
      [...first].some((f) => path.basename(f).startsWith('landing-')),
      'nor the first download',
    ).toBe(false);
    expect(BUDGETS.landing).toBe(2 * KB);
    expect(report('landing chunk (cart links, redirect returns)', scriptTagFiles().landing, BUDGETS.landing)).toBeLessThanOrEqual(BUDGETS.landing);
  });

  it('keeps the phone\'s "added" bar out of the first download and the drawer, in a 1.5 KB chunk fetched on the first add on a small screen', () => {
    const first = new Set(firstDownload());
    const checkout = staticClosure(chunk('checkout'));
    expect(
      [...first, ...checkout].some((f) => path.basename(f).startsWith('toast-')),
      'neither the first download nor the drawer may carry the bar',
    ).toBe(false);
    expect(BUDGETS.toast).toBe(1.5 * KB);
    expect(report('toast chunk (the phone\'s "added" bar)', scriptTagFiles().toast, BUDGETS.toast)).toBeLessThanOrEqual(BUDGETS.toast);
  });

  it('keeps <cartlift-reviews> out of the first download and the drawer, in an 8 KB chunk fetched only by pages that have the element', () => {
    const first = new Set(firstDownload());
    const checkout = staticClosure(chunk('checkout'));
    expect(
      [...first, ...checkout].some((f) => path.basename(f).startsWith('reviews-')),
      'neither the first download nor the drawer may carry the reviews widget',
    ).toBe(false);
    expect(BUDGETS.reviews).toBe(8 * KB);
    expect(report('reviews chunk (<cartlift-reviews>)', scriptTagFiles().reviews, BUDGETS.reviews)).toBeLessThanOrEqual(BUDGETS.reviews);
  });

  it("keeps the sheet's per-country address forms (libaddressinput's data) in a 6 KB chunk that neither the cart nor the payment views wait for", () => {
    const first = new Set(firstDownload());
    const opened = [...staticClosure(chunk('checkout')), ...staticClosure(chunk('payment'))];
    expect(
      opened.some((f) => path.basename(f).startsWith('address-')),
      'the address data must load only as the sheet opens',
    ).toBe(false);
    expect([...first].some((f) => path.basename(f).startsWith('address-'))).toBe(false);
    expect(BUDGETS.address).toBe(6 * KB);
    expect(report('address chunk (per-country forms, libaddressinput data)', scriptTagFiles().address, BUDGETS.address)).toBeLessThanOrEqual(BUDGETS.address);
  });

  it("keeps Cartlift.use('analytics') to 5 KB gzip, with GA4 and Segment as chunks fetched only when named", () => {
    const files = scriptTagFiles();
    expect(BUDGETS.analytics).toBe(5 * KB);
    const total = report("Cartlift.use('analytics') chunk (plugin + collector)", files.analytics, BUDGETS.analytics);
    expect(total).toBeLessThanOrEqual(BUDGETS.analytics);
    for (const name of ['ga4', 'segment'] as const) {
      expect(
        files.analytics.some((f) => path.basename(f).startsWith(`${name}-`)),
        `${name} must not load with the plugin`,
      ).toBe(false);
      expect(BUDGETS[name]).toBe(1.5 * KB);
      expect(report(`  + destinations: ['${name}']`, files[name], BUDGETS[name])).toBeLessThanOrEqual(BUDGETS[name]);
    }
  });
});
