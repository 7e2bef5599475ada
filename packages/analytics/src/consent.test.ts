import { describe, expect, it, vi } from 'vitest';
import { consentNow, effectiveConsent, gtagConsent, isConsent, storageAllowed } from './consent.js';

function gtagLayer(...calls: unknown[][]) {
  const dataLayer: unknown[] = [];
  // gtag pushes its arguments object, exactly like Google's snippet.
  function gtag(..._args: unknown[]) {
    // biome-ignore lint: the snippet's own form
    dataLayer.push(arguments);
  }
  for (const c of calls) gtag(...c);
  return dataLayer;
}

describe('GA4 Consent Mode', () => {
  it('reads the latest analytics_storage from gtag consent commands', () => {
    expect(gtagConsent(undefined)).toBeUndefined();
    expect(gtagConsent(gtagLayer(['js', new Date()], ['config', 'G-1']))).toBeUndefined();
    expect(gtagConsent(gtagLayer(['consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' }]))).toBe('denied');
    expect(gtagConsent(gtagLayer(['consent', 'default', { analytics_storage: 'denied' }], ['consent', 'update', { analytics_storage: 'granted' }]))).toBe(
      'granted',
    );
    expect(gtagConsent(gtagLayer(['consent', 'update', { analytics_storage: 'granted' }], ['consent', 'update', { ad_storage: 'denied' }]))).toBe('granted');
  });

  it('holds events back (pending) while Consent Mode denies analytics storage', () => {
    expect(effectiveConsent('granted', 'denied')).toBe('pending');
    expect(effectiveConsent('granted', 'granted')).toBe('granted');
    expect(effectiveConsent('denied', 'granted')).toBe('denied');
    expect(effectiveConsent('pending', undefined)).toBe('pending');
  });
});

describe('consent gating', () => {
  it("reads the page's Consent Mode each time: it narrows a granted choice and forbids storage while it denies", () => {
    const dataLayer = gtagLayer(['consent', 'default', { analytics_storage: 'denied' }]);
    vi.stubGlobal('dataLayer', dataLayer);
    expect([consentNow('granted'), storageAllowed('granted')]).toEqual(['pending', false]);
    dataLayer.push(...gtagLayer(['consent', 'update', { analytics_storage: 'granted' }]));
    expect([consentNow('granted'), storageAllowed('granted')]).toEqual(['granted', true]);
    expect([consentNow('denied'), storageAllowed('denied')]).toEqual(['denied', false]);
    vi.unstubAllGlobals();
  });

  it('knows the consent states', () => {
    expect(['pending', 'granted', 'denied', 'yes', undefined].map(isConsent)).toEqual([true, true, true, false, false]);
  });
});
