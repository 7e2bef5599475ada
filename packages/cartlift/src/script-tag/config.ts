import { describeValue as describe, isCurrency } from '@cartlift/core';
import { type Locale, resolveLocale } from '@cartlift/checkout/elements';

export interface ScriptConfig {
  endpoint: string;
  currency: string;
  locale: Locale;
}

/** Defaults used when an attribute is missing, or wrong (after one console error). */
export const DEFAULTS = { endpoint: '/api/cartlift', currency: 'USD' } as const;

/**
 * Reads Cartlift's configuration from the script tag's data-* attributes.
 * Never throws: each bad attribute yields one sentence in `errors` and its
 * default is used, so the rest of the page keeps working.
 *
 * @example
 * readScriptConfig({ currency: 'CNY', locale: 'zh-CN' }, 'en-US')
 * // { config: { endpoint: '/api/cartlift', currency: 'CNY', locale: 'zh-CN' }, errors: [] }
 */
export function readScriptConfig(data: DOMStringMap, browserLocale: string | undefined): { config: ScriptConfig; errors: string[] } {
  const errors: string[] = [];
  const bad = (attribute: string, expected: string, received: string, fallback: string) =>
    errors.push(`Cartlift: ${attribute} must be ${expected}; received ${describe(received)}. Using ${describe(fallback)} instead.`);

  let currency: string = DEFAULTS.currency;
  if (data.currency !== undefined) {
    if (isCurrency(data.currency)) currency = data.currency;
    else bad('data-currency', 'an ISO 4217 currency code in capitals such as "USD" or "CNY"', data.currency, currency);
  }

  let endpoint: string = DEFAULTS.endpoint;
  if (data.endpoint !== undefined) {
    if (/^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(data.endpoint)) endpoint = data.endpoint.replace(/\/+$/, '');
    else bad('data-endpoint', 'a path starting with "/" or an http(s) URL', data.endpoint, endpoint);
  }

  let locale: Locale = resolveLocale(browserLocale) ?? 'en';
  if (data.locale !== undefined) {
    const resolved = resolveLocale(data.locale);
    if (resolved) locale = resolved;
    else bad('data-locale', 'a language tag such as "en" or "zh-CN"', data.locale, locale);
  }
  return { config: { endpoint, currency, locale }, errors };
}
