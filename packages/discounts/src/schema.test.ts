import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CartliftError } from '@cartlift/core';
import { publicPromotions } from './public.js';
import { parsePromotionsConfig, promotionsConfigProblems, promotionsJsonSchema } from './schema.js';

const SCHEMA_FILE = new URL('../promotions.schema.json', import.meta.url);
const EXAMPLE = new URL('../../../docs/examples/promotions.json', import.meta.url);
const base = { id: 'SPRING10', name: 'Spring', rule: { type: 'percent_off', percent: 10 } };
const one = (p: object) => ({ version: 1, promotions: [{ ...base, ...p }] });

function error(input: unknown): CartliftError {
  try {
    parsePromotionsConfig(input);
  } catch (e) {
    return e as CartliftError;
  }
  throw new Error('expected a refusal');
}

describe('parsePromotionsConfig', () => {
  it('accepts the documented example config (text or object)', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    expect(parsePromotionsConfig(text).promotions).toHaveLength(8);
    expect(parsePromotionsConfig(JSON.parse(text)).version).toBe(1);
  });

  it.each([
    [
      one({ startsAt: '2025-04-01', endsAt: '2025-03-01' }),
      "promotion 'SPRING10': endsAt 2025-03-01 is before startsAt 2025-04-01; the promotion would never run.",
      'promotions[0].endsAt',
    ],
    [one({ extra: 1 }), `promotion 'SPRING10': unknown field "extra" (see docs/discounts.md for the fields).`, 'promotions[0]'],
    [
      one({ rule: { type: 'percent_off', percent: 120 } }),
      "promotion 'SPRING10': rule.percent must be at most 100; received 120.",
      'promotions[0].rule.percent',
    ],
    [
      one({ rule: { type: 'percent_off', percent: 10, foo: 1 } }),
      `promotion 'SPRING10': unknown field "rule.foo" (see docs/discounts.md for the fields).`,
      'promotions[0].rule',
    ],
    [
      one({ rule: { type: 'half_off' } }),
      `promotion 'SPRING10': rule.type must be one of "percent_off", "amount_off", "tiered", "every", "buy_x_get_y"; received "half_off".`,
      'promotions[0].rule.type',
    ],
    [
      one({ rule: { type: 'amount_off', amount: 3000 } }),
      `promotion 'SPRING10': currency is required because the promotion has amounts in minor units; add e.g. "currency": "CNY".`,
      'promotions[0].currency',
    ],
    [
      one({ currency: 'CNY', rule: { type: 'amount_off', amount: 19.9 } }),
      "promotion 'SPRING10': rule.amount must be a whole number; received 19.9.",
      'promotions[0].rule.amount',
    ],
    [
      one({ timeZone: 'Mars/Olympus' }),
      `promotion 'SPRING10': timeZone must be an IANA time zone such as "Asia/Shanghai"; received "Mars/Olympus".`,
      'promotions[0].timeZone',
    ],
    [
      one({
        currency: 'CNY',
        rule: {
          type: 'tiered',
          tiers: [
            { spend: 29900, amount: 6000 },
            { spend: 19900, amount: 3000 },
          ],
        },
      }),
      "promotion 'SPRING10': rule.tiers[1].spend 19900 must be above the previous tier's 29900.",
      'promotions[0].rule.tiers[1].spend',
    ],
    [
      one({ rule: { type: 'percent_off', percent: 10, appliesTo: { tags: ['x'] } }, conditions: { thresholdBase: 'after_product_discounts' } }),
      'promotion \'SPRING10\': conditions.thresholdBase must be "before_discounts" for a product promotion; received "after_product_discounts".',
      'promotions[0].conditions.thresholdBase',
    ],
    [
      one({ limits: { budget: 50000 } }),
      `promotion 'SPRING10': currency is required because the promotion has amounts in minor units; add e.g. "currency": "CNY".`,
      'promotions[0].currency',
    ],
    [
      one({ currency: 'CNY', limits: { budget: 99.5 } }),
      "promotion 'SPRING10': limits.budget must be a whole number; received 99.5.",
      'promotions[0].limits.budget',
    ],
    [one({ currency: 'CNY', limits: { budget: 0 } }), "promotion 'SPRING10': limits.budget must be at least 1; received 0.", 'promotions[0].limits.budget'],
    [{ version: 2, promotions: [] }, 'promotions config: version must be 1; received 2.', 'version'],
    [
      { version: 1, promotions: [base, { ...base, code: 'x' }] },
      'promotion \'SPRING10\': code must be 3-32 letters, digits, "_" or "-"; received "x" (1 more problem after this one).',
      'promotions[1].code',
    ],
  ])('refuses %j with a sentence', (input, message, field) => {
    const e = error(input);
    expect(e).toBeInstanceOf(CartliftError);
    expect(e.message).toBe(message);
    expect(e.field).toBe(field);
  });

  it('refuses duplicate ids and codes (ignoring case)', () => {
    expect(error({ version: 1, promotions: [base, base] }).message).toMatch(/id "SPRING10" is used by another promotion/);
    expect(
      error({
        version: 1,
        promotions: [
          { ...base, code: 'ab1' },
          { ...base, id: 'B', code: 'AB1' },
        ],
      }).message,
    ).toMatch(/^promotion 'B': code "AB1" is used by another promotion/);
  });

  it('accepts a budget in minor units of the currency, beside the other limits', () => {
    const parsed = parsePromotionsConfig(one({ currency: 'CNY', limits: { total: 100, perCustomer: 1, budget: 500000 } }));
    expect(parsed.promotions[0]!.limits).toEqual({ total: 100, perCustomer: 1, budget: 500000 });
  });

  it('refuses text that is not JSON', () => {
    expect(error('{"version":').message).toMatch(/^The promotions config is not valid JSON/);
  });
});

