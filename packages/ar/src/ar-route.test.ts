import { describe, expect, it } from 'vitest';
import { arRoute } from './ar-route.js';

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const PIXEL_CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const ANDROID_TABLET = 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

describe('arRoute', () => {
  it('opens Quick Look where a rel="ar" link is supported', () => {
    expect(arRoute(IPHONE_SAFARI, true)).toBe('quick_look');
  });

  it.each([
    ['Facebook', `${IPHONE_SAFARI} [FBAN/FBIOS;FBAV/450.0.0.38.108;FBBV/1]`],
    ['Instagram', `${IPHONE_SAFARI} Instagram 330.0.0.0 (iPhone15,2; iOS 17_4; en_US)`],
    ['LinkedIn', `${IPHONE_SAFARI} LinkedInApp/9.29.8`],
  ])('sends %s’s in-app browser, which claims AR but cannot open it, to the QR route', (_app, userAgent) => {
    expect(arRoute(userAgent, true)).toBe('qr');
  });

  it('opens Scene Viewer on an Android phone', () => {
    expect(arRoute(PIXEL_CHROME, false)).toBe('scene_viewer');
  });

  it('shows the QR code on a computer and on an Android tablet without "Mobile"', () => {
    expect(arRoute(DESKTOP, false)).toBe('qr');
    expect(arRoute(ANDROID_TABLET, false)).toBe('qr');
  });
});
