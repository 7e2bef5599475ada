import { formatMoney } from '@cartlift/core';
import { promotionName } from './names.js';
import type { NotApplied, Reason } from './types.js';

export type Entry = Pick<NotApplied, 'reason' | 'unlock' | 'name' | 'code'>;

/** Sentence templates per reason code; {label}, {code}, {date}, {required}, {money} and {with} are filled in. */
export type Templates = Record<Reason['code'], string>;

export const money = (amount: number | undefined, currency: string | undefined, locale: string) =>
  formatMoney({ amount: amount ?? 0, currency: currency ?? 'USD' }, locale);

/** Fills a reason's template in `locale`; `label` names the promotion. */
export function sentence(t: Templates, e: Entry, locale: string, label: string): string {
  const p = e.reason.params;
  const vars: Record<string, string> = {
    label,
    code: p.code ?? '',
    date: p.date ?? '',
    required: String(p.required),
    money: typeof p.required === 'number' ? money(p.required, p.currency, locale) : '',
    with: p.withCode ?? promotionName(p.withName, locale),
  };
  return t[e.reason.code].replace(/\{(\w+)\}/g, (_, k: string) => vars[k]!);
}
