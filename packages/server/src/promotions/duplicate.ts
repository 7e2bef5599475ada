import { randomInt } from 'node:crypto';
import type { Promotion, PromotionsConfig } from '@cartlift/discounts';
import { HttpError } from '../http/errors.js';
import { UNAMBIGUOUS_ALPHABET } from './unique-codes.js';

const MAX_ID = 64;

/** `base` with the first free `-copy`, `-copy-2`, … suffix, within the id rule's 64 characters. */
function freeId(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const id = base.slice(0, MAX_ID - suffix.length) + suffix;
    if (!taken.has(id)) return id;
  }
}

/** A code no promotion uses: the original's stem (config codes are 3 to 32 characters) and four random characters. */
function freeCode(code: string, taken: Set<string>): string {
  for (;;) {
    let tail = '';
    for (let i = 0; i < 4; i++) tail += UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)];
    const candidate = `${code.slice(0, 28)}${tail}`.toUpperCase();
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A copy of promotion `id` added to the draft right after it: a new id, a
 * new code if it had one (two promotions never share a code), and switched
 * off, so a copy never goes live by accident.
 *
 * @example
 * const { config, copy } = duplicatePromotion(draft, 'spring'); // copy.id "spring-copy", copy.enabled false
 */
export function duplicatePromotion(config: PromotionsConfig, id: string): { config: PromotionsConfig; copy: Promotion } {
  const index = config.promotions.findIndex((promotion) => promotion.id === id);
  if (index < 0) throw new HttpError(404, 'promotion_not_found', `No promotion ${JSON.stringify(id)} in the draft.`, 'id');
  const original = config.promotions[index]!;
  const ids = new Set(config.promotions.map((promotion) => promotion.id));
  const codes = new Set(config.promotions.flatMap((promotion) => (promotion.code ? [promotion.code.toUpperCase()] : [])));
  const copy: Promotion = { ...structuredClone(original), id: freeId(original.id, ids), enabled: false };
  if (original.code) copy.code = freeCode(original.code, codes);
  const promotions = [...config.promotions];
  promotions.splice(index + 1, 0, copy);
  return { config: { ...config, promotions }, copy };
}
