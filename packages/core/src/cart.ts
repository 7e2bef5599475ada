import { CODE_RULE, type CartLimits, DEFAULT_LIMITS, MAX_CODES, VARIANT_MAX_LENGTH, isCouponCode } from './contract/limits.js';
import { CartliftError, describe } from './errors.js';
import { SKU_RULE, isSku } from './sku.js';

/** One line of the cart, keyed by sku plus optional variant. `price` is for display only. */
export interface CartLine {
  readonly key: string;
  readonly sku: string;
  readonly variant?: string;
  readonly quantity: number;
  readonly name?: string;
  readonly image?: string;
  /** Display price per unit in minor units; the server re-prices from its catalog. */
  readonly price?: number;
  /**
   * Key of the line this one was added for (an add-on taken from a product's
   * offer): it is sold only with that product, so it leaves with it. Carts
   * saved before this field existed simply have none.
   */
  readonly parent?: string;
}

/** A whole cart. `rev` counts persisted writes so tabs can tell newer from older. */
export interface CartState {
  readonly id: string;
  readonly currency: string;
  readonly lines: readonly CartLine[];
  /** Coupon codes the shopper entered; the server decides whether they apply. */
  readonly codes?: readonly string[];
  readonly rev: number;
}

/** What may be added: a sku, optional variant and quantity, plus display metadata. */
export interface AddInput {
  sku: string;
  variant?: string;
  quantity?: number;
  name?: string;
  image?: string;
  price?: number;
  /** Key of the line this add-on belongs to; removing that line removes this one. */
  parent?: string;
}

export type CartAction =
  | { type: 'add'; line: AddInput }
  | { type: 'set_quantity'; key: string; quantity: number }
  | { type: 'remove'; key: string }
  | { type: 'clear' }
  | { type: 'add_code'; code: string }
  | { type: 'remove_code'; code: string };

export type { CartLimits };
export { DEFAULT_LIMITS, MAX_CODES };

/**
 * Normalises a coupon code the way shoppers type it: trimmed, upper case.
 *
 * @example
 * normalizeCode(' welcome10 ') // "WELCOME10"
 */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Between sku and variant in a line's key: a control character, which no SKU
 * may hold (see isSku), so a sku alone can never read as a sku and variant.
 * Keys joined with "::" collided: `CUP` in `blue` and the sku `CUP::blue`.
 */
const KEY_SEPARATOR = '\u001f';

/**
 * The key of a line: the sku, or sku and variant joined by U+001F (a
 * character no SKU holds, so two different lines never share a key).
 *
 * @example
 * lineKey('TEA-LJ-100') // "TEA-LJ-100"
 * lineKey('CUP', 'blue') // "CUP\u001fblue"
 */
export function lineKey(sku: string, variant?: string): string {
  return variant ? sku + KEY_SEPARATOR + variant : sku;
}

/**
 * Re-keys a cart saved by an earlier version, whose keys joined sku and
 * variant with "::": every line gets `lineKey(sku, variant)` and an add-on's
 * `parent` follows its product's new key. A cart keyed today comes back as is.
 *
 * @example
 * upgradeCart({ ...cart, lines: [{ key: 'CUP::blue', sku: 'CUP', variant: 'blue', quantity: 1 }] }).lines[0].key // "CUP\u001fblue"
 */
export function upgradeCart(cart: CartState): CartState {
  const keys = new Map(cart.lines.map((l) => [l.key, lineKey(l.sku, l.variant)]));
  if (cart.lines.every((l) => keys.get(l.key) === l.key)) return cart;
  return { ...cart, lines: cart.lines.map((l) => ({ ...l, key: keys.get(l.key)!, ...(l.parent ? { parent: keys.get(l.parent) ?? l.parent } : {}) })) };
}

function fail(field: string, expected: string, value: unknown): never {
  throw new CartliftError('invalid_cart_input', `${field} must be ${expected}; received ${describe(value)}.`, field);
}

function checkQuantity(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `a whole number from ${min} to ${max}`, value);
  }
  return value;
}

function checkText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max) fail(field, `text of at most ${max} characters`, value);
  return value;
}

/**
 * Validates what a caller wants to add and returns a clean copy; throws a
 * CartliftError naming the field otherwise.
 *
 * @example
 * checkAddInput({ sku: 'TEA', quantity: 2 }) // { sku: 'TEA', quantity: 2 }
 * checkAddInput({ sku: '', quantity: 2 })    // throws: sku must be ...
 */
