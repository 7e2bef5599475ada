import { randomInt } from 'node:crypto';
import { CartliftError, describeValue } from '@cartlift/core';
import { CODE_MAX_LENGTH, isCouponCode } from '@cartlift/core/contract';

/** Letters and digits a shopper can't misread or mistype for another: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. */
export const UNAMBIGUOUS_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** How many codes one batch may hold. */
export const MAX_CODES_PER_BATCH = 100_000;

export interface CodeBatchOptions {
  /** How many codes, 1 to 100,000. */
  count: number;
  /** Printed before each code, such as "SPRING-"; letters, digits, "-" and "_". */
  prefix?: string;
  /** Random characters after the prefix; at least 6, so guessing one is hopeless. Default 10. */
  length?: number;
  /** The characters to draw from. Default UNAMBIGUOUS_ALPHABET. */
  alphabet?: string;
}

/**
 * The batch options checked and filled in (prefix and alphabet upper case,
 * length 10 by default), or a CartliftError `invalid_code_batch` whose
 * sentence names the field, what it must be and what was received.
 *
 * @example
 * checkCodeBatch({ count: 500, prefix: 'spring-' }) // { count: 500, prefix: 'SPRING-', length: 10, alphabet: UNAMBIGUOUS_ALPHABET }
 * checkCodeBatch({ count: 0 }) // throws: count must be a whole number from 1 to 100,000; received 0.
 */
export function checkCodeBatch(options: CodeBatchOptions): Required<CodeBatchOptions> {
  const { count, prefix = '', length = 10, alphabet = UNAMBIGUOUS_ALPHABET } = options;
  const fail = (field: string, rule: string, value: unknown): never => {
    throw new CartliftError('invalid_code_batch', `${field} must be ${rule}; received ${describeValue(value)}.`, field);
  };
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_CODES_PER_BATCH)
    fail('count', `a whole number from 1 to ${MAX_CODES_PER_BATCH.toLocaleString('en')}`, count);
  if (!Number.isSafeInteger(length) || length < 6 || prefix.length + length > CODE_MAX_LENGTH)
    fail('length', `a whole number from 6 to ${CODE_MAX_LENGTH - prefix.length} (a code is at most ${CODE_MAX_LENGTH} characters with its prefix)`, length);
  if (prefix && !isCouponCode(prefix.toUpperCase())) fail('prefix', 'letters, digits, "-" or "_"', prefix);
  if (new Set(alphabet).size < 16 || !isCouponCode(alphabet)) fail('alphabet', 'at least 16 different letters, digits, "-" or "_"', alphabet);
  // Enough room that a batch never has to search long for an unused code.
  if (new Set(alphabet).size ** length < count * 1000) fail('length', `long enough for ${count} codes to stay unguessable`, length);
  return { count, prefix: prefix.toUpperCase(), length, alphabet: alphabet.toUpperCase() };
}

/**
 * Single-use codes for a promotion: `count` distinct codes, each `prefix`
 * then `length` characters drawn uniformly (crypto.randomInt) from an
 * alphabet without look-alikes. Yields in slices so a caller can report
 * progress and let other work run between them.
 *
 * @example
 * for (const slice of uniqueCodes({ count: 10_000, prefix: 'SPRING-' })) await store.addCodes(promotionId, slice);
 */
export function* uniqueCodes(options: CodeBatchOptions, sliceSize = 5000): Generator<string[]> {
  const { count, prefix, length, alphabet } = checkCodeBatch(options);
  const seen = new Set<string>();
  while (seen.size < count) {
    const slice: string[] = [];
    while (slice.length < sliceSize && seen.size < count) {
      let code = prefix;
      for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
      if (seen.has(code)) continue;
      seen.add(code);
      slice.push(code);
    }
    yield slice;
  }
}

/** One code's line in the export: quoted where CSV needs it (codes never do; statuses and order ids never hold a comma). */
export interface CodeRow {
  code: string;
  status: 'unused' | 'held' | 'redeemed';
  order?: string | null;
}

/**
 * Codes as CSV with a header row, for the marketer's mail-merge or print shop.
 *
 * @example
 * codesCsv([{ code: 'SPRING-ACDE34', status: 'unused' }]) // "code,status,order\r\nSPRING-ACDE34,unused,\r\n"
 */
export function codesCsv(rows: Iterable<CodeRow>): string {
  let csv = 'code,status,order\r\n';
  for (const row of rows) csv += `${row.code},${row.status},${row.order ?? ''}\r\n`;
  return csv;
}
