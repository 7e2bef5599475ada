import { describe, expect, it } from 'vitest';
import { escapeHtml, safePhotoUrl, serializeJsonLd } from './escape.js';
import { type ReviewProduct, productJsonLd } from './json-ld.js';
import type { Rating, Review, ReviewPage } from './model.js';
import { renderReviews } from './render.js';

const APRIL_1 = Date.UTC(2025, 3, 1, 12);

function review(overrides: Partial<Review> = {}): Review {
  return {
    id: 'r1',
    sku: 'TEA-LJ-100',
    rating: 5,
    title: 'Fresh and sweet',
    body: 'Bright green leaves.\n\nBrews three times.',
    author: 'Li Wei',
    language: 'en',
    photos: [],
    attributes: {},
    helpful: 0,
    createdAt: APRIL_1,
    status: 'published',
    verified: false,
    ...overrides,
  };
}

function page(reviews: Review[], overrides: Partial<ReviewPage> = {}): ReviewPage & { product: ReviewProduct } {
  const published = reviews.filter((r) => r.status === 'published');
  const average = published.length ? published.reduce((a, r) => a + r.rating, 0) / published.length : 0;
  const ratings = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of published) ratings[r.rating] += 1;
  return {
    reviews,
    total: published.length,
    facets: { ratings, withPhotos: 0, verified: 0, variants: {}, attributes: {}, topics: [] },
    summary: { count: published.length, average, rankingScore: 0 },
    product: { sku: 'TEA-LJ-100', name: 'Longjing tea', url: 'https://shop.example/tea', '@id': 'https://shop.example/tea#product' },
    ...overrides,
  };
}

/** Pulls the JSON-LD back out of a page the way a crawler does: up to the first `</script>`. */
function extractJsonLd(html: string): unknown {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no JSON-LD script');
  return JSON.parse(match[1]!);
}

const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '<!--<script>alert(1)</script>-->',
  'line\u2028separator\u2029paragraph</script>',
  '" autofocus onfocus="alert(1)',
  "' onmouseover='alert(1)",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<style>body{display:none}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  ']]><script>alert(1)</script>',
  "{{constructor.constructor('alert(1)')()}}",
  '<img src=x onerror=alert(1)//',
  '\u0000<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<svg><script>alert(1)</script></svg>',
  '"onerror="alert(1)',
  '</title><script>alert(1)</script>',
  '<form action=javascript:alert(1)><button>go</button></form>',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '<!-- <script',
];

const BAD_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\nscript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'https://cdn.example/a.jpg" onerror="alert(1)',
  '',
];

/** Tags the renderer writes, and the attributes it gives them. */
const TAGS = new Set([
  'section',
  'h2',
  'h3',
  'div',
  'p',
  'span',
  'strong',
  'ul',
  'ol',
  'li',
  'button',
  'meter',
  'article',
  'time',
  'dl',
  'dt',
  'dd',
  'img',
  'br',
  'form',
  'label',
  'input',
  'select',
  'option',
]);
const ATTRIBUTES = new Set([
  'class',
  'data-sku',
  'aria-label',
  'aria-hidden',
  'aria-pressed',
  'type',
  'data-rating',
  'min',
  'max',
  'value',
  'role',
  'datetime',
  'data-review-id',
  'lang',
  'src',
  'alt',
  'width',
  'height',
  'loading',
  'decoding',
  'name',
  'maxlength',
  'selected',
  'data-filter',
  'data-value',
  'data-cursor',
  'data-vote',
]);

/**
 * Parse-free proof that HTML holds only our markup: every "<" opens one of our
 * tags, whose attributes are ours, double-quoted, with values that can't end
 * the quote; no event handler, no script, no javascript: URL.
 */
function expectOnlyOurMarkup(html: string) {
  expect(html).not.toMatch(/<script/i);
  const tags = [...html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>/g)];
  expect(tags.length, 'every "<" starts a tag of ours').toBe(html.split('<').length - 1);
  for (const [, , name, attrs] of tags) {
    expect(TAGS.has(name!), `tag <${name}>`).toBe(true);
    expect(attrs, `attributes of <${name}>`).toMatch(/^(\s+[a-z-]+="[^"<>]*")*$/);
    for (const [, attr, value] of attrs!.matchAll(/\s+([a-z-]+)="([^"]*)"/g)) {
      expect(ATTRIBUTES.has(attr!), `attribute ${attr}`).toBe(true);
      expect(attr).not.toMatch(/^on/);
      if (attr === 'src') expect(safePhotoUrl(value!.replace(/&amp;/g, '&'))).toBeDefined();
    }
  }
  // Outside quoted values, which the checks above proved can't end early.
  const bare = html.replace(/="[^"]*"/g, '=""');
  expect(bare).not.toMatch(/<[^>]*\son\w+=/i);
  expect(html).not.toMatch(/(src|href|action)="\s*javascript:/i);
}

