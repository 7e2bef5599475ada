import { CartliftError, assertCurrency, assertMinorUnits } from '@cartlift/core';
import type { Compiled } from './promotion-index';
import type { CartLineInput, EvaluateInput } from './types';

/** One evaluation's facts, with lines in a canonical order so input order never matters. */
export interface Ctx {
  input: EvaluateInput;
  currency: string;
  lines: CartLineInput[];
  /** Canonical position -> input position. */
  order: number[];
  gross: number[];
  grossTotal: number;
  shipping: number;
  all: number[];
}

/** A promotion that passed its static checks, with the cart lines it looks at. */
export interface Cand {
  c: Compiled;
  /** Canonical line positions, ascending. */
  lines: number[];
  /** Gross subtotal of those lines. */
  gross: number;
  /** 0 product, 1 order, 2 shipping: evaluation order. */
  stage: number;
}

const STAGE = { product: 0, order: 1, shipping: 2 } as const;

export function stageOf(c: Compiled): number {
  return STAGE[c.cls];
}

function key(l: CartLineInput): string {
  return `${l.sku}\u0000${l.variant ?? ''}\u0000${l.unitPrice}\u0000${l.quantity}\u0000${(l.tags ?? []).join('\u0001')}`;
}

function fail(field: string, message: string): never {
  throw new CartliftError('invalid_cart', `${field} ${message}.`, field);
}

function checkLine(l: CartLineInput, i: number): number {
  const at = `lines[${i}]`;
  if (typeof l?.sku !== 'string' || !l.sku) fail(`${at}.sku`, `must be a non-empty string; received ${String(l?.sku)}`);
  const sub = assertMinorUnits(l.quantity, `${at}.quantity`) * assertMinorUnits(l.unitPrice, `${at}.unitPrice`);
  return Number.isSafeInteger(sub) ? sub : fail(at, 'quantity x unitPrice must stay below 2^53 minor units');
}

export function buildContext(input: EvaluateInput): Ctx {
  const currency = assertCurrency(input.currency, 'currency');
  if (!Number.isFinite(input.now)) fail('now', `must be epoch milliseconds; received ${String(input.now)}`);
  const subs = input.lines.map(checkLine);
  const keys = input.lines.map(key);
  const order = input.lines.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const gross = order.map((i) => subs[i]!);
  const grossTotal = gross.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(grossTotal)) fail('lines', 'must add up to less than 2^53 minor units');
  return {
    input,
    currency,
    lines: order.map((i) => input.lines[i]!),
    order,
    gross,
    grossTotal,
    shipping: assertMinorUnits(input.shipping?.amount ?? 0, 'shipping.amount'),
    all: gross.map((_, i) => i),
  };
}
