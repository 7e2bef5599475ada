import path from 'node:path';
import { queryFromUrl, type Rating, type Review, renderReviews } from '@cartlift/reviews';
import { createCartliftHandler, type FetchHandler, openStore, type Store, scriptFiles, serve } from '@cartlift/server';
import { root } from './own-server';

/** The product the reviews e2e tests filter. */
export const TEA = 'TEA-LJ-100';
/** A product whose every review field holds an XSS payload. */
export const XSS_SKU = 'XSS-ITEM';

/** Payloads that would run script if any field were written as markup (each sets window.__xss or opens a dialog). */
export const XSS_CORPUS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><svg onload="window.__xss=2">',
  "'><script>window.__xss=3</script>",
  '</script><script>window.__xss=4</script>',
  '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
  'javascript:window.__xss=6',
  '<a href="javascript:window.__xss=7">x</a>',
  '<details open ontoggle="window.__xss=8">',
  '\u2028<style onload="window.__xss=9">',
  '<!--<img src=x onerror="window.__xss=10">-->',
];

const T0 = Date.UTC(2025, 3, 1);
// A 4×3 PNG, so photos have bytes to show.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEklEQVR4nGP4z8CAB+GTG8HSALfKY52fArSDAAAAAElFTkSuQmCC', 'base64');

/**
 * 30 published reviews of the tea, in English and Chinese: 1★ are r000 (photo),
 * r005 (photo) and r010, r015, r020, r025 (none); "smoky" is in r003 and r004,
 * "回甘" in r001, r007 and r013. One pending review that must never show.
 */
export function teaReviews(): Review[] {
  const reviews: Review[] = [];
  for (let i = 0; i < 30; i++) {
    const zh = i % 2 === 1;
    reviews.push({
      id: `r${String(i).padStart(3, '0')}`,
      sku: TEA,
      ...(i % 3 === 0 ? { variant: 'Spring 2025' } : {}),
      rating: (i % 5 === 0 ? 1 : 2 + (i % 4)) as Rating,
      title: zh ? `好茶 ${i}` : `Tea number ${i}`,
      body:
        i === 3 || i === 4 ? 'A smoky finish, like a campfire.' : [1, 7, 13].includes(i) ? '回甘很好，香气持久。' : zh ? '不错的绿茶。' : 'A fine green tea.',
      author: zh ? `读者${i}` : `Reader ${i}`,
      language: zh ? 'zh-CN' : 'en',
      photos: i === 0 || i === 5 || i === 12 ? [{ url: `/photos/${i}.png`, width: 160, height: 120 }] : [],
      attributes: i % 2 === 0 ? { strength: i % 4 === 0 ? 'mild' : 'strong' } : {},
      helpful: i % 7,
      notHelpful: 0,
      createdAt: T0 + i * 3_600_000,
      status: 'published',
      verified: i % 3 !== 2,
    });
  }
  reviews.push({ ...reviews[1]!, id: 'p000', status: 'pending', title: 'PENDING-NEVER-SHOWN' });
  return reviews;
}

/** One review per payload, each payload in every text field and as the photo URL and alt. */
export function xssReviews(): Review[] {
  return XSS_CORPUS.map((payload, i) => ({
    id: `x${i}`,
    sku: XSS_SKU,
    variant: payload,
    rating: (1 + (i % 5)) as Rating,
    title: payload,
    body: `${payload}\n\n${payload}`,
    author: payload,
    language: payload,
    photos: [
      { url: payload, alt: payload },
      { url: `/photos/${i}.png?${payload}`, alt: payload },
    ],
    attributes: { [payload]: payload },
    helpful: 1,
    createdAt: T0 + i,
    status: 'published',
    verified: true,
    reply: { body: payload, createdAt: T0 + i },
  }));
}

