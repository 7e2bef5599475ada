import { formatMoney } from '@cartlift/core';
import { promotionName } from './names.js';
import type { NotApplied, Reason } from './types.js';

export type Entry = Pick<NotApplied, 'reason' | 'unlock' | 'name' | 'code'>;

/** Sentence templates per reason code; {label}, {code}, {date}, {required}, {money} and {with} are filled in. */
export type Templates = Record<Reason['code'], string>;

export const money = (amount: number | undefined, currency: string | undefined, locale: string) =>
  formatMoney({ amount: amount ?? 0, currency: currency ?? 'USD' }, locale);

/** Fills a reason's template in `locale`; `label` names the promotion. */
export function sentence(templates: Templates, entry: Entry, locale: string, label: string): string {
  const params = entry.reason.params;
  const values: Record<string, string> = {
    label,
    code: params.code ?? '',
    date: params.date ?? '',
    required: String(params.required),
    money: typeof params.required === 'number' ? money(params.required, params.currency, locale) : '',
    with: params.withCode ?? promotionName(params.withName, locale),
  };
  return templates[entry.reason.code].replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
}
