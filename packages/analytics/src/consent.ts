/** The shopper's analytics consent: buffered while pending, sent when granted, discarded when denied. */
export type Consent = 'pending' | 'granted' | 'denied';

/** The consent states, as a sentence names them. */
export const CONSENT_STATES = '"pending", "granted" or "denied"';

/**
 * Whether a value is one of the consent states.
 *
 * @example
 * isConsent('granted') // true
 * isConsent('yes') // false
 */
export const isConsent = (value: unknown): value is Consent => value === 'pending' || value === 'granted' || value === 'denied';

/**
 * GA4 Consent Mode's latest `analytics_storage` in a dataLayer, if any:
 * `gtag('consent', 'default' | 'update', { analytics_storage })` pushes an
 * arguments object ['consent', …, {…}] onto window.dataLayer.
 *
 * @example
 * gtagConsent([['consent', 'default', { analytics_storage: 'denied' }]]) // 'denied'
 */
export function gtagConsent(dataLayer: unknown): 'granted' | 'denied' | undefined {
  if (!Array.isArray(dataLayer)) return undefined;
  for (let i = dataLayer.length - 1; i >= 0; i--) {
    const entry = dataLayer[i] as ArrayLike<unknown> | undefined;
    if (entry?.[0] !== 'consent') continue;
    const state = (entry[2] as { analytics_storage?: unknown } | undefined)?.analytics_storage;
    if (state === 'granted' || state === 'denied') return state;
  }
  return undefined;
}

/**
 * What may happen to events now: the shopper's choice, narrowed by Consent Mode
 * (whose "denied" only holds events back: it is usually the default before the banner).
 *
 * @example
 * effectiveConsent('granted', 'denied') // 'pending'
 */
export function effectiveConsent(choice: Consent, gtag: 'granted' | 'denied' | undefined): Consent {
  return choice === 'granted' && gtag === 'denied' ? 'pending' : choice;
}

const consentMode = () => gtagConsent((globalThis as { dataLayer?: unknown }).dataLayer);

/**
 * What may happen to events now, given the shopper's choice and the page's Consent Mode
 * (read each time: a banner may update it without telling the plugin).
 *
 * @example
 * consentNow('granted') // 'pending' while window.dataLayer's Consent Mode denies analytics_storage
 */
export const consentNow = (choice: Consent): Consent => effectiveConsent(choice, consentMode());

/**
 * Whether anything (anonymous id, queue, unload stash) may be stored: not while the shopper or Consent Mode denies storage.
 *
 * @example
 * storageAllowed('pending') // true, unless Consent Mode denies analytics_storage
 */
export const storageAllowed = (choice: Consent): boolean => choice !== 'denied' && consentMode() !== 'denied';
