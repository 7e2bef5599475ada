import { type CartLine, formatMoney } from '@cartlift/core';
import { drawerText as text } from './drawer-text.js';
import { type Locale, pick } from './i18n.js';

/** What a line's price shows: the line total, and the unit price when there is more than one. */
export interface LinePrice {
  /** "$12.00 each" / "单价 $12.00"; absent for a quantity of 1, where it would repeat the total. */
  each?: string;
  total: string;
}

/**
 * A line's prices as the drawer shows them, formatted like the totals.
 *
 * @example
 * linePrice({ price: 1200, quantity: 2 }, 'USD', 'en')    // { each: "$12.00 each", total: "$24.00" }
 * linePrice({ price: 1200, quantity: 2 }, 'USD', 'zh-CN') // { each: "单价 US$12.00", total: "US$24.00" }
 * linePrice({ price: 1200, quantity: 1 }, 'USD', 'en')    // { total: "$12.00" }
 */
export function linePrice(line: { price: number; quantity: number }, currency: string, locale: Locale): LinePrice {
  const money = (amount: number) => formatMoney({ amount, currency }, locale);
  const total = money(line.price * line.quantity);
  return line.quantity > 1 ? { each: pick(text.each, locale)(money(line.price)), total } : { total };
}

/**
 * The cart's lines in the order the drawer lists them: each product followed
 * by the add-ons taken for it (lines whose `parent` is its key), so an add-on
 * sits under what it belongs to. An add-on whose product is gone keeps its place.
 *
 * @example
 * withAddOnsUnderParents([pot, cup, warranty]) // [pot, warranty, cup] when warranty.parent === pot.key
 */
export function withAddOnsUnderParents<T extends Pick<CartLine, 'key' | 'parent'>>(lines: readonly T[]): T[] {
  const underParent = (line: T) => lines.some((parent) => parent.key === line.parent);
  return lines.flatMap((line) => (underParent(line) ? [] : [line, ...lines.filter((child) => child.parent === line.key)]));
}
