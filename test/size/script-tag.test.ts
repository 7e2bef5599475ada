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

function checkoutChunk(): string {
  const [name] = fs.readdirSync(path.join(cdn, 'chunks')).filter((f) => f.startsWith('checkout-'));
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
    const checkout = staticClosure(checkoutChunk()).filter((f) => !first.has(f));
    const total = report('checkout chunk (everything but Stripe.js)', checkout, 25 * KB);
    expect(total).toBeLessThanOrEqual(25 * KB);
    expect([...first].some((f) => f.includes('checkout-')), 'the checkout chunk must not be in the first download').toBe(false);
    const firstCode = [...first].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(firstCode).not.toContain('showModal');
    expect(firstCode).not.toContain('js.stripe.com');
  });
});