describe('renderReviews: untrusted text stays text', () => {
  const reviews = XSS.map((payload, i) =>
    review({
      id: payload,
      title: payload,
      body: payload,
      author: payload,
      language: payload,
      variant: payload,
      attributes: { [payload]: payload, size: payload },
      photos: [
        { url: BAD_URLS[i % BAD_URLS.length]!, alt: payload },
        { url: `/photos/${i}.webp`, alt: payload, width: 640, height: 480 },
      ],
      reply: { body: payload, createdAt: APRIL_1 },
      helpful: 1,
    }),
  );
  const data = { ...page(reviews), product: { sku: 'TEA-LJ-100', name: XSS.join(' '), '@id': XSS[4]!, url: XSS[3]!, brand: XSS[1]!, image: XSS[0]! } };

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`writes no markup of the reviews' own (${locale}, ${XSS.length} payloads through every field)`, () => {
      const { html } = renderReviews(data, { locale });
      expectOnlyOurMarkup(html);
      for (const payload of XSS) {
        const shown = escapeHtml(payload.trim());
        expect(html, payload).toContain(`<h3 class="cartlift-review-title">${escapeHtml(payload)}</h3>`);
        expect(html).toContain(`<span class="cartlift-review-author">${escapeHtml(payload)}</span>`);
        expect(html).toContain(`<div><dt>${escapeHtml(payload)}</dt><dd>${escapeHtml(payload)}</dd></div>`);
        expect(html).toContain(`alt="${escapeHtml(payload.trim())}"`);
        expect(html).toContain(shown);
      }
      expect(html).toContain(`aria-label="${escapeHtml(locale === 'en' ? `Reviews of ${data.product.name}` : `${data.product.name} 的评价`)}"`);
    });
  }

  it('drops photo URLs other than http(s) and relative ones, and keeps those', () => {
    const { html } = renderReviews(data, { locale: 'en' });
    expect(html.match(/<img /g)).toHaveLength(XSS.length);
    expect(html).toContain('<img src="/photos/0.webp" alt="&lt;script&gt;alert(1)&lt;/script&gt;" width="640" height="480" loading="lazy" decoding="async">');
    for (const url of BAD_URLS) expect(safePhotoUrl(url), JSON.stringify(url)).toBeUndefined();
    for (const url of ['https://cdn.example/a.jpg', 'HTTP://cdn.example/a.jpg', '//cdn.example/a.jpg', '/p/1.webp', 'p/1.webp?x=1&y=2'])
      expect(safePhotoUrl(url)).toBe(url);
  });

  it('writes lang only for a real language tag', () => {
    const { html } = renderReviews(page([review({ id: 'a', language: 'zh-CN' }), review({ id: 'b', language: XSS[1]! })]), { locale: 'en' });
    expect(html).toContain('data-review-id="a" lang="zh-CN"');
    expect(html).toContain('data-review-id="b">');
  });

  it('keeps the JSON-LD inside its script element, and it reads back the original strings', () => {
    const { html, jsonLd } = renderReviews(data, { locale: 'en' });
    expect(jsonLd).not.toMatch(/[<>&\u2028\u2029]/);
    const embedded = `${html}<script type="application/ld+json">${jsonLd}</script>`;
    const parsed = extractJsonLd(embedded) as any;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(productJsonLd(data))));
    expect(parsed.name).toBe(data.product.name);
    expect(parsed['@id']).toBe(XSS[4]);
    expect(parsed.brand.name).toBe(XSS[1]);
    parsed.review.forEach((r: any, i: number) => {
      expect(r.name).toBe(XSS[i]);
      expect(r.reviewBody).toBe(XSS[i]);
      expect(r.author).toEqual({ '@type': 'Person', name: XSS[i] });
    });
  });

  it('serializes U+2028 and U+2029 so the text is a valid script in any engine', () => {
    const text = serializeJsonLd({ s: '\u2028\u2029</script>&' });
    expect(text).toBe('{"s":"\\u2028\\u2029\\u003c/script\\u003e\\u0026"}');
    expect(JSON.parse(text)).toEqual({ s: '\u2028\u2029</script>&' });
  });
});

