import { checkAction } from '@cartlift/core';
import { CODE_RULE, type CheckoutRequest, type CompleteRequest, DEFAULT_LIMITS, MAX_CODES, type QuoteRequest } from '@cartlift/core/contract';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type checkoutBody, type completeBody, quoteBody } from './requests.js';

// The server's zod schemas and the contract's request types must describe the
// same JSON: `tsc -p test` fails on any field one has and the other lacks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(proof: Same<A, B>) => proof;

describe('request schemas', () => {
  it('parse exactly the contract request types', () => {
    expect(same<z.infer<ReturnType<typeof quoteBody>>, QuoteRequest>(true)).toBe(true);
    expect(same<z.infer<ReturnType<typeof checkoutBody>>, CheckoutRequest>(true)).toBe(true);
    expect(same<z.infer<ReturnType<typeof completeBody>>, CompleteRequest>(true)).toBe(true);
    // The check itself can fail: a request with a field the schema lacks is not the same type.
    // @ts-expect-error CheckoutRequest has no `price` on its lines
    same<z.infer<ReturnType<typeof checkoutBody>>, CheckoutRequest & { lines: { price: number }[] }>(true);
  });
});

describe('rules both sides enforce', () => {
  const limits = { ...DEFAULT_LIMITS, maxCodes: MAX_CODES };
  const refusal = (codes: unknown[]) => quoteBody(limits).safeParse({ lines: [{ sku: 'TEA', quantity: 1 }], codes }).error?.issues[0];

  it('a coupon code the cart refuses, the server refuses with the same sentence; one the cart takes, the server takes', () => {
    for (const code of ['10% OFF', 'WELCOME 10', 'X'.repeat(65)]) {
      expect(() => checkAction({ type: 'add_code', code })).toThrow(CODE_RULE);
      expect(refusal([code])).toMatchObject({ path: ['codes', 0], message: `must be ${CODE_RULE}` });
    }
    for (const code of ['WELCOME10', 'first-order_2']) {
      expect(checkAction({ type: 'add_code', code })).toMatchObject({ code: code.toUpperCase() });
      expect(refusal([code])).toBeUndefined();
    }
  });

  it('lines and codes are bounded by the same limits', () => {
    expect(refusal(Array.from({ length: MAX_CODES + 1 }, (_, i) => `CODE${i}`))).toMatchObject({ path: ['codes'] });
    const tooMany = quoteBody(limits).safeParse({ lines: Array.from({ length: DEFAULT_LIMITS.maxLines + 1 }, (_, i) => ({ sku: `S${i}`, quantity: 1 })) });
    expect(tooMany.error?.issues[0]).toMatchObject({ path: ['lines'] });
    const tooMuch = quoteBody(limits).safeParse({ lines: [{ sku: 'TEA', quantity: DEFAULT_LIMITS.maxQuantity + 1 }] });
    expect(tooMuch.error?.issues[0]).toMatchObject({ path: ['lines', 0, 'quantity'] });
  });
});
