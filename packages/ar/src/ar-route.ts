import type { ArLaunchMode } from '@cartlift/core/contract';

// In-app browsers (WKWebViews) that report `relList.supports('ar')` but cannot
// open Quick Look: Facebook (FBAN/FBAV), Instagram and LinkedIn. They get the QR route.
const FALSE_AR_WEBVIEWS = /\bFBAN\/|\bFBAV\/|\bInstagram\b|\bLinkedInApp\b/;

/**
 * How this browser shows a product in AR: iOS AR Quick Look where a `rel="ar"`
 * link is supported (and the in-app browser really opens it), Android's Scene
 * Viewer on an Android phone, and otherwise a QR code to open the page on a phone.
 *
 * @example
 * arRoute(navigator.userAgent, document.createElement('a').relList.supports('ar')) // 'quick_look' on an iPhone
 */
export function arRoute(userAgent: string, supportsArLink: boolean): ArLaunchMode {
  if (FALSE_AR_WEBVIEWS.test(userAgent)) return 'qr';
  if (supportsArLink) return 'quick_look';
  if (/\bAndroid\b/.test(userAgent) && /\bMobile\b/.test(userAgent)) return 'scene_viewer';
  return 'qr';
}
