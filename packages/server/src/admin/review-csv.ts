import { createHash } from 'node:crypto';
import type { Rating, Review, ReviewPhoto, ReviewStatus } from '@cartlift/reviews';
import { parse } from 'csv-parse/sync';

/** Our fields and the header names review apps export them under (lower case, runs of non-letters as `_`), first match wins. */
export const REVIEW_CSV_ALIASES = {
  sourceId: ['review_id', 'reviewid', 'id'],
  sku: ['sku', 'product_sku', 'productsku', 'variant_sku', 'product_handle', 'producthandle', 'handle', 'product_id', 'productid'],
  variant: ['variant', 'product_variant', 'variant_title'],
  rating: ['rating', 'review_score', 'score', 'stars', 'review_rating', 'reviewrating'],
  title: ['title', 'review_title', 'reviewtitle', 'headline'],
  body: ['body', 'review_content', 'content', 'review_body', 'reviewmessage', 'review_message', 'review', 'comment'],
  author: ['reviewer_name', 'author', 'display_name', 'name', 'reviewer', 'customer_name', 'nickname'],
  email: ['reviewer_email', 'email', 'customer_email'],
  createdAt: ['review_date', 'created_at', 'createdat', 'date', 'submitted_at', 'date_created'],
  verified: ['verified', 'verified_purchase', 'verified_buyer', 'reviewverifiedtype', 'verified_type'],
  status: ['status', 'state', 'published', 'curated', 'reviewstate', 'review_state'],
  reply: ['reply', 'merchant_reply', 'comment_content', 'reviewreply', 'public_reply', 'store_reply'],
  replyDate: ['reply_date', 'replied_at', 'reply_created_at', 'reviewreplydate'],
  photos: ['picture_urls', 'photo_urls', 'image_urls', 'reviewimageurls', 'photos', 'images', 'pictures'],
  language: ['language', 'lang', 'locale'],
} as const;

type Field = keyof typeof REVIEW_CSV_ALIASES;

const LIMITS = { sku: 200, variant: 200, title: 300, body: 10_000, author: 100, reply: 2000 } as const;

/** One data row's outcome: `row` counts the header as row 1, as a spreadsheet shows it. */
export type CsvRow = { row: number; review: Review } | { row: number; problem: string };

/** The whole file refused before any row: no header we know, or not CSV. */
export class ReviewCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewCsvError';
  }
}

const headerKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');

/** Which column index holds each field, from the header row. */
function columnsOf(header: readonly string[]): Partial<Record<Field, number>> {
  const keys = header.map(headerKey);
  const found: Partial<Record<Field, number>> = {};
  for (const [field, aliases] of Object.entries(REVIEW_CSV_ALIASES) as [Field, readonly string[]][]) {
    for (const alias of aliases) {
      const index = keys.indexOf(alias);
      if (index >= 0) {
        found[field] = index;
        break;
      }
    }
  }
  for (const field of ['sku', 'rating', 'createdAt'] as const) {
    if (found[field] === undefined) {
      throw new ReviewCsvError(
        `The CSV needs a ${field === 'createdAt' ? 'date' : field === 'sku' ? 'product' : 'rating'} column (a header such as ${REVIEW_CSV_ALIASES[field]
          .slice(0, 4)
          .join(', ')}); its header row has: ${header.slice(0, 20).join(', ') || 'nothing'}.`,
      );
    }
  }
  return found;
}

const YES = new Set(['true', 'yes', 'y', '1', 'verified', 'buyer', 'verified_buyer', 'verified_purchase', 'confirmed']);
const PUBLISHED = new Set(['published', 'true', 'yes', '1', 'ok', 'approved', 'visible', 'active']);
const PENDING = new Set(['', 'pending', 'unpublished', 'false', 'no', '0', 'not-yet', 'not_yet', 'awaiting', 'new']);

function statusOf(value: string): ReviewStatus {
  const key = value.trim().toLowerCase();
  if (PUBLISHED.has(key)) return 'published';
  if (PENDING.has(key)) return 'pending';
  // spam, rejected, hidden, archived…: kept out of sight, with the app's word as the reason.
  return 'rejected';
}