describe('renderReviews: structure', () => {
  const reviews = [
    review({ id: 'a', rating: 5, verified: true, helpful: 12, variant: 'Spring 2025', attributes: { size: 'runs_small' } }),
    review({
      id: 'b',
      rating: 1,
      helpful: 1,
      photos: [{ url: 'https://cdn.example/b.jpg' }],
      reply: { body: 'Sorry! We sent a new tin.', createdAt: APRIL_1 },
    }),
    review({ id: 'c', rating: 4, status: 'pending' }),
    review({ id: 'd', rating: 2, status: 'rejected', rejectionReason: 'spam' }),
  ];
  const data = page(reviews, {
    facets: { ratings: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 12 }, withPhotos: 1, verified: 1, variants: {}, attributes: {}, topics: [] },
    total: 13,
    summary: { count: 13, average: 4.6923, rankingScore: 3.9 },
  });

  it('draws the controls the query asks for: search, sort, pressed toggles with counts, chips, clear and more', () => {
    const query = { rating: [1, 5] as Rating[], media: true, q: 'leaves', sort: 'newest' as const };
    const { html } = renderReviews({ ...data, nextCursor: 'abc' }, { locale: 'en', query });
    expect(html).toContain('<input type="search" name="q" value="leaves" maxlength="100">');
    expect(html).toContain('<option value="newest" selected="">Newest</option>');
    expect(html).toContain('data-filter="media" data-value="true" aria-pressed="true">With photos (');
    expect(html).toContain('data-filter="verified" data-value="true" aria-pressed="false">Verified purchase (');
    expect(html.match(/class="cartlift-reviews-chip"/g)).toHaveLength(4);
    expect(html).toContain('data-filter="q" data-value="leaves" aria-label="Remove filter: “leaves”">“leaves”<span aria-hidden="true"> ×</span>');
    expect(html).toContain('<button type="button" class="cartlift-reviews-clear">Clear filters</button>');
    expect(html).toContain('<button type="button" class="cartlift-reviews-more" data-cursor="abc">More reviews</button>');
    const plain = renderReviews(data, { locale: 'zh-CN' }).html;
    expect(plain).not.toContain('cartlift-reviews-chips');
    expect(plain).not.toContain('cartlift-reviews-more');
    expect(plain).toContain('>有图片 (');
  });

  it('shows the summary, a button per star and only the published reviews (en)', () => {
    const { html } = renderReviews(data, { locale: 'en', query: { rating: [5] } });
    expect(html.match(/<button type="button" class="cartlift-reviews-bar"/g)).toHaveLength(5);
    expect(html).toContain('aria-pressed="true" aria-label="5 stars, 12 reviews, filter"');
    expect(html).toContain('aria-pressed="false" aria-label="1 star, 1 review, filter"');
    expect(html).toContain('aria-label="2 stars, 0 reviews, filter"');
    expect(html).toContain('<meter min="0" max="13" value="12" aria-hidden="true"></meter>');
    expect(html).toContain('<span>4.7 out of 5 stars</span> <span>13 reviews</span>');
    expect(html).toContain('<p class="cartlift-reviews-count" role="status">Showing 2 of 13 reviews</p>');
    expect(html.match(/<article /g)).toHaveLength(2);
    expect(html).not.toContain('data-review-id="c"');
    expect(html).not.toContain('spam');
    expect(html).toContain('role="img" aria-label="Rated 5 out of 5 stars">★★★★★</span>');
    expect(html).toContain('role="img" aria-label="Rated 1 out of 5 stars">★☆☆☆☆</span>');
    expect(html).toContain('<time datetime="2025-04-01">April 1, 2025</time>');
    expect(html).toContain('<span class="cartlift-review-verified">Verified purchase</span>');
    expect(html.match(/class="cartlift-review-verified">Verified purchase/g)).toHaveLength(1);
    expect(html).toContain(
      '<dl class="cartlift-review-attributes"><div><dt>Variant</dt><dd>Spring 2025</dd></div><div><dt>size</dt><dd>runs_small</dd></div></dl>',
    );
    expect(html).toContain('<div class="cartlift-review-body"><p>Bright green leaves.</p><p>Brews three times.</p></div>');
    expect(html).toContain('<img src="https://cdn.example/b.jpg" alt="Photo 1 from Li Wei" loading="lazy" decoding="async">');
    expect(html).toContain('<strong>Reply from the shop</strong> <time datetime="2025-04-01">April 1, 2025</time></p><p>Sorry! We sent a new tin.</p>');
    expect(html).toContain('12 people found this helpful');
    expect(html).toContain('1 person found this helpful');
    expectOnlyOurMarkup(html);
  });

  it('speaks Chinese and formats dates the Chinese way (zh-CN)', () => {
    const { html } = renderReviews(data, { locale: 'zh-CN' });
    expect(html).toContain('<h2 class="cartlift-reviews-heading">顾客评价</h2>');
    expect(html).toContain('aria-label="5 星，12 条评价，筛选"');
    expect(html).toContain('<span>4.7 星（满分 5 星）</span> <span>共 13 条评价</span>');
    expect(html).toContain('显示 13 条评价中的 2 条');
    expect(html).toContain('<time datetime="2025-04-01">2025年4月1日</time>');
    expect(html).toContain('已验证购买');
    expect(html).toContain('商家回复');
    expect(html).toContain('评分：1 星（满分 5 星）');
    expect(html).toContain('alt="Li Wei 的第 1 张图片"');
    expect(html).toContain('12 人觉得有用');
    expect(html).not.toMatch(/Verified|Reply from|Showing/);
  });

  it('dates in the time zone asked for', () => {
    const late = page([review({ createdAt: Date.UTC(2025, 3, 1, 20) })]);
    expect(renderReviews(late, { locale: 'en' }).html).toContain('<time datetime="2025-04-01">April 1, 2025</time>');
    expect(renderReviews(late, { locale: 'en', timeZone: 'Asia/Shanghai' }).html).toContain('<time datetime="2025-04-02">April 2, 2025</time>');
  });

  it('writes only whole counts into the bars, and English for a locale it has no strings for', () => {
    const odd = { ...data, facets: { ...data.facets, ratings: { 1: '"><script>alert(1)</script>', 2: -3, 3: 1.5, 4: Number.NaN, 5: 12 } as any } };
    const { html } = renderReviews(odd, { locale: 'fr' as any });
    expectOnlyOurMarkup(html);
    expect(html).toContain('<meter min="0" max="12" value="0" aria-hidden="true"></meter>');
    expect(html).toContain('aria-label="1 star, 0 reviews, filter"');
    expect(html).toContain('Customer reviews');
  });

  it('says when there are no reviews yet, and when none match the filters', () => {
    const none = renderReviews(page([]), { locale: 'en' });
    expect(none.html).toContain('role="status">No reviews yet.</p>');
    expect(none.html).not.toContain('<ol');
    const filtered = renderReviews({ ...data, reviews: [], total: 0 }, { locale: 'zh-CN' });
    expect(filtered.html).toContain('role="status">没有符合筛选条件的评价。</p>');
  });
});

