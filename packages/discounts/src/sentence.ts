import { money, promotionName } from './names.js';
import type { NotApplied, Reason } from './types.js';

export type Entry = Pick<NotApplied, 'reason' | 'unlock' | 'name' | 'code'>;

/** Sentence templates per reason code; {label}, {code}, {date}, {required}, {money} and {with} are filled in. */
export type Templates = Record<Reason['code'], string>;

export { money };

/** Fills a reason's template in `locale`; `label` names the promotion, and names' money is in `currency`. */
export function sentence(templates: Templates, entry: Entry, locale: string, label: string, currency?: string): string {
  const params = entry.reason.params;
  // {code} and {date} only appear in the templates of reasons that carry them.
  const values: Record<string, unknown> = {
    ...params,
    label,
    required: String(params.required),
    money: typeof params.required === 'number' ? money(params.required, params.currency, locale) : '',
    with: params.withCode ?? promotionName(params.withName, locale, currency),
  };
  // The templates leave out the full stop, which is added here once per language: the engine's size budget.
  return `${templates[entry.reason.code].replace(/\{(\w+)\}/g, (_, name: string) => values[name] as string)}${locale === 'zh-CN' ? '。' : '.'}`;
}
