/**
 * @cartlift/discounts/schema: the zod schema of the promotions config, its
 * parser with sentence errors, and the JSON Schema for editors. Kept apart
 * from the engine so browser bundles only pay for zod where they validate.
 */
import { CartliftError, isCurrency } from '@cartlift/core';
import { z } from 'zod';
import { promotionClass } from './combine.js';
import { toEpoch } from './schedule.js';
import type { PromotionsConfig } from './types.js';

const money = z.int().min(0).max(Number.MAX_SAFE_INTEGER).meta({ description: 'Minor units of the promotion currency (1999 = 19.99; 30 yen = 30).' });
const count = z.int().min(1).max(1_000_000);
const percent = z.number().gt(0).max(100).multipleOf(0.01).meta({ description: 'Percent off, up to two decimals: 10 = 10% off, 100 = free.' });
const text = z.string().min(1).max(200);
// Checked on the text itself, so the marketer sees it as they type even while other fields are incomplete.
const shopperText = text.refine((value) => malformedMoney(value) === undefined, {
  error: (issue) => `${FIELD}: ${describe(malformedMoney(String(issue.input)))} must be {money:<minor units>}, a whole number such as {money:500} for 5.00`,
});
const name = z
  .union([shopperText, z.strictObject({ en: shopperText, 'zh-CN': shopperText.optional() })])
  .meta({ description: 'A string, or { "en": ..., "zh-CN": ... }; amounts as {money:<minor units>}, such as {money:500}.' });
const list = z.array(z.string().min(1).max(100)).max(10_000);
const selectorShape = { skus: list.optional(), tags: list.optional() };
const selector = z.strictObject(selectorShape).meta({ description: 'Lines whose sku or any tag is listed; empty = every line.' });
const time = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, {
    message: 'must be a date like "2025-04-01" or a time like "2025-04-01T10:00"',
  })
  .meta({ description: 'Wall-clock time in timeZone ("2025-04-01" = midnight), or an ISO time with Z or an offset.' });
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code in capitals such as "CNY"' })
  .refine(isCurrency, { message: 'must be an ISO 4217 currency code this runtime knows' });
const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as "Asia/Shanghai"' },
);

const rule = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('percent_off'),
    percent,
    appliesTo: z.union([z.literal('order'), z.literal('shipping'), selector]).optional(),
    maxDiscount: money.optional(),
  }),
  z.strictObject({
    type: z.literal('amount_off'),
    amount: money,
    appliesTo: z.union([z.literal('order'), z.literal('shipping'), selector]).optional(),
    perItem: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('tiered'),
    tiers: z
      .array(z.strictObject({ spend: money, amount: money.optional(), percent: percent.optional() }))
      .min(1)
      .max(50),
    appliesTo: z.union([z.literal('order'), selector]).optional(),
  }),
  z.strictObject({
    type: z.literal('every'),
    every: money.min(1),
    amount: money,
    maxDiscount: money.optional(),
    appliesTo: z.union([z.literal('order'), selector]).optional(),
  }),
  z.strictObject({
    type: z.literal('buy_x_get_y'),
    buy: z.strictObject({ ...selectorShape, quantity: count }),
    get: z.strictObject({ ...selectorShape, quantity: count, percent: percent.optional() }),
    maxApplications: count.optional(),
  }),
]);

