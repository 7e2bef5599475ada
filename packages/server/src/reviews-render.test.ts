import type { Review } from '@cartlift/reviews';
import { beforeAll, describe, expect, test } from 'vitest';
import { storeVariants, useHarness } from '../test/harness.js';

const SHOP = 'https://shop.example';
const T0 = Date.UTC(2025, 3, 1);
const XSS = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';

function review(i: number, sku: string, over: Partial<Review> = {}): Review {
  return {
    id: `rr${sku}${i}`,
    sku,
    rating: (1 + (i % 5)) as Review['rating'],
    title: `Title ${i}`,
    body: i % 2 ? '回甘很好' : 'A fine cup.',
    author: `Reader ${i}`,
    language: i % 2 ? 'zh-CN' : 'en',
    photos: i % 3 === 0 ? [{ url: `/photos/${i}.jpg` }] : [],
    attributes: {},
    helpful: 0,
    createdAt: T0 + i * 60_000,
    status: 'published',
    verified: i % 2 === 0,
    ...over,
  };
}

describe.each(storeVariants())('GET /reviews/render on $name', ({ open }) => {
  const h = useHarness(open, { allowedOrigins: [SHOP] });
  const get = (path: string, headers?: Record<string, string>) => h.call('GET', path, undefined, headers);

  beforeAll(async () => {
    for (let i = 0; i < 12; i++) await h.store.addReview(review(i, 'TEA-LJ-100'));
    await h.store.addReview(review(99, 'TEA-LJ-100', { status: 'pending', title: 'Pending one' }));
    await h.store.addReview(review(1, 'NOT-IN-CATALOG', { author: XSS, title: XSS, body: XSS }));
  }, 60_000);

  test('renders the same page GET /reviews answers, named from the catalog in the locale, with JSON-LD a search engine can parse', async () => {
    const { status, body, headers } = await get('/reviews/render?product=TEA-LJ-100&locale=zh-CN&rating=1,2&id=https://shop.example/tea%23product', {
      origin: SHOP,
    });
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe(SHOP);
    const page = (await get('/reviews?product=TEA-LJ-100&rating=1,2')).body;
    for (const r of page.reviews as Review[]) expect(body.html).toContain(`data-review-id="${r.id}"`);
    expect(body.html).not.toContain('Pending one');
    expect(body.html).toContain('aria-label="西湖龙井 100克 的评价"');
    expect(body.html).toContain('data-rating="1" aria-pressed="true"');
    const ld = JSON.parse(body.jsonLd);
    expect(ld).toMatchObject({
      '@type': 'Product',
      '@id': 'https://shop.example/tea#product',
      name: '西湖龙井 100克',
      sku: 'TEA-LJ-100',
      aggregateRating: { ratingValue: 2.75, reviewCount: 12 },
    });
    expect(ld.review).toHaveLength(page.reviews.length);
  });

  test('a product the catalog does not know takes its name from the URL, and its untrusted text stays text', async () => {
    const { status, body } = await get(`/reviews/render?product=NOT-IN-CATALOG&name=${encodeURIComponent('Jasmine <b>tea</b>')}`);
    expect(status).toBe(200);
    expect(body.html).toContain('Reviews of Jasmine &lt;b&gt;tea&lt;/b&gt;');
    expect(body.html).not.toContain('<img src=x');
    expect(body.html).not.toContain('<script>');
    expect(body.jsonLd).not.toContain('</script>');
    expect(JSON.parse(body.jsonLd).review[0].author.name).toBe(XSS);
  });

  test('format=html is a text/html fragment with the JSON-LD script, marked nosniff', async () => {
    const { status, body, headers } = await get('/reviews/render?product=TEA-LJ-100&format=html');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    const ld = /<script type="application\/ld\+json">(.*)<\/script>$/s.exec(body as string)?.[1];
    expect(JSON.parse(ld!).name).toBe('West Lake Longjing tea 100 g');
    expect(body).toMatch(/^<section class="cartlift-reviews"/);
  });

  test('bad input is a 400 naming every field: expected and received', async () => {
    const { status, body } = await get('/reviews/render?product=TEA-LJ-100&locale=fr&format=xml&rating=6&id=javascript:alert(1)');
    expect(status).toBe(400);
    expect(body.problems.map((p: { field: string }) => p.field)).toEqual(['rating', 'locale', 'format', 'id']);
    expect(body.error.message).toContain('locale must be "en" or "zh-CN"; received "fr".');
    expect(body.error.message).toContain('id must be an absolute http(s) URL');
    const missing = await get('/reviews/render?product=NOT-IN-CATALOG');
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('name');
    expect(missing.body.error.message).toContain("name is required for a product the catalog doesn't know");
    expect((await get('/reviews/render?product=TEA-LJ-100&cursor=abc')).status).toBe(400);
    expect((await get('/reviews/render')).body.error.field).toBe('product');
  });

  test('the database being unreachable is a 503 with Retry-After, not a 500', async () => {
    const store = h.store;
    const reviewPage = store.reviewPage;
    store.reviewPage = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    try {
      const { status, headers } = await get('/reviews/render?product=TEA-LJ-100');
      expect(status).toBe(503);
      expect(headers.get('retry-after')).toBeTruthy();
    } finally {
      store.reviewPage = reviewPage;
    }
  });
});
