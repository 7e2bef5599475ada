import type { CartLineInput, EvaluateInput, Promotion } from './types.js';

/** A cart input with sensible defaults for tests. */
export function cart(lines: CartLineInput[], promotions: Promotion[], extra: Partial<EvaluateInput> = {}): EvaluateInput {
  return {
    currency: 'CNY',
    lines,
    customer: { firstPurchase: false },
    now: Date.parse('2025-05-01T00:00:00Z'),
    promotions,
    ...extra,
  };
}

export const line = (sku: string, unitPrice: number, quantity = 1, tags?: string[]): CartLineInput => ({ sku, unitPrice, quantity, ...(tags && { tags }) });

export const promo = (id: string, rule: Promotion['rule'], more: Partial<Promotion> = {}): Promotion => ({ id, name: id, rule, ...more });