describe('archived promotions', () => {
  it('must be switched off, so an archived promotion never applies', () => {
    const promotion = { id: 'old', name: 'Old', rule: { type: 'percent_off', percent: 10 }, archived: true };
    expect(() => parsePromotionsConfig({ version: 1, promotions: [promotion] })).toThrow(/is archived, so it must have "enabled": false/);
    expect(parsePromotionsConfig({ version: 1, promotions: [{ ...promotion, enabled: false }] }).promotions[0]).toMatchObject({ archived: true });
  });
});

describe('single-use codes (uniqueCodes)', () => {
  it('a promotion with uniqueCodes applies only with its generated codes, so it has no code of its own', () => {
    expect(parsePromotionsConfig(one({ uniqueCodes: true })).promotions[0]).toMatchObject({ uniqueCodes: true });
    const e = error(one({ uniqueCodes: true, code: 'SPRING10' }));
    expect(e.message).toBe(
      'promotion \'SPRING10\': code "SPRING10" can\'t be set with "uniqueCodes": true; the promotion applies only with its generated single-use codes, so remove code.',
    );
    expect(e.field).toBe('promotions[0].code');
    expect(error(one({ uniqueCodes: 'yes' })).field).toBe('promotions[0].uniqueCodes');
  });

  it('the public config never shows a uniqueCodes promotion, as it never shows a coded one', () => {
    const config = parsePromotionsConfig({
      version: 1,
      promotions: [
        { ...base, uniqueCodes: true },
        { ...base, id: 'AUTO' },
      ],
    });
    const pub = publicPromotions(config);
    expect(pub.promotions.map((p) => p.id)).toEqual(['AUTO']);
    expect(JSON.stringify(pub)).not.toContain('uniqueCodes');
  });
});

