import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeForm, parseForm } from './form.js';

describe('parseForm', () => {
  it('decodes Stripe bracket notation into objects and arrays', () => {
    expect(
      parseForm(
        'amount=500&metadata[checkout_id]=c1&payment_method_types[0]=card&payment_method_types[1]=alipay&automatic_payment_methods[enabled]=true&expand[]=customer&expand[]=payment_method',
      ),
    ).toEqual({
      amount: '500',
      metadata: { checkout_id: 'c1' },
      payment_method_types: ['card', 'alipay'],
      automatic_payment_methods: { enabled: 'true' },
      expand: ['customer', 'payment_method'],
    });
  });

  it('accepts percent-encoded brackets and UTF-8', () => {
    expect(parseForm('metadata%5Bnote%5D=%E9%A6%96%E5%8D%95')).toEqual({ metadata: { note: '首单' } });
  });

  it('orders indexed arrays by index and keeps empty strings (used to unset)', () => {
    expect(parseForm('a[1]=y&a[0]=x&metadata=')).toEqual({ a: ['x', 'y'], metadata: '' });
  });

  it('refuses prototype-polluting and malformed keys', () => {
    expect(() => parseForm('metadata[__proto__]=x')).toThrow(/not allowed/);
    expect(() => parseForm('a]b=1')).toThrow(/malformed/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('round-trips anything encodeForm produces (property)', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
    const leaf = fc.string({ maxLength: 12 });
    const value = fc.oneof(leaf, fc.array(leaf, { minLength: 1, maxLength: 3 }), fc.dictionary(key, leaf, { minKeys: 1, maxKeys: 3 }));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 5 }), (data) => {
        expect(parseForm(encodeForm(data))).toEqual(data);
      }),
    );
  });
});
