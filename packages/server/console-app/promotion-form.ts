import { currencyExponent, toDecimalString } from '@cartlift/core';
import type { AppliesTo, Promotion, PromotionClass, Rule, Selector, ThresholdBase } from '@cartlift/core/contract';
import { promotionClass } from '@cartlift/discounts';

/** The rule types a marketer picks from; free shipping is 100% off shipping in the file. */
export const RULE_KINDS = ['percent_off', 'amount_off', 'tiered', 'every', 'free_shipping', 'buy_x_get_y'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const TARGETS = ['order', 'shipping', 'items'] as const;
export type Target = (typeof TARGETS)[number];
export const CODE_MODES = ['none', 'code', 'unique'] as const;
export type CodeMode = (typeof CODE_MODES)[number];
export const THRESHOLD_BASES = ['', 'before_discounts', 'after_product_discounts', 'after_order_discounts'] as const;

/** A promotion with the console's fields the engine leaves to the server: single-use codes and a budget. */
export type ConsolePromotion = Promotion & { uniqueCodes?: boolean; limits?: { total?: number; perCustomer?: number; budget?: number } };

export interface TierInput {
  spend: string;
  amount: string;
  percent: string;
}

/**
 * What the form holds: text exactly as typed (so "10%" stays on screen with
 * its error instead of vanishing), money in the currency's major units.
 */
export interface PromotionForm {
  id: string;
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh: string;
  enabled: boolean;
  archived: boolean;
  kind: RuleKind;
  currency: string;
  percent: string;
  amount: string;
  maxDiscount: string;
  perItem: boolean;
  target: Target;
  skus: string;
  tags: string;
  tiers: TierInput[];
  every: string;
  buyQuantity: string;
  buySkus: string;
  buyTags: string;
  getQuantity: string;
  getSkus: string;
  getTags: string;
  getPercent: string;
  maxApplications: string;
  minSubtotal: string;
  minQuantity: string;
  firstPurchase: boolean;
  segments: string;
  channels: string;
  thresholdBase: (typeof THRESHOLD_BASES)[number];
  codeMode: CodeMode;
  code: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  limitTotal: string;
  limitPerCustomer: string;
  budget: string;
  combinesProduct: boolean;
  combinesOrder: boolean;
  combinesShipping: boolean;
  exclusive: boolean;
  priority: string;
  /** Fields the form has no input for (such as conditions.currencies), kept as they were. */
  keptConditions: { currencies?: string[] };
}

/** A problem with what was typed, at the field path the engine's schema uses. */
export interface FieldProblem {
  field: string;
  message: string;
}

const listText = (list: readonly string[] | undefined) => (list ?? []).join(', ');
const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));

/** Minor units as the marketer types them: "100.00" for 10000 CNY. */
export function moneyText(amount: number | undefined, currency: string): string {
  if (amount === undefined) return '';
  try {
    return toDecimalString({ amount, currency });
  } catch {
    return String(amount);
  }
}

/**
 * An empty form: a paused percent-off on the whole order in the shop's currency.
 *
 * @example
 * blankForm('CNY', 'Asia/Shanghai').kind // "percent_off"
 */
export function blankForm(currency: string, timeZone: string): PromotionForm {
  return {
    id: '',
    nameEn: '',
    nameZh: '',
    descriptionEn: '',
    descriptionZh: '',
    enabled: false,
    archived: false,
    kind: 'percent_off',
    currency,
    percent: '',
    amount: '',
    maxDiscount: '',
    perItem: false,
    target: 'order',
    skus: '',
    tags: '',
    tiers: [{ spend: '', amount: '', percent: '' }],
    every: '',
    buyQuantity: '',
    buySkus: '',
    buyTags: '',
    getQuantity: '',
    getSkus: '',
    getTags: '',
    getPercent: '',
    maxApplications: '',
    minSubtotal: '',
    minQuantity: '',
    firstPurchase: false,
    segments: '',
    channels: '',
    thresholdBase: '',
    codeMode: 'none',
    code: '',
    startsAt: '',
    endsAt: '',
    timeZone,
    limitTotal: '',
    limitPerCustomer: '',
    budget: '',
    // The defaults of an order promotion (what a blank percent off is): the other two classes, not its own.
    combinesProduct: true,
    combinesOrder: false,
    combinesShipping: true,
    exclusive: false,
    priority: '',
    keptConditions: {},
  };
}