describe('promotions.schema.json', () => {
  it('is up to date (regenerate: UPDATE_SCHEMA=1 npx vitest run --project unit packages/discounts/src/schema.test.ts)', () => {
    const fresh = `${JSON.stringify(promotionsJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(SCHEMA_FILE, fresh);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(fresh);
  });

  it('describes the fields editors should autocomplete', () => {
    const text = JSON.stringify(promotionsJsonSchema());
    for (const field of ['percent_off', 'buy_x_get_y', 'thresholdBase', 'combinesWith', 'zh-CN', 'additionalProperties']) expect(text).toContain(field);
  });
});

describe('publicPromotions', () => {
  it('never exposes codes or limits, and drops disabled ones', () => {
    const config = parsePromotionsConfig(readFileSync(EXAMPLE, 'utf8'));
    const disabled = { ...config, promotions: [...config.promotions, { ...config.promotions[0]!, id: 'OFF', enabled: false }] };
    const pub = publicPromotions(disabled);
    const text = JSON.stringify(pub);
    expect(text).not.toContain('SPRING10');
    expect(text).not.toContain('"code"');
    expect(text).not.toContain('limits');
    const budgeted = { ...config, promotions: [{ ...config.promotions[1]!, currency: 'CNY', limits: { budget: 500000 } }] };
    expect(JSON.stringify(publicPromotions(budgeted))).not.toMatch(/budget|500000/);
    expect(pub.promotions.map((p) => p.id)).not.toContain('OFF');
    expect(pub.promotions).toHaveLength(config.promotions.length - 1);
  });
});

describe('promotionsConfigProblems', () => {
  it('lists every problem with its field, and none for a valid config', () => {
    const config = {
      version: 1,
      promotions: [
        { id: 'ok', name: 'Fine', rule: { type: 'percent_off', percent: 10 } },
        { id: 'bad', name: 'Bad', rule: { type: 'percent_off', percent: 120 }, limits: { total: 0 } },
      ],
    };
    expect(promotionsConfigProblems(config)).toEqual([
      { field: 'promotions[1].rule.percent', message: 'rule.percent must be at most 100; received 120' },
      { field: 'promotions[1].limits.total', message: 'limits.total must be at least 1; received 0' },
    ]);
    expect(promotionsConfigProblems({ version: 1, promotions: [config.promotions[0]] })).toEqual([]);
  });
});

describe('money placeholders in names', () => {
  const named = (name: unknown, description?: unknown) => ({
    version: 1,
    promotions: [
      { id: 'a', name: 'A', rule: { type: 'percent_off', percent: 10 } },
      { id: 'b', name: 'B', rule: { type: 'percent_off', percent: 10 } },
      { id: 'first', name, ...(description !== undefined && { description }), rule: { type: 'percent_off', percent: 10 } },
    ],
  });

  it('accepts {money:<minor units>} and names without placeholders', () => {
    expect(promotionsConfigProblems(named({ en: '{money:500} off your first order', 'zh-CN': '首单立减 {money:500}' }))).toEqual([]);
    expect(promotionsConfigProblems(named('Spend {money:8000} save {money:800}'))).toEqual([]);
    expect(promotionsConfigProblems(named('$5 off, {curly} braces kept'))).toEqual([]);
  });

  it.each([
    [{ en: '{money:5.00} off' }, 'promotions[2].name.en', 'name.en: "{money:5.00}" must be {money:<minor units>}, a whole number such as {money:500} for 5.00'],
    ['{money} off', 'promotions[2].name', 'name: "{money}" must be {money:<minor units>}, a whole number such as {money:500} for 5.00'],
    [
      { en: 'Off', 'zh-CN': '立减 { money:500 }' },
      'promotions[2].name.zh-CN',
      'name.zh-CN: "{ money:500 }" must be {money:<minor units>}, a whole number such as {money:500} for 5.00',
    ],
    ['{money:500 off', 'promotions[2].name', 'name: "{money:500 off" must be {money:<minor units>}, a whole number such as {money:500} for 5.00'],
    [
      '{money:1234567890123456}',
      'promotions[2].name',
      'name: "{money:1234567890123456}" must be {money:<minor units>}, a whole number such as {money:500} for 5.00',
    ],
  ])('refuses the malformed placeholder in %j, naming the field', (name, field, message) => {
    expect(promotionsConfigProblems(named(name))).toEqual([{ field, message }]);
  });

  it('is reported while other fields are still incomplete, as an editor shows it while typing', () => {
    const typing = { version: 1, promotions: [{ id: 'first', name: '{money:5.00} off', rule: { type: 'percent_off' } }] };
    expect(promotionsConfigProblems(typing).map((problem) => problem.field)).toEqual(['promotions[0].name', 'promotions[0].rule.percent']);
  });

  it('checks descriptions too, and parsePromotionsConfig says which promotion', () => {
    expect(promotionsConfigProblems(named('Fine', { en: 'Save {Money:500}' }))).toEqual([
      { field: 'promotions[2].description.en', message: expect.stringContaining('description.en: "{Money:500}" must be {money:<minor units>}') },
    ]);
    expect(error(named({ en: '{money:5.00} off' })).message).toBe(
      `promotion 'first': name.en: "{money:5.00}" must be {money:<minor units>}, a whole number such as {money:500} for 5.00.`,
    );
  });
});
