import { describe, expect, it } from 'vitest';
import { readScriptConfig } from './config.js';

describe('readScriptConfig', () => {
  it('reads the attributes', () => {
    expect(readScriptConfig({ endpoint: '/shop/api/', currency: 'CNY', locale: 'zh-CN' }, 'en-US')).toEqual({
      config: { endpoint: '/shop/api', currency: 'CNY', locale: 'zh-CN' },
      errors: [],
    });
  });

  it('defaults what is missing, using the browser language', () => {
    expect(readScriptConfig({}, 'zh-Hans-CN').config).toEqual({ endpoint: '/api/cartlift', currency: 'USD', locale: 'zh-CN' });
    expect(readScriptConfig({}, undefined).config.locale).toBe('en');
  });

  it('gives one sentence per bad attribute and falls back', () => {
    const { config, errors } = readScriptConfig({ currency: 'usd', endpoint: 'api cartlift', locale: '!!' }, 'en');
    expect(config).toEqual({ endpoint: '/api/cartlift', currency: 'USD', locale: 'en' });
    expect(errors).toEqual([
      'Cartlift: data-currency must be an ISO 4217 currency code in capitals such as "USD" or "CNY"; received "usd". Using "USD" instead.',
      'Cartlift: data-endpoint must be a path starting with "/" or an http(s) URL; received "api cartlift". Using "/api/cartlift" instead.',
      'Cartlift: data-locale must be a language tag such as "en" or "zh-CN"; received "!!". Using "en" instead.',
    ]);
  });
});
