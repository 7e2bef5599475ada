import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { axeViolations } from './axe';
import { openStoreIn, recordEvents, recorded } from './checkout-helpers';
import { badgeCount, downloads, expect, test } from './fixtures';
import { DESKTOP, LOCALES, PHONE } from './screens';

// Issue 16: "view in your space" with the phone's own AR viewer. Chromium
// stands in for the phones: an iPhone's user agent plus Safari's `rel="ar"`
// support (emulated: Chromium has no Quick Look), an Android phone's user
// agent, touch and a phone-sized screen. What only a real phone can show
// (Quick Look and Scene Viewer opening, the banner's button) is listed in docs/ar.md.

const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const INSTAGRAM_UA = `${IPHONE_UA} Instagram 330.0.0.0 (iPhone15,2; iOS 17_4; en_US)`;
const SKU = 'POT-YIXING';
const words = {
  en: {
    inSpace: 'View in your space',
    onPhone: 'View on your phone',
    addToCart: 'Add to cart',
    noAr: 'AR isn’t available on this phone.',
    scan: 'Scan with your phone’s camera',
  },
  'zh-CN': { inSpace: '在你的空间中查看', onPhone: '在手机上查看', addToCart: '加入购物车', noAr: '这部手机不支持 AR。', scan: '用手机相机扫一扫' },
} as const;

type Followed = { href: string; rel: string; images: number; inGesture: boolean };

/**
 * Records every link the page follows by script (and follows none: a USDZ or
 * an intent:// URL would leave the page), with whether the shopper's tap was
 * still active, as a phone requires to open its AR viewer. `arLink` says
 * whether `rel="ar"` links are supported, as in Safari on iOS.
 */
async function recordFollowedLinks(page: Page, arLink: boolean): Promise<void> {
  await page.addInitScript((arLink) => {
    const w = window as unknown as { followed: Followed[]; followedLinks: HTMLAnchorElement[] };
    w.followed = [];
    w.followedLinks = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.followed.push({ href: this.href, rel: this.rel, images: this.querySelectorAll(':scope > img').length, inGesture: navigator.userActivation.isActive });
      w.followedLinks.push(this);
    };
    if (arLink) {
      const supports = DOMTokenList.prototype.supports;
      DOMTokenList.prototype.supports = function (this: DOMTokenList, token: string) {
        return token === 'ar' || supports.call(this, token);
      };
    }
  }, arLink);
}

const followed = (page: Page) => page.evaluate(() => (window as unknown as { followed: Followed[] }).followed);
const arButton = (page: Page) => page.locator('cartlift-ar-button').first().getByRole('button');

for (const locale of LOCALES) {
  test.describe(`iPhone (${locale})`, () => {
    test.use({ ...PHONE, userAgent: IPHONE_UA });

    test('the tap opens Quick Look with the banner, and the banner’s button adds the teapot to the cart from AR', async ({ page, problems }) => {
      await recordFollowedLinks(page, true);
      await openStoreIn(page, locale);
      await recordEvents(page, ['ar_launched', 'add_to_cart']);
      await arButton(page).tap();
      const [link] = await followed(page);
      expect(link).toMatchObject({ rel: 'ar', images: 1, inGesture: true });
      const url = new URL(link!.href);
      expect(url.pathname).toBe('/models/teapot.usdz');
      const banner = Object.fromEntries(new URLSearchParams(url.hash.slice(1)));
      expect(banner).toEqual({ callToAction: words[locale].addToCart, checkoutTitle: 'Yixing clay teapot', price: expect.stringMatching(/89\.00/) });

      // What Quick Look posts to the link when the shopper taps the banner's button.
      await page.evaluate(() => {
        const [link] = (window as unknown as { followedLinks: HTMLAnchorElement[] }).followedLinks;
        link!.dispatchEvent(new MessageEvent('message', { data: '_apple_ar_quicklook_button_tapped' }));
      });
      await expect(badgeCount(page)).toHaveText('1');
      const events = await recorded(page);
      expect(events.map((e) => [e.name, e.name === 'ar_launched' ? e.mode : e.source])).toEqual([
        ['ar_launched', 'quick_look'],
        ['add_to_cart', 'ar'],
      ]);
      expect(events[0]).toMatchObject({ sku: SKU, items: [{ item_id: SKU, quantity: 1 }] });
      expect(problems).toEqual({ uncaught: [], consoleErrors: [] });
    });
  });
}

