import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/types.js';
import { loadCatalogFile } from '../catalog.js';
import { parseArgs } from './args.js';
import { demoReviews, listedProducts, seedDemoReviews } from './demo-reviews.js';

const examples = path.resolve(import.meta.dirname, '../../../../examples');
const catalog = JSON.parse(fs.readFileSync(path.join(examples, 'catalog.json'), 'utf8')) as { products: { sku: string; tags?: string[] }[] };
const NOW = Date.UTC(2026, 11, 1);

describe("the demo's reviews", () => {
  const reviews = demoReviews(catalog.products, NOW);

  test('about 40 published per product, in English and Chinese, every star, and 2 pending for the queue', () => {
    for (const { sku } of catalog.products) {
      const mine = reviews.filter((review) => review.sku === sku);
      const published = mine.filter((review) => review.status === 'published');
      expect(published).toHaveLength(40);
      expect(mine.filter((review) => review.status === 'pending')).toHaveLength(2);
      expect(new Set(published.map((review) => review.language))).toEqual(new Set(['en', 'zh-CN']));
      expect(new Set(published.map((review) => review.rating))).toEqual(new Set([1, 2, 3, 4, 5]));
      expect(published.filter((review) => review.photos.length > 0).length).toBeGreaterThanOrEqual(8);
      expect(published.filter((review) => review.rating === 1 && review.photos.length > 0).length).toBeGreaterThan(0);
    }
    expect(reviews.filter((review) => Object.keys(review.attributes).length > 0).length).toBeGreaterThan(80);
    expect(reviews.some((review) => review.reply)).toBe(true);
  });

  test('every photo is a file the demo serves', () => {
    const urls = new Set(reviews.flatMap((review) => review.photos.map((photo) => photo.url)));
    expect(urls.size).toBeGreaterThan(4);
    for (const url of urls) expect(fs.existsSync(path.join(examples, 'script-tag', url)), url).toBe(true);
  });

  test('the same reviews on every start, so ids are stable', () => {
    expect(demoReviews(catalog.products, NOW)).toEqual(reviews);
    expect(new Set(reviews.map((review) => review.id)).size).toBe(reviews.length);
  });
});

describe('seedDemoReviews', () => {
  let store: Store | undefined;
  afterAll(() => store?.close());

  test('adds them once: a second start adds none, and shoppers see 40 per product', async () => {
    store = await openStore({ kind: 'pglite', memory: true });
    expect(await seedDemoReviews(store, catalog.products, NOW)).toBe(42 * catalog.products.length);
    expect(await seedDemoReviews(store, catalog.products, NOW + 1000)).toBe(0);
    const page = await store.reviewPage({ product: 'CUP-CELADON', sort: 'helpful', limit: 10, rating: [1], media: true }, NOW);
    expect(page.summary.count).toBe(40);
    expect(page.total).toBeGreaterThan(0);
    expect(page.reviews.every((review) => review.rating === 1 && review.photos.length > 0)).toBe(true);
  });

  test("the start finds the products of the config's catalog file, a list or a loaded catalog", async () => {
    const loaded = await loadCatalogFile(path.join(examples, 'catalog.json'));
    expect(listedProducts(loaded).map((product) => product.sku)).toEqual(catalog.products.map((product) => product.sku));
    expect(listedProducts(catalog).length).toBe(catalog.products.length);
    expect(listedProducts(catalog.products).length).toBe(catalog.products.length);
  });

  test('npm start asks for them with --demo-reviews', () => {
    expect(parseArgs(['--demo-reviews']).demoReviews).toBe(true);
    expect(parseArgs([]).demoReviews).toBe(false);
    const scripts = JSON.parse(fs.readFileSync(path.join(examples, '../package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.start).toContain('--demo-reviews');
  });
});
