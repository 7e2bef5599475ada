// Evaluation time of @cartlift/discounts (the built package) for carts of 1, 10
// and 100 lines against 10 ... 10,000 active promotions. Run after the build:
//   CARTLIFT_PACKAGES=core,discounts npx rollup -c && node test/bench/discounts.bench.mjs
// Prints figures; asserts nothing. Targets: 100 lines x 1,000 <= 2 ms median,
// 10,000 promotions <= 20 ms.
import { evaluate } from '@cartlift/discounts';

const CATALOG = 20_000; // skus
const TAGS = 200;
const NOW = Date.parse('2025-05-01T00:00:00Z');

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same carts.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A store's mix: half are coupon codes (most not entered), a third target one
 * or a few skus, some target a tag, a few are order-wide or shipping (most of
 * those scheduled outside now or for a segment), some buy-x-get-y.
 */
function promotions(n, rand) {
  const sku = () => `SKU-${Math.floor(rand() * CATALOG)}`;
  const tag = () => `tag-${Math.floor(rand() * TAGS)}`;
  return Array.from({ length: n }, (_, i) => {
    const id = `P${String(i).padStart(5, '0')}`;
    const r = rand();
    const base = { id, name: { en: `Promotion ${i}`, 'zh-CN': `促销 ${i}` }, priority: Math.floor(rand() * 3) };
    if (r < 0.5) return { ...base, code: `CODE${i}`, rule: { type: 'percent_off', percent: 5 + (i % 20), appliesTo: { skus: [sku()] } } };
    if (r < 0.83) return { ...base, rule: { type: 'percent_off', percent: 5 + (i % 30), appliesTo: { skus: [sku(), sku()] } } };
    if (r < 0.9) return { ...base, rule: { type: 'amount_off', amount: 500, perItem: true, appliesTo: { tags: [tag()] } }, currency: 'CNY' };
    if (r < 0.95) return { ...base, rule: { type: 'buy_x_get_y', buy: { quantity: 2, skus: [sku()] }, get: { quantity: 1 } } };
    const past = rand() < 0.9;
    const window = past ? { startsAt: '2024-01-01', endsAt: '2024-02-01', timeZone: 'Asia/Shanghai' } : {};
    if (r < 0.98)
      return {
        ...base,
        ...window,
        currency: 'CNY',
        rule: {
          type: 'tiered',
          tiers: [
            { spend: 19900, amount: 3000 },
            { spend: 29900, amount: 6000 },
          ],
        },
        conditions: { segments: rand() < 0.5 ? ['vip'] : [] },
      };
    return { ...base, ...window, currency: 'CNY', rule: { type: 'percent_off', percent: 100, appliesTo: 'shipping' }, conditions: { minSubtotal: 9900 } };
  });
}

function cart(lines, rand, promos) {
  return {
    currency: 'CNY',
    lines: Array.from({ length: lines }, () => ({
      sku: `SKU-${Math.floor(rand() * CATALOG)}`,
      quantity: 1 + Math.floor(rand() * 3),
      unitPrice: 500 + Math.floor(rand() * 30_000),
      tags: [`tag-${Math.floor(rand() * TAGS)}`],
    })),
    shipping: { amount: 1000 },
    customer: { firstPurchase: false, segments: [] },
    codes: ['CODE7', 'NOPE'],
    now: NOW,
    promotions: promos,
  };
}

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)] };
}

const rows = [];
const started = performance.now();
for (const n of [10, 100, 1_000, 10_000]) {
  const rand = rng(n);
  const promos = promotions(n, rand);
  const t0 = performance.now();
  evaluate(cart(1, rand, promos)); // first call builds and caches the index for this config
  const indexMs = performance.now() - t0;
  for (const lines of [1, 10, 100]) {
    const carts = Array.from({ length: 50 }, () => cart(lines, rand, promos));
    for (const c of carts.slice(0, 10)) evaluate(c); // warm-up
    const times = [];
    let applied = 0;
    let candidates = 0;
    let heuristic = 0;
    const deadline = performance.now() + 3000;
    for (let round = 0; round < 8 && performance.now() < deadline; round++) {
      for (const c of carts) {
        const t = performance.now();
        const r = evaluate(c);
        times.push(performance.now() - t);
        applied += r.applied.length;
        candidates += r.bestDeal.candidates.length;
        heuristic += r.bestDeal.mode === 'heuristic' ? 1 : 0;
      }
    }
    const { median, p95 } = stats(times);
    rows.push({
      promotions: n,
      lines,
      'median ms': median.toFixed(3),
      'p95 ms': p95.toFixed(3),
      'candidates/cart': (candidates / times.length).toFixed(1),
      'applied/cart': (applied / times.length).toFixed(1),
      'heuristic %': ((100 * heuristic) / times.length).toFixed(0),
      'index build ms': lines === 1 ? indexMs.toFixed(1) : '',
      runs: times.length,
    });
  }
}
console.log('@cartlift/discounts evaluate() — built package, Node', process.version);
console.table(rows);
const target = (n, lines, limit) => {
  const row = rows.find((r) => r.promotions === n && r.lines === lines);
  return `${n} promotions x ${lines} lines: median ${row['median ms']} ms (target <= ${limit} ms, ${Number(row['median ms']) <= limit ? 'met' : 'MISSED'})`;
};
console.log(target(1_000, 100, 2));
console.log(target(10_000, 100, 20));
console.log(`total bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