/** "2024-03-05", "2024-03-05 10:20:00 UTC", ISO 8601, or epoch seconds / milliseconds. */
function dateOf(value: string): number | null {
  const text = value.trim();
  if (/^\d{10}$/.test(text)) return Number(text) * 1000;
  if (/^\d{13}$/.test(text)) return Number(text);
  const time = Date.parse(text.replace(/ UTC$/i, 'Z').replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2'));
  return Number.isFinite(time) ? time : null;
}

/** https URLs only, at most 3: an http photo would be mixed content on the shop's page, anything else isn't a photo. */
function photosOf(value: string): ReviewPhoto[] {
  const photos: ReviewPhoto[] = [];
  for (const part of value.split(/[\s,;|]+/)) {
    try {
      const url = new URL(part);
      if (url.protocol === 'https:' && photos.length < 3) photos.push({ url: url.href });
    } catch {
      // not a URL: dropped
    }
  }
  return photos;
}

const HAN = /\p{Script=Han}/u;

function languageOf(given: string, text: string): string {
  const tag = given.trim();
  if (/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(tag)) return tag.replace('_', '-');
  return HAN.test(text) ? 'zh-CN' : 'en';
}

/** A stable id: re-importing the same file (from the same source) finds the same ids and skips them. */
function importId(source: string, sourceId: string, cells: readonly string[]): string {
  const basis = sourceId ? `${source}\u0000id\u0000${sourceId}` : `${source}\u0000row\u0000${cells.join('\u0000')}`;
  return `imp_${createHash('sha256').update(basis).digest('hex').slice(0, 24)}`;
}

/** One data row as a review, or the sentence (naming the row and column) that says why not. */
function rowToReview(cells: readonly string[], row: number, columns: Partial<Record<Field, number>>, header: readonly string[], source: string): CsvRow {
  const cell = (field: Field) => (columns[field] === undefined ? '' : (cells[columns[field]] ?? '').trim());
  const named = (field: Field) => `column "${header[columns[field]!]}"`;
  const refuse = (field: Field, sentence: string): CsvRow => ({ row, problem: `Row ${row}, ${named(field)}: ${sentence}` });
  for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    if (cell(field).length > LIMITS[field]) return refuse(field, `must be at most ${LIMITS[field]} characters; received ${cell(field).length}.`);
  }
  const sku = cell('sku');
  if (!sku) return refuse('sku', 'the product is empty.');
  const rating = Number(cell('rating'));
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    return refuse('rating', `must be a whole number from 1 to 5; received "${cell('rating').slice(0, 20)}".`);
  const createdAt = dateOf(cell('createdAt'));
  if (createdAt === null)
    return refuse('createdAt', `must be a date such as 2024-03-05 or 2024-03-05T10:20:00Z; received "${cell('createdAt').slice(0, 40)}".`);
  const title = cell('title');
  const body = cell('body');
  const status = columns.status === undefined ? 'pending' : statusOf(cell('status'));
  const replyBody = cell('reply');
  const replyAt = dateOf(cell('replyDate')) ?? createdAt;
  const variant = cell('variant');
  return {
    row,
    review: {
      id: importId(source, cell('sourceId'), cells),
      sku,
      ...(variant ? { variant } : {}),
      rating: rating as Rating,
      title,
      body,
      author: cell('author') || 'Anonymous',
      language: languageOf(cell('language'), `${title} ${body}`),
      photos: photosOf(cell('photos')),
      attributes: {},
      helpful: 0,
      createdAt,
      status,
      ...(status === 'rejected' ? { rejectionReason: `Imported as "${cell('status').slice(0, 40)}".` } : {}),
      ...(replyBody ? { reply: { body: replyBody, createdAt: replyAt } } : {}),
      verified: YES.has(cell('verified').toLowerCase()),
    },
  };
}

/**
 * Reads a review app's CSV export (Judge.me, Yotpo, Shopify Product Reviews,
 * Stamped and alike: see `REVIEW_CSV_ALIASES`) into reviews, one outcome per
 * data row. A BOM, CRLF line ends and quoted newlines are read as CSV means
 * them. Emails are read past and never kept. Throws `ReviewCsvError` when the
 * file is not CSV or lacks a product, rating or date column.
 *
 * @example
 * readReviewCsv('product_handle,rating,title,body,reviewer_name,review_date\ncup,5,Lovely,Thin walls,Ann,2024-03-05\n', 'judge.me')
 * // [{ row: 2, review: { sku: 'cup', rating: 5, status: 'pending', … } }]
 */
export function readReviewCsv(text: string, source: string): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new ReviewCsvError(`The body is not CSV that can be read: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new ReviewCsvError('The CSV is empty; it needs a header row and a row per review.');
  const columns = columnsOf(header);
  return rows.map((cells, index) => rowToReview(cells, index + 2, columns, header, source));
}
