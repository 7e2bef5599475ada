import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { type ReviewsShop, startReviewsShop, TEA, XSS_SKU } from './reviews-server';

// The shop is a server of its own (seeded through its store), on the port after the suite's.
const PORT = Number(process.env.CARTLIFT_E2E_PORT ?? 4173) + 101;
let shop: ReviewsShop;
test.beforeAll(async () => {
  shop = await startReviewsShop(PORT);
});
test.afterAll(async () => {
  await shop?.close();
});

/** Before any script: sums layout shifts not caused by input (what CLS counts), and counts dialogs the page opens. */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __shifts: string[] };
    w.__cls = 0;
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
        if (entry.hadRecentInput) continue;
        w.__cls += entry.value;
        w.__shifts.push(String(entry.sources?.[0]?.node?.nodeName));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const cls = (page: Page) => page.evaluate(() => (window as unknown as { __cls: number }).__cls);
/** The script tag defines the element once one nears the viewport. */
const defined = (page: Page) => page.waitForFunction(() => customElements.get('cartlift-reviews') !== undefined);
const status = (page: Page) => page.locator('cartlift-reviews .cartlift-reviews-count');
const articles = (page: Page) => page.locator('cartlift-reviews article');
const ids = (page: Page) => articles(page).evaluateAll((list) => list.map((a) => a.getAttribute('data-review-id')));

/** Scrolls down as a shopper does, a screen at a time, so the block is drawn before it is seen. */
async function scrollToReviews(page: Page): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(60);
  }
  await page.locator('cartlift-reviews').scrollIntoViewIfNeeded();
}