function targetOf(appliesTo: AppliesTo | undefined): { target: Target; skus: string; tags: string } {
  if (appliesTo === undefined || appliesTo === 'order') return { target: 'order', skus: '', tags: '' };
  if (appliesTo === 'shipping') return { target: 'shipping', skus: '', tags: '' };
  return { target: 'items', skus: listText(appliesTo.skus), tags: listText(appliesTo.tags) };
}

function ruleFields(rule: Rule, currency: string): Partial<PromotionForm> {
  const money = (amount: number | undefined) => moneyText(amount, currency);
  switch (rule.type) {
    case 'percent_off':
      if (rule.percent === 100 && rule.appliesTo === 'shipping' && rule.maxDiscount === undefined) return { kind: 'free_shipping', target: 'shipping' };
      return { kind: 'percent_off', percent: String(rule.percent), maxDiscount: money(rule.maxDiscount), ...targetOf(rule.appliesTo) };
    case 'amount_off':
      return { kind: 'amount_off', amount: money(rule.amount), perItem: rule.perItem === true, ...targetOf(rule.appliesTo) };
    case 'tiered':
      return {
        kind: 'tiered',
        tiers: rule.tiers.map((tier) => ({ spend: money(tier.spend), amount: money(tier.amount), percent: numberText(tier.percent) })),
        ...targetOf(rule.appliesTo),
      };
    case 'every':
      return { kind: 'every', every: money(rule.every), amount: money(rule.amount), maxDiscount: money(rule.maxDiscount), ...targetOf(rule.appliesTo) };
    case 'buy_x_get_y':
      return {
        kind: 'buy_x_get_y',
        buyQuantity: String(rule.buy.quantity),
        buySkus: listText(rule.buy.skus),
        buyTags: listText(rule.buy.tags),
        getQuantity: String(rule.get.quantity),
        getSkus: listText(rule.get.skus),
        getTags: listText(rule.get.tags),
        getPercent: numberText(rule.get.percent),
        maxApplications: numberText(rule.maxApplications),
      };
  }
}

const localized = (name: Promotion['name'] | undefined) =>
  name === undefined ? { en: '', zh: '' } : typeof name === 'string' ? { en: name, zh: '' } : { en: name.en, zh: name['zh-CN'] ?? '' };

/**
 * The form for a promotion from the file.
 *
 * @example
 * formOf(promotion, 'CNY', 'Asia/Shanghai').amount // "30.00" for amount 3000
 */
export function formOf(promotion: ConsolePromotion, shopCurrency: string, shopTimeZone: string): PromotionForm {
  const currency = promotion.currency ?? shopCurrency;
  const money = (amount: number | undefined) => moneyText(amount, currency);
  const name = localized(promotion.name);
  const description = localized(promotion.description);
  const { currencies, ...conditions } = promotion.conditions ?? {};
  const combines = effectiveCombining(promotion);
  return {
    ...blankForm(currency, promotion.timeZone ?? shopTimeZone),
    ...ruleFields(promotion.rule, currency),
    id: promotion.id,
    nameEn: name.en,
    nameZh: name.zh,
    descriptionEn: description.en,
    descriptionZh: description.zh,
    enabled: promotion.enabled !== false,
    archived: promotion.archived === true,
    minSubtotal: money(conditions.minSubtotal),
    minQuantity: numberText(conditions.minQuantity),
    firstPurchase: conditions.firstPurchase === true,
    segments: listText(conditions.segments),
    channels: listText(conditions.channels),
    thresholdBase: conditions.thresholdBase ?? '',
    codeMode: promotion.uniqueCodes ? 'unique' : promotion.code ? 'code' : 'none',
    code: promotion.code ?? '',
    startsAt: promotion.startsAt ?? '',
    endsAt: promotion.endsAt ?? '',
    limitTotal: numberText(promotion.limits?.total),
    limitPerCustomer: numberText(promotion.limits?.perCustomer),
    budget: money(promotion.limits?.budget),
    combinesProduct: combines.product,
    combinesOrder: combines.order,
    combinesShipping: combines.shipping,
    exclusive: promotion.exclusive === true,
    priority: numberText(promotion.priority),
    keptConditions: currencies ? { currencies } : {},
  };
}

/** What combining a promotion allows, its defaults filled in: the other two classes yes, its own no. */
function effectiveCombining(promotion: Pick<Promotion, 'rule' | 'combinesWith'>): Record<PromotionClass, boolean> {
  const own = promotionClass(promotion.rule);
  const declared = promotion.combinesWith ?? {};
  return {
    product: declared.product ?? own !== 'product',
    order: declared.order ?? own !== 'order',
    shipping: declared.shipping ?? own !== 'shipping',
  };
}