export function checkAddInput(input: AddInput, limits: CartLimits = DEFAULT_LIMITS): AddInput {
  if (typeof input !== 'object' || input === null) fail('item', 'an object with a sku', input);
  const sku = input.sku;
  if (!isSku(sku)) fail('sku', SKU_RULE, sku);
  const clean: AddInput = { sku, quantity: checkQuantity(input.quantity ?? 1, 'quantity', 1, limits.maxQuantity) };
  const variant = checkText(input.variant, 'variant', VARIANT_MAX_LENGTH);
  const name = checkText(input.name, 'name', 200);
  const image = checkText(input.image, 'image', 2048);
  const parent = checkText(input.parent, 'parent', 129);
  if (variant) clean.variant = variant;
  if (parent) clean.parent = parent;
  if (name !== undefined) clean.name = name;
  if (image !== undefined) clean.image = image;
  if (input.price !== undefined) {
    if (!Number.isSafeInteger(input.price) || input.price < 0) fail('price', 'a whole, non-negative number of minor units', input.price);
    clean.price = input.price;
  }
  return clean;
}

/**
 * Validates an action before it reaches the reducer.
 *
 * @example
 * checkAction({ type: 'set_quantity', key: 'TEA', quantity: 1.5 }) // throws: quantity must be ...
 */
export function checkAction(action: CartAction, limits: CartLimits = DEFAULT_LIMITS): CartAction {
  switch (action.type) {
    case 'add':
      return { type: 'add', line: checkAddInput(action.line, limits) };
    case 'set_quantity':
      checkQuantity(action.quantity, 'quantity', 0, Number.MAX_SAFE_INTEGER);
      return action;
    case 'add_code':
    case 'remove_code': {
      const code = typeof action.code === 'string' ? normalizeCode(action.code) : action.code;
      if (!isCouponCode(code)) fail('code', CODE_RULE, action.code);
      return { ...action, code };
    }
    case 'remove':
    case 'clear':
      return action;
    default:
      return fail('action.type', '"add", "set_quantity", "remove", "clear", "add_code" or "remove_code"', (action as { type: unknown }).type);
  }
}

function addLine(state: CartState, line: AddInput, limits: CartLimits): CartState {
  const key = lineKey(line.sku, line.variant);
  const quantity = line.quantity ?? 1;
  const existing = state.lines.find((l) => l.key === key);
  if (!existing && state.lines.length >= limits.maxLines) return state;
  const merged: CartLine = {
    ...existing,
    ...line,
    key,
    quantity: Math.min(limits.maxQuantity, (existing?.quantity ?? 0) + quantity),
  };
  const lines = existing ? state.lines.map((l) => (l.key === key ? merged : l)) : [...state.lines, merged];
  return { ...state, lines };
}

/** Removes a line and the add-ons added for it (an add-on is sold only with its product). */
function removeLine(state: CartState, key: string): CartState {
  return { ...state, lines: state.lines.filter((l) => l.key !== key && l.parent !== key) };
}

/**
 * The pure cart reducer, shared by browser and server. Quantities are clamped
 * to 1..maxQuantity; setting 0 removes the line (and its add-ons, as remove
 * does); unknown keys change nothing.
 * Actions are assumed checked (see checkAction).
 *
 * @example
 * const next = cartReducer(cart, { type: 'add', line: { sku: 'TEA', quantity: 2 } });
 */
export function cartReducer(state: CartState, action: CartAction, limits: CartLimits = DEFAULT_LIMITS): CartState {
  switch (action.type) {
    case 'add':
      return addLine(state, action.line, limits);
    case 'set_quantity': {
      if (!state.lines.some((l) => l.key === action.key)) return state;
      if (action.quantity <= 0) return removeLine(state, action.key);
      const quantity = Math.min(limits.maxQuantity, action.quantity);
      return { ...state, lines: state.lines.map((l) => (l.key === action.key ? { ...l, quantity } : l)) };
    }
    case 'remove':
      return removeLine(state, action.key);
    case 'clear':
      return { ...state, lines: [], codes: [] };
    case 'add_code': {
      const codes = (state.codes ?? []).filter((c) => c !== action.code);
      return { ...state, codes: [...codes, action.code].slice(-MAX_CODES) };
    }
    case 'remove_code':
      return { ...state, codes: (state.codes ?? []).filter((c) => c !== action.code) };
    default:
      return state;
  }
}

/**
 * Sum of display prices times quantities, in minor units (lines without a price count 0).
 *
 * @example
 * cartSubtotal(cart) // 4800
 */
export function cartSubtotal(state: Pick<CartState, 'lines'>): number {
  return state.lines.reduce((sum, l) => sum + (l.price ?? 0) * l.quantity, 0);
}

/** Total number of units in the cart. */
export function cartCount(state: Pick<CartState, 'lines'>): number {
  return state.lines.reduce((sum, l) => sum + l.quantity, 0);
}

/** An empty cart. */
export function emptyCart(id: string, currency: string): CartState {
  return { id, currency, lines: [], rev: 0 };
}