const promotion = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { message: 'must be 1-64 letters, digits, "_", "." or "-"' }),
    name,
    description: name.optional(),
    enabled: z.boolean().optional(),
    archived: z.boolean().optional(),
    code: z
      .string()
      .regex(/^[A-Za-z0-9_-]{3,32}$/, { message: 'must be 3-32 letters, digits, "_" or "-"' })
      .optional(),
    uniqueCodes: z
      .boolean()
      .optional()
      .meta({ description: 'true: applies only with one of its generated single-use codes (the console makes them); no code of its own.' }),
    currency: currency.optional(),
    rule,
    conditions: z
      .strictObject({
        minSubtotal: money.optional(),
        minQuantity: count.optional(),
        firstPurchase: z.boolean().optional(),
        segments: list.optional(),
        channels: list.optional(),
        currencies: z.array(currency).min(1).optional(),
        thresholdBase: z.enum(['before_discounts', 'after_product_discounts', 'after_order_discounts']).optional(),
      })
      .optional(),
    startsAt: time.optional(),
    endsAt: time.optional(),
    timeZone: timeZone.optional(),
    limits: z
      .strictObject({
        total: count.optional(),
        perCustomer: count.optional(),
        budget: money
          .min(1)
          .optional()
          .meta({ description: 'Total discount money the promotion may give, in minor units of its currency; the server enforces it at checkout.' }),
      })
      .optional(),
    combinesWith: z.strictObject({ product: z.boolean().optional(), order: z.boolean().optional(), shipping: z.boolean().optional() }).optional(),
    exclusive: z.boolean().optional(),
    priority: z.int().min(-1_000_000).max(1_000_000).optional(),
  })
  .superRefine((p, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const r = p.rule;
    if (p.startsAt && p.endsAt && toEpoch(p.endsAt, p.timeZone) <= toEpoch(p.startsAt, p.timeZone)) {
      issue(['endsAt'], `endsAt ${p.endsAt} is before startsAt ${p.startsAt}; the promotion would never run`);
    }
    // One shared code would defeat single-use codes: anyone could pass it on.
    if (p.uniqueCodes && p.code !== undefined)
      issue(
        ['code'],
        `code ${JSON.stringify(p.code)} can't be set with "uniqueCodes": true; the promotion applies only with its generated single-use codes, so remove code`,
      );
    const hasMoney =
      p.conditions?.minSubtotal !== undefined ||
      p.limits?.budget !== undefined ||
      ('maxDiscount' in r && r.maxDiscount !== undefined) ||
      r.type === 'amount_off' ||
      r.type === 'every' ||
      (r.type === 'tiered' && r.tiers.some((t) => t.spend > 0 || t.amount !== undefined));
    if (hasMoney && !p.currency) issue(['currency'], 'currency is required because the promotion has amounts in minor units; add e.g. "currency": "CNY"');
    if (r.type === 'tiered') {
      r.tiers.forEach((t, i) => {
        if ((t.amount === undefined) === (t.percent === undefined)) issue(['rule', 'tiers', i], `rule.tiers[${i}] must have exactly one of amount or percent`);
        if (i > 0 && t.spend <= r.tiers[i - 1]!.spend)
          issue(['rule', 'tiers', i, 'spend'], `rule.tiers[${i}].spend ${t.spend} must be above the previous tier's ${r.tiers[i - 1]!.spend}`);
      });
    }
    if (r.type === 'amount_off' && r.perItem && (r.appliesTo === undefined || typeof r.appliesTo === 'string')) {
      issue(['rule', 'perItem'], 'rule.perItem needs appliesTo to select items ({ "skus": [...] } or { "tags": [...] })');
    }
    const cls = promotionClass(r as PromotionsConfig['promotions'][number]['rule']);
    const base = p.conditions?.thresholdBase;
    if (cls === 'product' && base && base !== 'before_discounts') {
      issue(['conditions', 'thresholdBase'], `conditions.thresholdBase must be "before_discounts" for a product promotion; received "${base}"`);
    }
    if (cls === 'order' && base === 'after_order_discounts') {
      issue(
        ['conditions', 'thresholdBase'],
        'conditions.thresholdBase "after_order_discounts" is only for shipping promotions; an order promotion cannot count its own stage',
      );
    }
  });

/**
 * The first money placeholder in `text` that promotionName would not format
 * (such as "{money:5.00}", "{money}" or "{ money:500 }"), shown to the shopper
 * as written otherwise; undefined when every one is {money:<minor units>}.
 *
 * @example
 * malformedMoney('{money:5.00} off') // "{money:5.00}"
 * malformedMoney('{money:500} off')  // undefined
 */
export function malformedMoney(text: string): string | undefined {
  return text.match(/\{\s*money\b[^}]*\}?/gi)?.find((placeholder) => !/^\{money:\d{1,15}\}$/.test(placeholder));
}

/** The promotions config schema (zod). */
export const promotionsConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1).meta({ description: 'Config format version; 1.' }),
    promotions: z.array(promotion).max(100_000),
  })
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    const codes = new Set<string>();
    config.promotions.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['promotions', i, 'id'], message: `id "${p.id}" is used by another promotion; ids must be unique` });
      ids.add(p.id);
      const code = p.code?.toUpperCase();
      if (code && codes.has(code))
        ctx.addIssue({
          code: 'custom',
          path: ['promotions', i, 'code'],
          message: `code "${p.code}" is used by another promotion; codes must be unique (ignoring case)`,
        });
      if (code) codes.add(code);
      // Archiving keeps a promotion for its history; it must never apply, so it is switched off too.
      if (p.archived && p.enabled !== false)
        ctx.addIssue({
          code: 'custom',
          path: ['promotions', i, 'enabled'],
          message: `promotion '${p.id}' is archived, so it must have "enabled": false; an archived promotion never applies`,
        });
    });
  });

/** Stands for the field's name in a custom message whose sentence starts with it. */
const FIELD = '$field';

function describe(value: unknown): string {
  const s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function fieldOf(path: PropertyKey[]): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)), '');
}

const UNION_HINTS: Record<string, string> = {
  name: 'a string or { "en": "...", "zh-CN": "..." }',
  description: 'a string or { "en": "...", "zh-CN": "..." }',
  appliesTo: '"order", "shipping" or { "skus": [...], "tags": [...] }',
};