/** A page around the reviews block: a tall header so the block starts below the fold, and a footer after it. */
function page(options: { lang: string; title: string; body: string; jsonLd?: string }): string {
  return `<!doctype html><html lang="${options.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem; }
  .hero { height: 1400px; background: #eef3ee; }
  cartlift-reviews { display: block; min-height: var(--cartlift-reviews-min-height, 40rem); }
  .cartlift-reviews-bar[aria-pressed="true"], .cartlift-reviews-toggle[aria-pressed="true"] { font-weight: bold; outline: 2px solid #222; }
  :focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
  img { max-width: 100%; height: auto; }
</style>
${options.jsonLd ? `<script type="application/ld+json">${options.jsonLd}</script>` : ''}
</head><body><main><h1>${options.title}</h1><div class="hero"></div>${options.body}<footer><p>Footer of the shop</p></footer></main>
<script src="/cartlift.js" data-endpoint="/api/cartlift" data-currency="USD" data-locale="${options.lang}" defer></script>
</body></html>`;
}

export interface ReviewsShop {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/**
 * A shop's server as the docs describe one: the Cartlift handler under
 * /api/cartlift, the script-tag build, and product pages whose first HTML
 * carries `renderReviews` output and its JSON-LD (`/takeover`, `?product=XSS-ITEM`
 * for the payloads), or an empty
 * `<cartlift-reviews>` the widget fills near the viewport (`/lazy`, `/xss`).
 * `?lang=zh-CN` serves the Chinese page. Reviews are seeded through the store.
 */
export async function startReviewsShop(port: number): Promise<ReviewsShop> {
  const store = await openStore({ kind: 'pglite', memory: true });
  for (const review of [...teaReviews(), ...xssReviews()]) await store.addReview(review);
  const handler = createCartliftHandler({
    currency: 'USD',
    catalog: [{ sku: TEA, name: { en: 'West Lake Longjing tea', 'zh-CN': '西湖龙井' }, price: 2400, currency: 'USD' }],
    stripe: { secretKey: 'sk_test_reviews_e2e', publishableKey: 'pk_test_reviews_e2e', webhookSecret: 'whsec_reviews_e2e' },
    store,
    rateLimit: false,
  });
  const scripts = scriptFiles({ dir: path.join(root, 'packages/cartlift/dist/cdn') });
  const shop: FetchHandler = async (request, context) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/cartlift/')) return handler(request, context);
    const script = await scripts(request);
    if (script) return script;
    if (url.pathname.startsWith('/photos/')) return new Response(PNG, { headers: { 'content-type': 'image/png' } });
    const lang = url.searchParams.get('lang') === 'zh-CN' ? 'zh-CN' : 'en';
    const html = (body: string) => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    if (url.pathname === '/takeover') {
      const sku = url.searchParams.get('product') === XSS_SKU ? XSS_SKU : TEA;
      const query = queryFromUrl(url.search, sku);
      const reviewPage = await store.reviewPage(query, Date.now());
      const name = sku === XSS_SKU ? 'XSS item' : lang === 'zh-CN' ? '西湖龙井' : 'West Lake Longjing tea';
      const rendered = renderReviews({ ...reviewPage, product: { sku, name, '@id': `${url.origin}/takeover#product` } }, { locale: lang, query });
      return html(page({ lang, title: name, body: `<cartlift-reviews product="${sku}">${rendered.html}</cartlift-reviews>`, jsonLd: rendered.jsonLd }));
    }
    if (url.pathname === '/lazy' || url.pathname === '/xss') {
      const sku = url.pathname === '/xss' ? XSS_SKU : TEA;
      return html(page({ lang, title: sku, body: `<cartlift-reviews product="${sku}" name="${sku === TEA ? 'Longjing' : 'XSS item'}"></cartlift-reviews>` }));
    }
    return new Response('Not found', { status: 404 });
  };
  const running = await serve(shop, { port, host: '127.0.0.1', maxConnectionsPerAddress: false });
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      await running.close();
      await store.close();
    },
  };
}