/** The class the form's rule is in, read from its type and target alone. */
function formClass(form: Pick<PromotionForm, 'kind' | 'target'>): PromotionClass {
  if (form.kind === 'buy_x_get_y') return 'product';
  if (form.kind === 'free_shipping') return 'shipping';
  if (form.target === 'items') return 'product';
  if (form.target === 'shipping' && (form.kind === 'percent_off' || form.kind === 'amount_off')) return 'shipping';
  return 'order';
}

/**
 * The combining switches a rule of this type and target starts with: on for
 * the other two classes, off for its own (the engine's defaults).
 *
 * @example
 * defaultCombining({ kind: 'free_shipping', target: 'order' }) // { combinesProduct: true, combinesOrder: true, combinesShipping: false }
 */
export function defaultCombining(form: Pick<PromotionForm, 'kind' | 'target'>): Pick<PromotionForm, 'combinesProduct' | 'combinesOrder' | 'combinesShipping'> {
  const own = formClass(form);
  return { combinesProduct: own !== 'product', combinesOrder: own !== 'order', combinesShipping: own !== 'shipping' };
}

/** Reads the form's text into file values, collecting a sentence per field that can't be read. */
class FormReader {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly currency: string) {}

  money(text: string, field: string): number | undefined {
    const typed = text.trim().replace(/,/g, '');
    if (typed === '') return undefined;
    let exponent = 2;
    try {
      exponent = currencyExponent(this.currency);
    } catch {
      // An unknown currency is the currency field's problem; read with two decimals meanwhile.
    }
    const match = /^(\d{1,15})(?:\.(\d*))?$/.exec(typed);
    if (!match || (match[2] ?? '').length > exponent) {
      const example = exponent === 0 ? '100' : `100.${'5'.padEnd(exponent, '0')}`;
      this.problems.push({
        field,
        message: `${field} must be an amount such as ${example}, with at most ${exponent} decimals; received ${JSON.stringify(text)}`,
      });
      return undefined;
    }
    return Number(match[1]) * 10 ** exponent + Number((match[2] ?? '').padEnd(exponent, '0') || 0);
  }

  number(text: string, field: string, rule: 'whole' | 'decimal' = 'whole'): number | undefined {
    const typed = text.trim();
    if (typed === '') return undefined;
    const pattern = rule === 'whole' ? /^-?\d{1,9}$/ : /^\d{1,3}(\.\d{1,2})?$/;
    if (!pattern.test(typed)) {
      const expected = rule === 'whole' ? 'a whole number such as 3' : 'a number such as 15 or 12.5, without "%"';
      this.problems.push({ field, message: `${field} must be ${expected}; received ${JSON.stringify(text)}` });
      return undefined;
    }
    return Number(typed);
  }

  list(text: string): string[] | undefined {
    const items = text
      .split(/[,，\n]/)
      .map((item) => item.trim())
      .filter(Boolean);
    return items.length ? items : undefined;
  }
}

/** Drops the keys whose value is undefined, so the file holds only what was set. */
function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

const orUndefined = <T extends object>(record: T): T | undefined => (Object.keys(record).length ? record : undefined);

function selectorOf(read: FormReader, skus: string, tags: string): Selector {
  return defined({ skus: read.list(skus), tags: read.list(tags) });
}

function appliesToOf(read: FormReader, form: PromotionForm, allowShipping: boolean): AppliesTo | undefined {
  if (form.target === 'shipping' && allowShipping) return 'shipping';
  if (form.target === 'items') return selectorOf(read, form.skus, form.tags);
  return undefined;
}