test.describe('<cartlift-reviews>', () => {
  test('the first HTML carries the reviews and valid JSON-LD; the widget takes it over without moving a pixel, filters by 1★ with photos, and a reload restores the view', async ({
    page,
    request,
    problems,
  }) => {
    const first = await (await request.get(`${shop.url}/takeover`)).text();
    expect(first).toContain('<cartlift-reviews product="TEA-LJ-100"><section class="cartlift-reviews"');
    expect(first).toContain('data-review-id="r027"');
    expect(first).not.toContain('PENDING-NEVER-SHOWN');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(first)![1]!);
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product', '@id': `${shop.url}/takeover#product`, sku: TEA });
    expect(ld.aggregateRating).toMatchObject({ '@type': 'AggregateRating', reviewCount: 30, bestRating: 5, worstRating: 1 });
    expect(ld.review).toHaveLength(10);
    expect(ld.review[0].author).toEqual({ '@type': 'Person', name: expect.any(String) });

    await watchShifts(page);
    await page.goto(`${shop.url}/takeover`);
    await page.evaluate(() => {
      const w = window as unknown as { __mutations: number; __first: Element | null };
      w.__mutations = 0;
      w.__first = document.querySelector('cartlift-reviews article');
      new MutationObserver((records) => (w.__mutations += records.length)).observe(document.querySelector('cartlift-reviews')!, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    await scrollToReviews(page);
    await defined(page);
    await page.waitForTimeout(300);
    const takeover = await cls(page);
    console.log(`CLS, server HTML taken over (scrolled through): ${takeover}`);
    expect(takeover).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations), 'nothing redrawn on takeover').toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __first: Element }).__first === document.querySelector('cartlift-reviews article'))).toBe(true);

    const events: unknown[] = [];
    await page.exposeFunction('recordEvent', (event: unknown) => events.push(event));
    await page.evaluate(() =>
      (window as unknown as { Cartlift: { on(name: string, fn: (e: unknown) => void): void } }).Cartlift.on('review_filter_applied', (e) =>
        (window as unknown as { recordEvent(e: unknown): void }).recordEvent(e),
      ),
    );

    await page.getByRole('button', { name: '1 star, 6 reviews, filter' }).click();
    await expect(status(page)).toHaveText('Showing 6 of 6 reviews');
    await page.getByRole('button', { name: /^With photos \(/ }).click();
    await expect(status(page)).toHaveText('Showing 2 of 2 reviews');
    expect(await ids(page)).toEqual(expect.arrayContaining(['r000', 'r005']));
    await expect(page.getByRole('button', { name: 'Remove filter: 1 star' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove filter: With photos' })).toBeVisible();
    expect(new URL(page.url()).search).toBe('?reviews.rating=1&reviews.media=true');
    await expect.poll(() => events.length).toBe(2);
    expect(events[1]).toMatchObject({ product: TEA, filter: 'media', filter_value: 'true', total: 2 });

    await page.reload();
    // The server's first HTML answers the shared URL already; the widget takes it over as it nears.
    await expect(status(page)).toHaveText('Showing 2 of 2 reviews');
    await scrollToReviews(page);
    await defined(page);
    await expect(page.getByRole('button', { name: 'Remove filter: 1 star' })).toBeVisible();
    await expect(page.getByRole('button', { name: '1 star, 2 reviews, filter' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Remove filter: With photos' }).click();
    await expect(status(page)).toHaveText('Showing 6 of 6 reviews');
    expect(new URL(page.url()).search).toBe('?reviews.rating=1');
    expect(problems.uncaught).toEqual([]);
  });

  test('near the viewport it draws into reserved space (CLS 0), searches in English and Chinese, and offers "clear filters" on an empty result', async ({
    page,
    problems,
  }) => {
    await watchShifts(page);
    const chunks: string[] = [];
    page.on('request', (r) => r.url().includes('/chunks/reviews-') && chunks.push(r.url()));
    await page.goto(`${shop.url}/lazy`);
    await page.waitForLoadState('networkidle');
    expect(chunks, 'the reviews chunk waits until the element nears the viewport').toEqual([]);
    await expect(articles(page)).toHaveCount(0);
    await scrollToReviews(page);
    await defined(page);
    // The widget's chunk and the words it shares with the review form, each fetched once.
    expect(chunks.map((url) => /\/chunks\/(reviews(-text)?)-/.exec(url)?.[1]).sort()).toEqual(['reviews', 'reviews-text']);
    await expect(status(page)).toHaveText('Showing 10 of 30 reviews');
    await page.waitForTimeout(300);
    const drawn = await cls(page);
    console.log(`CLS, drawn near the viewport (scrolled through): ${drawn}`);
    expect(drawn).toBe(0);

    const search = page.getByRole('searchbox', { name: 'Search reviews' });
    await search.fill('smoky');
    await search.press('Enter');
    await expect(status(page)).toHaveText('Showing 2 of 2 reviews');
    expect((await ids(page)).sort()).toEqual(['r003', 'r004']);
    expect(new URL(page.url()).searchParams.get('reviews.q')).toBe('smoky');

    await search.fill('回甘');
    await search.press('Enter');
    await expect(status(page)).toHaveText('Showing 3 of 3 reviews');
    expect((await ids(page)).sort()).toEqual(['r001', 'r007', 'r013']);

    await search.fill('nothing like this anywhere');
    await search.press('Enter');
    await expect(status(page)).toHaveText('No reviews match these filters.');
    await expect(articles(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(status(page)).toHaveText('Showing 10 of 30 reviews');
    expect(new URL(page.url()).search).toBe('');
    expect(problems.uncaught).toEqual([]);

    // The measurement can fail: at the top (no scroll anchoring) and well after the last input, content pushed down in view counts.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(700);
    await page.evaluate(() => document.querySelector('main')!.prepend(Object.assign(document.createElement('div'), { style: 'height: 200px' })));
    await expect.poll(() => cls(page)).toBeGreaterThan(0);
  });

  test("filters by a topic the product's reviews share (English and Chinese), with a removable chip and the count announced", async ({ page, request }) => {
    const { facets } = await (await request.get(`${shop.url}/api/cartlift/reviews?product=${TEA}`)).json();
    const topics = facets.topics.map((entry: { topic: string }) => entry.topic);
    // "smoky finish" is in r003 and r004 only; 香气 in r001, r007 and r013.
    expect(topics).toEqual(expect.arrayContaining(['smoky finish', '香气']));
    await page.goto(`${shop.url}/lazy`);
    await scrollToReviews(page);
    await defined(page);
    await expect(status(page)).toHaveText('Showing 10 of 30 reviews');

    await page.getByRole('button', { name: /^smoky finish \(2\)/ }).click();
    await expect(status(page)).toHaveText('Showing 2 of 2 reviews');
    expect((await ids(page)).sort()).toEqual(['r003', 'r004']);
    expect(new URL(page.url()).searchParams.get('reviews.topic')).toBe('smoky finish');
    await page.locator('.cartlift-reviews-chip').click();
    await expect(status(page)).toHaveText('Showing 10 of 30 reviews');

    await page.getByRole('button', { name: /^香气 \(3\)/ }).click();
    await expect(status(page)).toHaveText('Showing 3 of 3 reviews');
    expect((await ids(page)).sort()).toEqual(['r001', 'r007', 'r013']);
  });

  test('keyboard only: bars, toggles, chips, sort and more reviews, with focus kept across redraws', async ({ page }) => {
    await page.goto(`${shop.url}/lazy`);
    await scrollToReviews(page);
    await defined(page);
    await expect(status(page)).toHaveText('Showing 10 of 30 reviews');
    // Tab from the page's heading into the block: the first stop is the 5★ bar.
    await page.locator('h1').evaluate((h) => {
      h.tabIndex = -1;
      h.focus();
    });
    await page.keyboard.press('Tab');
    await expect(page.locator('.cartlift-reviews-bar').first()).toBeFocused();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: /^1 star, / })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('Showing 6 of 6 reviews');
    await expect(page.getByRole('button', { name: /^1 star, / }), 'focus stays on the bar after the redraw').toBeFocused();
    await page.keyboard.press(' ');
    await expect(status(page)).toHaveText('Showing 10 of 30 reviews');

    // On to the sort: search box, its button, then the select.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(articles(page).first()).toHaveAttribute('data-review-id', 'r029');
    expect(new URL(page.url()).searchParams.get('reviews.sort')).toBe('newest');

    await page.getByRole('button', { name: 'More reviews' }).focus();
    await page.keyboard.press('Enter');
    await expect(articles(page)).toHaveCount(20);
    await expect(status(page)).toHaveText('Showing 20 of 30 reviews');
    await expect(page.getByRole('button', { name: 'More reviews' })).toBeFocused();
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusVisible).not.toBe('none');
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    for (const viewport of [
      { name: 'phone', width: 390, height: 844 },
      { name: 'desktop', width: 1280, height: 900 },
    ]) {
      test(`axe finds nothing on the ${viewport.name} in ${lang}, drawn and filtered`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(`${shop.url}/lazy?lang=${lang}`);
        await scrollToReviews(page);
        await defined(page);
        await expect(articles(page)).toHaveCount(10);
        await expect(page.locator('cartlift-reviews h2')).toHaveText(lang === 'en' ? 'Customer reviews' : '顾客评价');
        expect(await axeViolations(page), 'drawn').toEqual([]);
        await page.locator('.cartlift-reviews-bar[data-rating="1"]').click();
        await expect(page.locator('.cartlift-reviews-chip')).toHaveCount(1);
        expect(await axeViolations(page), 'filtered').toEqual([]);
        await page.goto(`${shop.url}/takeover?lang=${lang}&reviews.rating=1`);
        await scrollToReviews(page);
        await defined(page);
        expect(await axeViolations(page), 'server HTML').toEqual([]);
      });
    }
  }

  test('an XSS corpus through every review field runs nothing, drawn by the widget or by the server', async ({ page, problems }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const path of ['/xss', `/takeover?product=${XSS_SKU}`]) {
      await page.goto(`${shop.url}${path}`);
      await scrollToReviews(page);
      await defined(page);
      await expect(status(page)).toHaveText('Showing 10 of 10 reviews');
      await expect(page.locator('cartlift-reviews .cartlift-review-title').first()).toContainText('<');
      // Redrawn by the widget too: a filter and back.
      await page.locator('.cartlift-reviews-bar[data-rating="1"]').click();
      await expect(status(page)).toHaveText('Showing 2 of 2 reviews');
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
      expect(
        await page.locator('cartlift-reviews script, cartlift-reviews iframe, cartlift-reviews svg, cartlift-reviews a, cartlift-reviews style').count(),
      ).toBe(0);
    }
    expect(dialogs).toEqual([]);
    expect(problems.uncaught).toEqual([]);
  });

  test('a helpful vote counts once; one the server cannot take says so beside the button, and the widget goes on working', async ({ page, request }) => {
    await page.goto(`${shop.url}/lazy`);
    await scrollToReviews(page);
    await defined(page);
    const first = articles(page).first();
    const id = await first.getAttribute('data-review-id');
    const helpfulOf = async () => {
      const body = await (await request.get(`${shop.url}/api/cartlift/reviews?product=${TEA}&sort=newest&limit=25`)).json();
      const all = [
        ...body.reviews,
        ...(await (await request.get(`${shop.url}/api/cartlift/reviews?product=${TEA}&sort=newest&limit=25&cursor=${body.nextCursor}`)).json()).reviews,
      ];
      return all.find((review: { id: string }) => review.id === id).helpful as number;
    };
    const before = await helpfulOf();
    await first.getByRole('button', { name: 'Helpful' }).click();
    await expect(first.getByRole('status')).toHaveText(/Thanks for your vote/);
    expect(await helpfulOf()).toBe(before + 1);

    await page.route('**/api/cartlift/reviews/helpful', (route) => route.abort('internetdisconnected'));
    const second = articles(page).nth(1);
    await second.getByRole('button', { name: 'Helpful' }).click();
    await expect(second.getByRole('status')).toHaveText(/Your vote could not be sent/);
    await page.unroute('**/api/cartlift/reviews/helpful');
    await page.locator('.cartlift-reviews-bar[data-rating="1"]').click();
    await expect(status(page)).toHaveText('Showing 6 of 6 reviews');

    // The reviews API unreachable: the status line says so, the reviews shown stay, and the next try works.
    await page.route('**/api/cartlift/reviews?*', (route) => route.abort('internetdisconnected'));
    await page.locator('.cartlift-reviews-bar[data-rating="5"]').click();
    await expect(status(page)).toHaveText('Reviews could not be loaded. Try again.');
    await expect(articles(page)).toHaveCount(6);
    await page.unroute('**/api/cartlift/reviews?*');
    await page.locator('.cartlift-reviews-bar[data-rating="5"]').click();
    await expect(status(page)).toHaveText('Showing 10 of 12 reviews');
  });
});

test.describe("the demo storefront's product page", () => {
  test("draws the product's reviews near the viewport into reserved space: CLS 0, axe 0, in English and Chinese", async ({ page, problems }) => {
    for (const lang of ['en', 'zh-CN']) {
      await watchShifts(page);
      await page.goto(`/?lang=${lang}`);
      await page.getByRole('link', { name: lang === 'en' ? 'Celadon tea cup' : '青瓷茶杯' }).click();
      await expect(page).toHaveURL(new RegExp(`/product.html\\?sku=CUP-CELADON&lang=${lang}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'en' ? 'Celadon tea cup' : '青瓷茶杯');
      await scrollToReviews(page);
      await defined(page);
      await expect(page.locator('cartlift-reviews section')).toHaveAttribute('aria-label', lang === 'en' ? 'Reviews of Celadon tea cup' : '青瓷茶杯 的评价');
      await expect(status(page)).not.toBeEmpty();
      await page.waitForTimeout(300);
      expect(await cls(page), `${lang}: ${await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts.join(', '))}`).toBe(0);
      expect(await axeViolations(page), lang).toEqual([]);
    }
    expect(problems.uncaught).toEqual([]);
  });
});