describe('JSON-LD', () => {
  const reviews = [
    review({ id: 'a', rating: 5, author: '王芳', language: 'zh-CN', title: '很香', body: '回甘明显。' }),
    review({ id: 'b', rating: 4, title: '', createdAt: Date.UTC(2024, 11, 31, 23) }),
    review({ id: 'c', rating: 3 }),
    review({ id: 'd', rating: 1, status: 'pending' }),
    review({ id: 'e', rating: 1, status: 'rejected' }),
  ];
  const data = page(reviews, { summary: { count: 3, average: 4, rankingScore: 2 } });

  it('is a Product with its @id, an aggregate rating and the published reviews', () => {
    const ld = JSON.parse(renderReviews(data, { locale: 'en' }).jsonLd);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      '@id': 'https://shop.example/tea#product',
      name: 'Longjing tea',
      sku: 'TEA-LJ-100',
      url: 'https://shop.example/tea',
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4, reviewCount: 3, bestRating: 5, worstRating: 1 },
    });
    const published = reviews.filter((r) => r.status === 'published');
    expect(ld.aggregateRating.reviewCount).toBe(published.length);
    expect(ld.review).toHaveLength(published.length);
    expect(ld.review[0]).toEqual({
      '@type': 'Review',
      author: { '@type': 'Person', name: '王芳' },
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
      datePublished: '2025-04-01',
      name: '很香',
      reviewBody: '回甘明显。',
      inLanguage: 'zh-CN',
    });
    expect(ld.review[1].name).toBeUndefined();
    expect(ld.review[1].datePublished).toBe('2024-12-31');
    for (const r of ld.review) {
      expect(r.author.name).toBeTruthy();
      expect(r.reviewRating.ratingValue).toBeGreaterThanOrEqual(1);
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof r.reviewBody).toBe('string');
    }
  });

  it('gives ratingValue at most 2 decimals', () => {
    for (const average of [4.456, 4.6923, 3.999, 1, 4.5]) {
      const ld = productJsonLd({ ...data, summary: { count: 3, average, rankingScore: 0 } });
      expect(String(ld.aggregateRating!.ratingValue)).toMatch(/^\d(\.\d{1,2})?$/);
      expect(ld.aggregateRating!.ratingValue).toBeCloseTo(average, 2);
    }
  });

  it('leaves the rating and reviews out when none are published, and falls back to the url for @id', () => {
    const ld = productJsonLd({ ...page([review({ status: 'pending' })]), product: { sku: 'TEA', name: 'Tea', url: 'https://shop.example/t' } });
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      '@id': 'https://shop.example/t#product',
      name: 'Tea',
      sku: 'TEA',
      url: 'https://shop.example/t',
    });
    expect(productJsonLd({ ...page([]), product: { sku: 'TEA', name: 'Tea' } })['@id']).toBeUndefined();
  });
});
