/**
 * @cartlift/ar: `<cartlift-ar-button>`, "view in your space" with the phone's
 * own AR viewer (iOS AR Quick Look, Android Scene Viewer) instead of a 3D
 * engine, and a QR code to the phone elsewhere. See docs/ar.md.
 *
 * @example
 * import { defineArButton } from '@cartlift/ar';
 * defineArButton(cartlift, { locale: 'en' });
 */
export { defineArButton } from './ar-button.js';
export { arRoute } from './ar-route.js';
export type { ArLocale } from './ar-text.js';
export { badAttribute, modelUrl } from './model-url.js';
export { FALLBACK_MARK, hasMark, markedUrl, quickLookHref, READY_MARK, sceneViewerIntent, type QuickLookBanner } from './launch-urls.js';
