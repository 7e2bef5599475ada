import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size (level 9, as CDNs serve) of a file. */
export function gzipSize(file: string): number {
  return gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/**
 * A JS module and every module it imports statically, transitively: what the
 * browser must download before the module runs. Dynamic import() is excluded.
 */
export function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["']([^"']+)["']/g)) {
      const spec = match[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
    }
  };
  visit(entry);
  return [...seen];
}

/** Prints a size table row and returns the total. */
export function report(label: string, files: string[], budget: number): number {
  const sizes = files.map((f) => [path.basename(f), gzipSize(f)] as const);
  const total = sizes.reduce((sum, [, s]) => sum + s, 0);
  const detail = sizes.map(([f, s]) => `${f} ${s} B`).join(' + ');
  console.log(`${label}: ${total} B gzip of ${budget} B budget (${((100 * total) / budget).toFixed(0)}%) = ${detail}`);
  return total;
}

const KB = 1024;
const cdn = path.resolve(import.meta.dirname, '../../packages/cartlift/dist/cdn');

/** The script tag's size budgets in bytes of gzip; docs quote them (test/size/docs.test.ts checks). */
export const BUDGETS = {
  first: 10 * KB,
  checkout: 25 * KB,
  payment: 6.5 * KB,
  landing: 2 * KB,
  reviewForm: 6 * KB,
  reviewLater: 1 * KB,
  toast: 1.5 * KB,
  address: 6 * KB,
  analytics: 5 * KB,
  ga4: 1.5 * KB,
  segment: 1.5 * KB,
  reviews: 8 * KB,
  ar: 2 * KB,
  qr: 5 * KB,
} as const;

export type Budgeted = keyof typeof BUDGETS;
export type Measured = Budgeted | 'loader';

export function cdnBuilt(): boolean {
  return fs.existsSync(path.join(cdn, 'cartlift.js'));
}

/** The built chunk whose name starts with `prefix-`. */
export function chunk(prefix: string): string {
  const [name] = fs.readdirSync(path.join(cdn, 'chunks')).filter((f) => f.startsWith(`${prefix}-`));
  return path.join(cdn, 'chunks', name ?? 'missing');
}

/** What the browser downloads before the first interaction. */
export function firstDownload(): string[] {
  // cartlift.js (the loader) imports cartlift-boot.js, which imports its static chunks.
  return [path.join(cdn, 'cartlift.js'), ...staticClosure(path.join(cdn, 'cartlift-boot.js'))];
}

/** The files each budget counts: each lazy chunk without what an earlier download already brought. */
export function scriptTagFiles(): Record<Measured, string[]> {
  const first = firstDownload();
  const checkout = staticClosure(chunk('checkout'));
  const analytics = staticClosure(chunk('analytics')).filter((f) => !first.includes(f));
  const payment = staticClosure(chunk('payment')).filter((f) => !first.includes(f) && !checkout.includes(f));
  const ar = staticClosure(chunk('ar')).filter((f) => !first.includes(f));
  return {
    loader: [path.join(cdn, 'cartlift.js')],
    first,
    checkout: checkout.filter((f) => !first.includes(f)),
    payment,
    landing: [chunk('landing')],
    reviewLater: staticClosure(chunk('remind')).filter((f) => !first.includes(f) && !checkout.includes(f)),
    reviewForm: staticClosure(chunk('review')).filter((f) => !first.includes(f)),
    toast: staticClosure(chunk('toast')).filter((f) => !first.includes(f)),
    address: staticClosure(chunk('address')).filter((f) => !first.includes(f) && !checkout.includes(f) && !payment.includes(f)),
    analytics,
    ga4: staticClosure(chunk('ga4')).filter((f) => !first.includes(f) && !analytics.includes(f)),
    segment: staticClosure(chunk('segment')).filter((f) => !first.includes(f) && !analytics.includes(f)),
    reviews: staticClosure(chunk('reviews')).filter((f) => !first.includes(f)),
    ar,
    qr: staticClosure(chunk('qr')).filter((f) => !first.includes(f) && !ar.includes(f)),
  };
}
