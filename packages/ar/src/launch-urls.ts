/** What Quick Look's banner shows: Apple's `callToAction`, `checkoutTitle`, `checkoutSubtitle` and `price`. */
export interface QuickLookBanner {
  callToAction: string;
  checkoutTitle: string;
  checkoutSubtitle?: string;
  price?: string;
}

/**
 * The USDZ URL with Apple's banner parameters in its fragment: Quick Look then
 * shows the product name, price and a button whose tap the page hears as a
 * `message` event `_apple_ar_quicklook_button_tapped` on the link.
 *
 * @example
 * quickLookHref('https://shop.example/teapot.usdz', { callToAction: 'Add to cart', checkoutTitle: 'Yixing teapot', price: '$89.00' })
 * // 'https://shop.example/teapot.usdz#callToAction=Add%20to%20cart&checkoutTitle=Yixing%20teapot&price=%2489.00'
 */
export function quickLookHref(usdz: string, banner: QuickLookBanner): string {
  const url = new URL(usdz);
  const params = Object.entries(banner).filter(([, value]) => value);
  url.hash = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return url.href;
}

/**
 * The Android intent that opens Scene Viewer through Google Play Services for AR
 * (`com.google.ar.core`), starting in AR (`ar_preferred`); where that service is
 * missing, Chrome opens `fallbackUrl` instead (Google's "explicit intent" recipe).
 *
 * @example
 * sceneViewerIntent('https://shop.example/teapot.glb', 'Yixing teapot', 'https://shop.example/pot#cartlift-ar-fallback=POT')
 * // 'intent://arvr.google.com/scene-viewer/1.0?file=https%3A%2F%2Fshop.example%2Fteapot.glb&mode=ar_preferred&title=Yixing+teapot#Intent;scheme=https;…;end;'
 */
export function sceneViewerIntent(glb: string, title: string, fallbackUrl: string): string {
  const query = new URLSearchParams({ file: glb, mode: 'ar_preferred', title });
  return `intent://arvr.google.com/scene-viewer/1.0?${query}#Intent;scheme=https;package=com.google.ar.core;action=android.intent.action.VIEW;S.browser_fallback_url=${encodeURIComponent(fallbackUrl)};end;`;
}

/** The page-URL fragment that opens a product's AR button ready to tap: `#cartlift-ar=SKU`. */
export const READY_MARK = 'cartlift-ar=';
/** The fragment Scene Viewer's fallback comes back with: `#cartlift-ar-fallback=SKU`. */
export const FALLBACK_MARK = 'cartlift-ar-fallback=';

/**
 * `page` with its fragment set to `mark` + sku (e.g. the QR code's URL).
 *
 * @example
 * markedUrl('https://shop.example/pot?lang=en#top', READY_MARK, 'POT') // 'https://shop.example/pot?lang=en#cartlift-ar=POT'
 */
export function markedUrl(page: string, mark: string, sku: string): string {
  const url = new URL(page);
  url.hash = mark + encodeURIComponent(sku);
  return url.href;
}

/**
 * Whether `hash` (location.hash) carries `mark` for this sku.
 *
 * @example
 * hasMark('#cartlift-ar=POT', READY_MARK, 'POT') // true
 */
export function hasMark(hash: string, mark: string, sku: string): boolean {
  return hash === `#${mark}${encodeURIComponent(sku)}`;
}
