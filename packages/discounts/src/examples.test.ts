import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { parsePromotionsConfig } from './schema.js';
import type { CartLineInput } from './types.js';

// The worked examples in docs/discounts.md, run against docs/examples/promotions.json.
const docs = readFileSync(new URL('../../../docs/discounts.md', import.meta.url), 'utf8');
const config = parsePromotionsConfig(readFileSync(new URL('../../../docs/examples/promotions.json', import.meta.url), 'utf8'));
const table = docs.split('<!-- examples:start -->')[1]!.split('<!-- examples:end -->')[0]!;
const rows = table
  .split('\n')
  .filter((l) => /^\|\s*\d+\s*\|/.test(l))
  .map((l) =>
    l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()),
  );

function parseLines(text: string): CartLineInput[] {
  return text.split(',').map((part) => {
    const m = /^(\S+)(?: \[([^\]]*)\])? (\d+)×(\d+)$/.exec(part.trim());
    if (!m) throw new Error(`bad line "${part}" in the docs table`);
    return { sku: m[1]!, unitPrice: Number(m[3]), quantity: Number(m[4]), ...(m[2] && { tags: m[2].split(' ') }) };
  });
}

describe('worked examples in docs/discounts.md', () => {
  it('has examples', () => expect(rows.length).toBeGreaterThanOrEqual(6));
  it.each(rows)('example %s', (_n, now, currency, customer, codes, lines, subtotal, discount, shipping, total, applied) => {
    const segments = customer!
      .split(',')
      .map((s) => s.trim())
      .slice(1);
    const result = evaluate({
      currency: currency!,
      lines: parseLines(lines!),
      shipping: { amount: 1000 },
      customer: { firstPurchase: customer!.startsWith('first'), segments },
      codes: codes === '–' ? [] : codes!.split(',').map((c) => c.trim()),
      now: Date.parse(now!),
      promotions: config.promotions,
    });
    expect(result.subtotal).toBe(Number(subtotal));
    expect(result.discountTotal).toBe(Number(discount));
    expect(result.shippingTotal).toBe(Number(shipping));
    expect(result.total).toBe(Number(total));
    expect(result.applied.map((a) => `${a.promotionId} ${a.amount}`).join(', ')).toBe(applied);
  });
});
