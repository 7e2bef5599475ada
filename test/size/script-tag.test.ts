import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, staticClosure } from './measure';

const cdn = path.resolve(import.meta.dirname, '../../packages/cartlift/dist/cdn');
const KB = 1024;

function firstDownload(): string[] {
  // cartlift.js (the loader) imports cartlift-boot.js, which imports its static chunks.
  return [path.join(cdn, 'cartlift.js'), ...staticClosure(path.join(cdn, 'cartlift-boot.js'))];
}

function chunk(prefix: string): string {
  const [name] = fs.readdirSync(path.join(cdn, 'chunks')).filter((f) => f.startsWith(`${prefix}-`));
  return path.join(cdn, 'chunks', name ?? 'missing');
}

describe('script-tag size budgets', () => {
  it('downloads at most 10 KB gzip before the first interaction', () => {
    expect(fs.existsSync(path.join(cdn, 'cartlift.js')), 'run `npm run build` first').toBe(true);
    const total = report('script tag before first interaction', firstDownload(), 10 * KB);
    expect(total).toBeLessThanOrEqual(10 * KB);
  });

  it('keeps the checkout (drawer, Preact, engine, stripe-js loader) to 25 KB gzip, loaded lazily', () => {
    const first = new Set(firstDownload());
    const checkout = staticClosure(chunk('checkout')).filter((f) => !first.has(f));
    const total = report('checkout chunk (everything but Stripe.js)', checkout, 25 * KB);
    expect(total).toBeLessThanOrEqual(25 * KB);
    expect([...first].some((f) => f.includes('checkout-')), 'the checkout chunk must not be in the first download').toBe(false);
    const firstCode = [...first].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(firstCode).not.toContain('showModal');
    expect(firstCode).not.toContain('js.stripe.com');
  });

  it("keeps the drawer's payment views (sheet, wallets, thank-you screen, paying) to a 6.5 KB chunk the cart does not wait for", () => {
    const first = new Set(firstDownload());
    const checkout = staticClosure(chunk('checkout'));
    expect(checkout.some((f) => path.basename(f).startsWith('payment-')), 'the cart view must render without the payment chunk').toBe(false);
    const payment = staticClosure(chunk('payment')).filter((f) => !first.has(f) && !checkout.includes(f));
    expect(report('payment chunk (sheet, wallets, thank-you screen)', payment, 6.5 * KB)).toBeLessThanOrEqual(6.5 * KB);
  });

  it('keeps cart-link and payment-return landing code out of the checkout chunk, in a 2 KB chunk fetched only on such pages', () => {
    const first = new Set(firstDownload());
    const checkout = staticClosure(chunk('checkout'));
    expect(checkout.some((f) => path.basename(f).startsWith('landing-')), 'opening the drawer must not download the landing code').toBe(false);
    expect([...first].some((f) => path.basename(f).startsWith('landing-')), 'nor the first download').toBe(false);
    const own = [chunk('landing')];
    expect(report('landing chunk (cart links, redirect returns)', own, 2 * KB)).toBeLessThanOrEqual(2 * KB);
  });

  it("keeps Cartlift.use('analytics') to 4.5 KB gzip, with GA4 and Segment as chunks fetched only when named", () => {
    const first = new Set(firstDownload());
    const analytics = staticClosure(chunk('analytics')).filter((f) => !first.has(f));
    const total = report("Cartlift.use('analytics') chunk (plugin + collector)", analytics, 4.5 * KB);
    expect(total).toBeLessThanOrEqual(4.5 * KB);
    for (const name of ['ga4', 'segment']) {
      expect(analytics.some((f) => path.basename(f).startsWith(`${name}-`)), `${name} must not load with the plugin`).toBe(false);
      const extra = staticClosure(chunk(name)).filter((f) => !first.has(f) && !analytics.includes(f));
      expect(report(`  + destinations: ['${name}']`, extra, 1.5 * KB)).toBeLessThanOrEqual(1.5 * KB);
    }
  });
});
