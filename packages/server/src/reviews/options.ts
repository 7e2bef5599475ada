import { CartliftError, describeValue } from '@cartlift/core';
import type { ReviewAttributeChoices } from '@cartlift/reviews';
import { env } from '../env.js';

/** The line of a paid order an invitation link is for, as `reviews.invitationUrl` receives it. */
export interface InvitationLine {
  sku: string;
  variant?: string;
  productName: string;
}

/** Reviews written by shoppers: invitations, what is accepted, how it is moderated. */
export interface ReviewOptions {
  /**
   * Where a review link opens: a page of your shop that shows the review form,
   * as a URL (`"https://shop.example/review"`) or per line (`(line) => productPageUrl(line.sku)`).
   * The server adds `cartlift-review=<token>`. Default `"/"`: a relative link your mailer resolves.
   */
  invitationUrl?: string | ((line: InvitationLine) => string);
  /**
   * Signs invitation tokens (HMAC-SHA-256), at least 32 characters. Default
   * CARTLIFT_REVIEW_SECRET, else a random secret made once and kept in the store.
   */
  invitationSecret?: string;
  /** Accept reviews without an invitation (stored with `verified: false`). Default false: 403. */
  acceptUnverified?: boolean;
  /** 'all' (default): every review waits for a person. 'flagged': published at once unless the profanity check holds it. */
  moderation?: 'all' | 'flagged';
  /** Fit-style questions and their answers, e.g. `{ size: ['runs_small', 'true_to_size', 'runs_large'] }`. Default none. */
  attributes?: Record<string, string[]>;
  /** Keep photos as files in this folder instead of in the database. */
  photoFolder?: string;
  /** Per client IP per hour: reviews (10), photo uploads (20), helpful votes (60), "review later" emails (5). */
  perHour?: { submissions?: number; photos?: number; votes?: number; reminders?: number };
}

/** The options a handler runs with. */
export interface ResolvedReviewOptions {
  invitationUrl: (line: InvitationLine) => string;
  /** null: the store makes and keeps one. */
  invitationSecret: string | null;
  acceptUnverified: boolean;
  moderation: 'all' | 'flagged';
  attributes: ReviewAttributeChoices;
  photoFolder: string | null;
  perHour: { submissions: number; photos: number; votes: number; reminders: number };
}

const option = (field: string, expected: string, value: unknown) =>
  new CartliftError('invalid_option', `reviews.${field} must be ${expected}; received ${describeValue(value)}.`, `reviews.${field}`);

function attributesOf(value: unknown): ReviewAttributeChoices {
  if (value === undefined) return {};
  const fine =
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((answers) => Array.isArray(answers) && answers.length > 0 && answers.every((a) => typeof a === 'string' && a.length > 0));
  if (!fine) throw option('attributes', 'an object of non-empty answer lists such as {"size":["runs_small","true_to_size","runs_large"]}', value);
  return Object.fromEntries(Object.entries(value as Record<string, string[]>).map(([name, answers]) => [name, [...answers]]));
}

function perHourOf(value: ReviewOptions['perHour']): ResolvedReviewOptions['perHour'] {
  const defaults = { submissions: 10, photos: 20, votes: 60, reminders: 5 };
  for (const [name, limit] of Object.entries(value ?? {})) {
    if (!Number.isSafeInteger(limit) || (limit as number) < 1) throw option(`perHour.${name}`, 'a positive whole number', limit);
  }
  return { ...defaults, ...value };
}

/**
 * Checks the `reviews` option at start and fills in the defaults.
 *
 * @example
 * reviewOptions({ acceptUnverified: true }).moderation // 'all'
 */
export function reviewOptions(options: ReviewOptions = {}): ResolvedReviewOptions {
  const url = options.invitationUrl ?? '/';
  if (typeof url !== 'string' && typeof url !== 'function') throw option('invitationUrl', 'a URL or a function (line) => URL', url);
  const secret = options.invitationSecret ?? env('CARTLIFT_REVIEW_SECRET') ?? null;
  if (secret !== null && (typeof secret !== 'string' || secret.length < 32))
    throw option(
      'invitationSecret',
      'a secret of at least 32 characters (for example from "openssl rand -hex 32")',
      typeof secret === 'string' ? `${secret.length} characters` : secret,
    );
  if (options.moderation !== undefined && options.moderation !== 'all' && options.moderation !== 'flagged')
    throw option('moderation', '"all" or "flagged"', options.moderation);
  if (options.photoFolder !== undefined && (typeof options.photoFolder !== 'string' || options.photoFolder === ''))
    throw option('photoFolder', 'a folder path', options.photoFolder);
  return {
    invitationUrl: typeof url === 'string' ? () => url : url,
    invitationSecret: secret,
    acceptUnverified: options.acceptUnverified === true,
    moderation: options.moderation ?? 'all',
    attributes: attributesOf(options.attributes),
    photoFolder: options.photoFolder ?? null,
    perHour: perHourOf(options.perHour),
  };
}
