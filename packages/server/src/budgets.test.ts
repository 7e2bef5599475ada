import { type PromotionsConfig, evaluate } from '@cartlift/discounts';
import { describe, expect, test } from 'vitest';
import { asUsedUp, overBudget, spentBudgets } from './budgets.js';

const config: PromotionsConfig = {
  version: 1,
  promotions: [
    { id: 'budgeted', name: 'B', currency: 'USD', rule: { type: 'amount_off', amount: 300 }, limits: { perCustomer: 2, budget: 1000 } },
    { id: 'once', name: 'O', currency: 'USD', rule: { type: 'amount_off', amount: 100 }, limits: { perCustomer: 1 } },
  ],
};
const cart = { currency: 'USD', lines: [{ sku: 'A', quantity: 1, unitPrice: 5000 }], customer: { firstPurchase: false }, now: 0 };
const usage = { budgeted: { used: 3, usedByCustomer: 0, discount: 800 }, once: { used: 0, usedByCustomer: 0, discount: 0 } };

describe('budgets', () => {
  test('a promotion whose discount passes what is left is over budget; one spent to the last unit is used up for every cart', () => {
    const applied = evaluate({ ...cart, promotions: config.promotions, usage }).applied;
    expect(overBudget(config, usage, applied)).toEqual(['budgeted']);
    expect(overBudget(config, { ...usage, budgeted: { ...usage.budgeted, discount: 700 } }, applied)).toEqual([]);
    expect(spentBudgets(config, usage)).toEqual([]);
    expect(spentBudgets(config, { ...usage, budgeted: { ...usage.budgeted, discount: 1000 } })).toEqual(['budgeted']);
  });

  test('used up reads "fully redeemed" for a budget, keeps a per-customer refusal otherwise, and reuses one rewritten list', () => {
    const marked = asUsedUp(config, usage, ['budgeted', 'once']);
    const reasons = evaluate({ ...cart, ...marked }).notApplied.map((n) => [n.promotionId, n.reason.code]);
    expect(reasons).toEqual([
      ['budgeted', 'usage_limit'],
      ['once', 'customer_usage_limit'],
    ]);
    // The same list each time, so the engine's index of it (cached per list) is built once.
    expect(asUsedUp(config, usage, ['budgeted']).promotions).toBe(asUsedUp(config, usage, ['budgeted']).promotions);
    expect(asUsedUp(config, usage, ['once']).promotions).toBe(config.promotions);
  });
});
