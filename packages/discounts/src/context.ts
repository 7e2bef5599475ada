import { CartliftError, assertMinorUnits as units } from '@cartlift/core';
import { sum } from './allocate-lines.js';
import type { Compiled } from './promotion-index.js';
import type { CartLineInput, EvaluateInput } from './types.js';

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

function key(l: CartLineInput): string {
  return `${l.sku}\u0000${l.variant ?? ''}\u0000${l.unitPrice}\u0000${l.quantity}\u0000${(l.tags ?? []).join('\u0001')}`;
}

// Only the checks that keep the money exact (whole minor units, sums below
// 2^53) and the result well defined; the config schema and the server's
// request schemas check everything else before a cart gets here.
function fail(field: string, expected: string, received: unknown): never {
  throw new CartliftError('invalid_cart', `${field} must be ${expected}; received ${String(received)}.`, field);
}

const safe = (n: number, field: string) => (Number.isSafeInteger(n) ? n : fail(field, 'below 2^53 minor units', n));

function checkLine(l: CartLineInput, i: number): number {
  const at = `lines[${i}]`;
  if (typeof l?.sku !== 'string' || !l.sku) fail(`${at}.sku`, 'a non-empty string', l?.sku);
  return safe(units(l.quantity, `${at}.quantity`) * units(l.unitPrice, `${at}.unitPrice`), `${at} quantity x unitPrice`);
}

export function buildContext(input: EvaluateInput): Ctx {
  const currency = input.currency;
  if (!/^[A-Z]{3}$/.test(currency)) fail('currency', 'an ISO 4217 code such as "CNY"', currency);
  if (!Number.isFinite(input.now)) fail('now', 'epoch milliseconds', input.now);
  const subs = input.lines.map(checkLine);
  const keys = input.lines.map(key);
  const order = input.lines.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const gross = order.map((i) => subs[i]!);
  return {
    input,
    currency,
    lines: order.map((i) => input.lines[i]!),
    order,
    gross,
    grossTotal: safe(sum(gross), 'lines total'),
    shipping: units(input.shipping?.amount ?? 0, 'shipping.amount'),
    all: gross.map((_, i) => i),
  };
}