function sentence(issue: z.core.$ZodIssue, field: string): string {
  const got = 'input' in issue && issue.input !== undefined ? `; received ${describe(issue.input)}` : '';
  switch (issue.code) {
    case 'custom':
      return issue.message.startsWith('must') ? `${field} ${issue.message}${got}` : issue.message.replace(FIELD, field);
    case 'invalid_type':
      return issue.input === undefined
        ? `${field} is required (${issue.expected})`
        : `${field} must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}${got}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${field ? `${field}.` : ''}${k}"`).join(', ')} (see docs/discounts.md for the fields)`;
    case 'too_small':
      return `${field} must be ${issue.origin === 'array' ? `a list of at least ${issue.minimum}` : `${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`}${got}`;
    case 'too_big':
      return `${field} must be ${issue.origin === 'array' ? `a list of at most ${issue.maximum}` : `${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`}${got}`;
    case 'not_multiple_of':
      return `${field} must be a multiple of ${issue.divisor}${got}`;
    case 'invalid_value':
      return `${field} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}${got}`;
    case 'invalid_union':
      if (issue.discriminator) {
        const value = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        return `${field} must be one of ${('options' in issue ? (issue.options ?? []) : []).map((o) => JSON.stringify(o)).join(', ')}; received ${describe(value)}`;
      }
      return `${field} must be ${UNION_HINTS[field.split('.').pop()!] ?? 'another shape'}${got}`;
    default:
      return `${field} ${issue.message}${got}`;
  }
}

/**
 * Validates a promotions config (an object, or its JSON text) and returns it
 * typed. Throws a CartliftError whose message is a sentence naming the
 * promotion and the field, and whose `field` is the path.
 *
 * @example
 * parsePromotionsConfig({ version: 1, promotions: [] }) // { version: 1, promotions: [] }
 * parsePromotionsConfig(badJson)
 * // throws: promotion 'SPRING10': endsAt 2025-03-01 is before startsAt 2025-04-01; the promotion would never run.
 */
export function parsePromotionsConfig(json: unknown): PromotionsConfig {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new CartliftError('invalid_promotions', `The promotions config is not valid JSON: ${(error as Error).message}.`, 'promotions');
    }
  }
  const result = promotionsConfigSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data as PromotionsConfig;
  const issue = result.error.issues[0]!;
  const [top, index, ...rest] = issue.path;
  const inPromotion = top === 'promotions' && typeof index === 'number';
  const id = inPromotion ? (data as { promotions: { id?: unknown }[] }).promotions[index]?.id : undefined;
  const who = inPromotion ? `promotion ${typeof id === 'string' ? `'${id}'` : `#${index + 1}`}: ` : 'promotions config: ';
  const more =
    result.error.issues.length > 1 ? ` (${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''} after this one)` : '';
  const field = fieldOf(issue.path);
  throw new CartliftError('invalid_promotions', `${who}${sentence(issue, fieldOf(inPromotion ? rest : issue.path))}${more}.`, field || 'promotions');
}

/** One problem in a promotions config: the field's path and the sentence the engine gives for it. */
export interface PromotionsProblem {
  /** Such as "promotions[2].rule.amount", or "promotions" for the file itself. */
  field: string;
  message: string;
}

/**
 * Every problem in a promotions config, not only the first: what an editor
 * shows beside each field as the marketer types. The sentences are the ones
 * `parsePromotionsConfig` throws (without the promotion's name in front);
 * an empty list means the config is valid.
 *
 * @example
 * promotionsConfigProblems({ version: 1, promotions: [{ id: 'x', name: 'X', rule: { type: 'percent_off', percent: 120 } }] })
 * // [{ field: 'promotions[0].rule.percent', message: 'rule.percent must be at most 100; received 120' }]
 */
export function promotionsConfigProblems(json: unknown): PromotionsProblem[] {
  const result = promotionsConfigSchema.safeParse(json, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [top, index, ...rest] = issue.path;
    const inPromotion = top === 'promotions' && typeof index === 'number';
    return { field: fieldOf(issue.path) || 'promotions', message: sentence(issue, fieldOf(inPromotion ? rest : issue.path)) };
  });
}

/**
 * The JSON Schema of the promotions config, for editors (commit it as
 * promotions.schema.json and point "$schema" at it).
 *
 * @example
 * fs.writeFileSync('promotions.schema.json', JSON.stringify(promotionsJsonSchema(), null, 2));
 */
export function promotionsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(promotionsConfigSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://cartlift.dev/schemas/promotions.schema.json',
    title: 'Cartlift promotions config',
  };
}

// Compile-time check: the schema's type and the engine's hand-written types agree.
type Parsed = z.output<typeof promotionsConfigSchema>;
export type SchemaMatchesTypes = Parsed extends PromotionsConfig ? true : never;
const _typesAgree: SchemaMatchesTypes = true;
void _typesAgree;
