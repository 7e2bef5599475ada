// The screens and languages every shopper-facing e2e test runs on: issue 14's
// phone (390×844, touch) and a desktop, in English and Simplified Chinese.

/** The shopper languages Cartlift speaks. */
export type ShopperLocale = 'en' | 'zh-CN';

/** Both languages, English first. */
export const LOCALES: ShopperLocale[] = ['en', 'zh-CN'];

/** A phone as the issue tried it: 390×844, touch, a 3× screen. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

/** A desktop window. */
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/**
 * The phone and the desktop, each with a title for test names, a short name for
 * file names, and the options for `test.use`.
 *
 * @example
 * for (const screen of SCREENS) test.describe(screen.name, () => { test.use(screen.use); … });
 */
export const SCREENS = [
  { name: 'phone 390×844', short: 'phone', use: PHONE },
  { name: 'desktop', short: 'desktop', use: DESKTOP },
] as const;