function ruleOf(read: FormReader, form: PromotionForm): Rule {
  const money = (text: string, field: string) => read.money(text, field);
  switch (form.kind) {
    case 'free_shipping':
      return { type: 'percent_off', percent: 100, appliesTo: 'shipping' };
    case 'percent_off':
      return defined({
        type: 'percent_off' as const,
        percent: read.number(form.percent, 'rule.percent', 'decimal') as number,
        appliesTo: appliesToOf(read, form, true),
        maxDiscount: money(form.maxDiscount, 'rule.maxDiscount'),
      });
    case 'amount_off':
      return defined({
        type: 'amount_off' as const,
        amount: money(form.amount, 'rule.amount') as number,
        appliesTo: appliesToOf(read, form, true),
        perItem: form.perItem || undefined,
      });
    case 'tiered':
      return defined({
        type: 'tiered' as const,
        tiers: form.tiers.map((tier, index) =>
          defined({
            spend: money(tier.spend, `rule.tiers[${index}].spend`) as number,
            amount: money(tier.amount, `rule.tiers[${index}].amount`),
            percent: read.number(tier.percent, `rule.tiers[${index}].percent`, 'decimal'),
          }),
        ),
        appliesTo: appliesToOf(read, form, false) as 'order' | Selector | undefined,
      });
    case 'every':
      return defined({
        type: 'every' as const,
        every: money(form.every, 'rule.every') as number,
        amount: money(form.amount, 'rule.amount') as number,
        maxDiscount: money(form.maxDiscount, 'rule.maxDiscount'),
        appliesTo: appliesToOf(read, form, false) as 'order' | Selector | undefined,
      });
    case 'buy_x_get_y':
      return defined({
        type: 'buy_x_get_y' as const,
        buy: defined({ ...selectorOf(read, form.buySkus, form.buyTags), quantity: read.number(form.buyQuantity, 'rule.buy.quantity') as number }),
        get: defined({
          ...selectorOf(read, form.getSkus, form.getTags),
          quantity: read.number(form.getQuantity, 'rule.get.quantity') as number,
          percent: read.number(form.getPercent, 'rule.get.percent', 'decimal'),
        }),
        maxApplications: read.number(form.maxApplications, 'rule.maxApplications'),
      });
  }
}

function nameOf(en: string, zh: string): Promotion['name'] | undefined {
  if (!en.trim() && !zh.trim()) return undefined;
  return zh.trim() ? { en: en.trim(), 'zh-CN': zh.trim() } : en.trim();
}

/** combinesWith with only what differs from the defaults, so the file stays as short as the marketer meant. */
function combiningOf(form: PromotionForm, rule: Rule): Promotion['combinesWith'] {
  const defaults = effectiveCombining({ rule });
  const chosen = { product: form.combinesProduct, order: form.combinesOrder, shipping: form.combinesShipping };
  return orUndefined(defined({ ...Object.fromEntries(Object.entries(chosen).filter(([key, value]) => defaults[key as PromotionClass] !== value)) }));
}

/**
 * The promotion a form describes, and the sentences for text that can't be
 * read (amounts, numbers). What the engine's schema then says of the
 * promotion is checked separately (`promotionsConfigProblems`).
 *
 * @example
 * const { promotion, problems } = promotionOf({ ...blankForm('CNY', 'Asia/Shanghai'), id: 'spring', nameEn: 'Spring', percent: '10' });
 */
export function promotionOf(form: PromotionForm): { promotion: ConsolePromotion; problems: FieldProblem[] } {
  const read = new FormReader(form.currency.trim().toUpperCase());
  const rule = ruleOf(read, form);
  const conditions = defined({
    minSubtotal: read.money(form.minSubtotal, 'conditions.minSubtotal'),
    minQuantity: read.number(form.minQuantity, 'conditions.minQuantity'),
    firstPurchase: form.firstPurchase || undefined,
    segments: read.list(form.segments),
    channels: read.list(form.channels),
    thresholdBase: (form.thresholdBase || undefined) as ThresholdBase | undefined,
    ...form.keptConditions,
  });
  const limits = defined({
    total: read.number(form.limitTotal, 'limits.total'),
    perCustomer: read.number(form.limitPerCustomer, 'limits.perCustomer'),
    budget: read.money(form.budget, 'limits.budget'),
  });
  const promotion: ConsolePromotion = defined({
    id: form.id.trim(),
    name: nameOf(form.nameEn, form.nameZh) as Promotion['name'],
    description: nameOf(form.descriptionEn, form.descriptionZh),
    enabled: form.enabled,
    archived: form.archived || undefined,
    code: form.codeMode === 'code' ? form.code.trim() : undefined,
    uniqueCodes: form.codeMode === 'unique' || undefined,
    currency: form.currency.trim().toUpperCase() || undefined,
    rule,
    conditions: orUndefined(conditions),
    startsAt: form.startsAt || undefined,
    endsAt: form.endsAt || undefined,
    timeZone: form.timeZone.trim() || undefined,
    limits: orUndefined(limits),
    combinesWith: combiningOf(form, rule),
    exclusive: form.exclusive || undefined,
    priority: read.number(form.priority, 'priority'),
  });
  return { promotion, problems: read.problems };
}
