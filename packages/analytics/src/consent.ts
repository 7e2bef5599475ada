/** The shopper's analytics consent: buffered while pending, sent when granted, discarded when denied. */
export type Consent = 'pending' | 'granted' | 'denied';

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
