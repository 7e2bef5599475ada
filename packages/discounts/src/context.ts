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

function checkLine(l: CartLineInput, i: number): number {
  if (!l || typeof l.sku !== 'string' || l.sku === '') {
    throw new CartliftError('invalid_line', `lines[${i}].sku must be a non-empty string.`, `lines[${i}].sku`);
  }
  const qty = assertMinorUnits(l.quantity, `lines[${i}].quantity`);
  const sub = qty * assertMinorUnits(l.unitPrice, `lines[${i}].unitPrice`);
  if (!Number.isSafeInteger(sub)) {
    throw new CartliftError('invalid_line', `lines[${i}] quantity times unitPrice must stay below 2^53 minor units; received ${qty} x ${l.unitPrice}.`, `lines[${i}]`);
  }
  return sub;
}

export function buildContext(input: EvaluateInput): Ctx {
  const currency = assertCurrency(input.currency, 'currency');
  if (!Number.isFinite(input.now)) {
    throw new CartliftError('invalid_time', `now must be epoch milliseconds (a finite number); received ${String(input.now)}.`, 'now');
  }
  const subs = input.lines.map(checkLine);
  const keys = input.lines.map(key);
  const order = input.lines.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const gross = order.map((i) => subs[i]!);
  const grossTotal = gross.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(grossTotal)) {
    throw new CartliftError('invalid_line', `The cart subtotal must stay below 2^53 minor units.`, 'lines');
  }
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