test.describe('iPhone in-app browser that claims AR', () => {
  test.use({ ...PHONE, userAgent: INSTAGRAM_UA });

  test('Instagram gets the QR route instead of a Quick Look link it cannot open', async ({ page }) => {
    await recordFollowedLinks(page, true);
    await openStoreIn(page, 'en');
    await arButton(page).tap();
    await expect(page.getByRole('dialog', { name: words.en.scan })).toBeVisible();
    expect(await followed(page)).toEqual([]);
  });
});

test.describe('Android phone', () => {
  test.use({ ...PHONE, userAgent: ANDROID_UA });

  test('the tap opens Scene Viewer with the absolute GLB, ar_preferred, the title and a way back', async ({ page, problems }) => {
    await recordFollowedLinks(page, false);
    await openStoreIn(page, 'en');
    await recordEvents(page, ['ar_launched']);
    await expect(arButton(page)).toHaveText(words.en.inSpace);
    await arButton(page).tap();
    const [link] = await followed(page);
    expect(link).toMatchObject({ rel: '', images: 0, inGesture: true });
    const [, query, extras] = /^intent:\/\/arvr\.google\.com\/scene-viewer\/1\.0\?([^#]+)#Intent;(.+);end;$/.exec(link!.href)!;
    const origin = new URL(page.url()).origin;
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({ file: `${origin}/models/teapot.glb`, mode: 'ar_preferred', title: 'Yixing clay teapot' });
    const fields = Object.fromEntries(extras!.split(';').map((field) => field.split('=') as [string, string]));
    expect(fields).toMatchObject({ scheme: 'https', package: 'com.google.ar.core', action: 'android.intent.action.VIEW' });
    expect(decodeURIComponent(fields['S.browser_fallback_url']!)).toBe(`${origin}/#cartlift-ar-fallback=${SKU}`);
    expect((await recorded(page)).map((e) => [e.name, e.mode, e.sku])).toEqual([['ar_launched', 'scene_viewer', SKU]]);
    expect(problems).toEqual({ uncaught: [], consoleErrors: [] });
  });

  for (const locale of LOCALES) {
    test(`a return through Scene Viewer's fallback says AR isn't available and shows the product's picture (${locale})`, async ({ page }) => {
      await openStoreIn(page, locale, `#cartlift-ar-fallback=${SKU}`);
      const element = page.locator('cartlift-ar-button');
      await expect(element.getByRole('status')).toHaveText(words[locale].noAr);
      await expect(element.getByRole('img', { name: 'Yixing clay teapot' })).toHaveAttribute('src', '/img/pot.svg');
      await expect(element.getByRole('button')).toHaveCount(0);
    });
  }

  test('the QR code’s URL (#cartlift-ar=SKU) opens with the AR button focused and ready to tap, and no QR chunk', async ({ page }) => {
    const chunks: string[] = [];
    page.on('request', (request) => request.url().includes('/chunks/') && chunks.push(new URL(request.url()).pathname));
    await openStoreIn(page, 'en', `#cartlift-ar=${SKU}`);
    await expect(arButton(page)).toBeFocused();
    await expect(arButton(page)).toHaveAccessibleDescription('Ready: tap to place it in your room.');
    await expect(arButton(page)).toBeInViewport();
    expect(await axeViolations(page), 'phone, ready').toEqual([]);
    expect(chunks.filter((chunk) => /\/(ar|qr)-/.test(chunk)).map((chunk) => chunk.split('/').pop()!.split('-')[0])).toEqual(['ar']);
  });
});

test.describe('desktop', () => {
  test.use(DESKTOP);

  for (const locale of LOCALES) {
    test(`"View on your phone" shows a QR code that decodes to the page marked for the teapot, keyboard only (${locale})`, async ({ page, problems }) => {
      const chunks: string[] = [];
      // Counted once: the script tag fetches a chunk, then imports it from the HTTP cache.
      page.on('request', (request) => downloads(request) && request.url().includes('/chunks/qr-') && chunks.push(request.url()));
      await openStoreIn(page, locale, '?ref=qr');
      await recordEvents(page, ['ar_launched']);
      await expect(arButton(page)).toHaveText(words[locale].onPhone);
      expect(chunks, 'no QR chunk before the click').toEqual([]);
      await arButton(page).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: words[locale].scan });
      await expect(dialog).toBeVisible();
      expect(chunks).toHaveLength(1);
      expect(await decodeQr(page)).toBe(new URL(`/?ref=qr#cartlift-ar=${SKU}`, page.url()).href);
      expect((await recorded(page)).map((e) => [e.name, e.mode])).toEqual([['ar_launched', 'qr']]);
      expect(await axeViolations(page), 'QR dialog').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(arButton(page)).toBeFocused();
      expect(problems).toEqual({ uncaught: [], consoleErrors: [] });
    });
  }

  test('works under the strict CSP page, with no violation reported', async ({ page, problems }) => {
    const violations: string[] = [];
    page.on('console', (message) => /Content Security Policy/i.test(message.text()) && violations.push(message.text()));
    await page.goto('/strict-csp.html');
    await arButton(page).click();
    await expect(page.getByRole('dialog', { name: words.en.scan })).toBeVisible();
    expect(await decodeQr(page)).toMatch(/\/strict-csp\.html#cartlift-ar=POT-YIXING$/);
    expect(violations).toEqual([]);
    expect(problems).toEqual({ uncaught: [], consoleErrors: [] });
  });

  test('a bad model URL logs one sentence and hides the button; the rest of the page works', async ({ page, problems }) => {
    await openStoreIn(page, 'en');
    await page.evaluate(() => {
      const bad = document.createElement('cartlift-ar-button');
      Object.assign(bad, { id: 'bad' });
      bad.setAttribute('sku', 'CUP');
      bad.setAttribute('usdz', 'https://cdn.example/cup.usdz');
      bad.setAttribute('glb', 'http://cdn.example/cup.glb');
      document.querySelector('main')!.append(bad);
    });
    await expect(page.locator('#bad')).toBeHidden();
    expect(problems.consoleErrors).toEqual([
      'Cartlift: <cartlift-ar-button> glb must be an https URL (or same-origin in development), not "http://cdn.example/cup.glb"; the button is hidden.',
    ]);
    await page.getByRole('button', { name: 'Add to cart' }).first().click();
    await expect(badgeCount(page)).toHaveText('1');
  });

  test('a page without the element downloads no AR code', async ({ page }) => {
    const chunks: string[] = [];
    page.on('request', (request) => request.url().includes('/chunks/') && chunks.push(request.url()));
    await page.route('**/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/<cartlift-ar-button[^>]*><\/cartlift-ar-button>/, '') });
    });
    await page.goto('/');
    await page.waitForFunction(() => (window as unknown as { Cartlift?: { cart?: unknown } }).Cartlift?.cart !== undefined);
    expect(chunks.filter((url) => /\/chunks\/(ar|qr)-/.test(url))).toEqual([]);
  });
});

/** Decodes the dialog's QR code with jsQR: the SVG drawn on a canvas in the page, its pixels read here. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const svg = page.getByRole('dialog').locator('svg');
  const png = await svg.screenshot();
  const { width, height, pixels } = await page.evaluate(async (base64) => {
    // An <img> from a data: URL (the strict CSP page allows data: images, not data: fetches).
    const bitmap = Object.assign(new Image(), { src: `data:image/png;base64,${base64}` });
    await bitmap.decode();
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    return { width: bitmap.width, height: bitmap.height, pixels: Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data) };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data;
}
