import type { Locale } from './i18n.js';

/**
 * Shows the phone's "added" bar (added-toast.ts), fetching its small chunk
 * on first use. `open` opens the drawer; `returnTo` gets focus back if the
 * bar closes while it held it. Rejects when the chunk can't load (the button
 * and the live region have said "added" already, so callers may ignore that).
 *
 * @example
 * showAddedToast('Celadon tea cup added to cart.', 'en', () => openCart(document), button).catch(() => {});
 */
export function showAddedToast(sentence: string, locale: Locale, open: () => void, returnTo: HTMLElement): Promise<void> {
  return import('./added-toast.js').then((toast) => toast.showAddedToast(sentence, locale, open, returnTo));
}
