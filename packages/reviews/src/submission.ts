import { SKU_RULE, describeValue, isSku } from '@cartlift/core';
import type { Rating } from './model.js';

/** Longest review title, in characters. */
export const MAX_REVIEW_TITLE = 120;
/** Longest review body, in characters. */
export const MAX_REVIEW_BODY = 5000;
/** Longest author display name, in characters. */
export const MAX_REVIEW_AUTHOR = 60;
/** Most photos on one review. */
export const MAX_REVIEW_PHOTOS = 3;

/** One thing wrong with a review a shopper sent: the field and an English sentence about it. */
export interface ReviewSubmissionProblem {
  readonly field: string;
  readonly message: string;
}

/** A review as a shopper sends it (`POST /reviews`), checked. */
export interface ReviewSubmission {
  /** The signed invitation token from the review link, if the shopper came through one. */
  readonly invitation?: string;
  /** The SKU; with an invitation, the server takes the invitation's instead. */
  readonly product?: string;
  readonly variant?: string;
  readonly rating: Rating;
  readonly title: string;
  readonly body: string;
  readonly author: string;
  readonly language: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Ids `POST /reviews/photos` answered. */
  readonly photos: readonly string[];
}

/** The shop's fit-style questions and their allowed answers, e.g. `{ size: ['runs_small', 'true_to_size', 'runs_large'] }`. */
export type ReviewAttributeChoices = Readonly<Record<string, readonly string[]>>;

// Control characters other than line breaks and tabs (a body has paragraphs).
const hasControl = (text: string) => /\p{Cc}/u.test(text.replace(/[\n\r\t]/g, ''));
const PHOTO_ID = /^[A-Za-z0-9_-]{8,64}$/;
// BCP-47 in the shape browsers give (language, optional script, region, variants); not a registry check.
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-[A-Za-z\d]{5,8})*$/;

const received = (value: unknown) => {
  if (typeof value === 'string' && value.length > 60) return `${describeValue(`${value.slice(0, 57)}...`)} (${value.length} characters)`;
  return describeValue(value);
};

/** A text field's problem, or null: a string of min..max characters (after trimming), no control characters. */
function textProblem(field: string, value: unknown, min: number, max: number, what: string): ReviewSubmissionProblem | null {
  const length = typeof value === 'string' ? [...value.trim()].length : -1;
  if (typeof value === 'string' && length >= min && length <= max && !hasControl(value)) return null;
  const bounds = min === 0 ? `at most ${max} characters` : `${min} to ${max} characters`;
  const got = typeof value === 'string' && length >= 0 && (length < min || length > max) ? `${length} characters` : received(value);
  return { field, message: `${field} must be ${what}, ${bounds} without control characters; received ${got}.` };
}

function attributeProblems(value: unknown, choices: ReviewAttributeChoices): ReviewSubmissionProblem[] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: 'attributes', message: `attributes must be an object of answers such as {"size":"runs_small"}; received ${received(value)}.` }];
  }
  const problems: ReviewSubmissionProblem[] = [];
  for (const [name, answer] of Object.entries(value)) {
    const allowed = Object.hasOwn(choices, name) ? choices[name] : undefined;
    if (!allowed) {
      const known = Object.keys(choices);
      problems.push({
        field: `attributes.${name}`,
        message: `attributes.${name} is not a question this shop asks; ${known.length ? `it asks ${known.map((k) => JSON.stringify(k)).join(', ')}` : 'it asks none'}.`,
      });
    } else if (typeof answer !== 'string' || !allowed.includes(answer)) {
      problems.push({
        field: `attributes.${name}`,
        message: `attributes.${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; received ${received(answer)}.`,
      });
    }
  }
  return problems;
}

function photoProblems(value: unknown): ReviewSubmissionProblem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_REVIEW_PHOTOS || !value.every((id) => typeof id === 'string' && PHOTO_ID.test(id))) {
    return [
      {
        field: 'photos',
        message: `photos must be a list of at most ${MAX_REVIEW_PHOTOS} ids that POST /reviews/photos answered; received ${received(value)}.`,
      },
    ];
  }
  if (new Set(value).size !== value.length) return [{ field: 'photos', message: 'photos must not name the same photo twice.' }];
  return [];
}

/**
 * Checks a review a shopper wrote, as the browser form and `POST /reviews`
 * both read it: every problem at once, each an English sentence naming the
 * field, what it must be and what was received. Without an invitation the
 * product is required; with one the server takes the product from it.
 *
 * @example
 * reviewSubmissionProblems({ product: 'TEA-LJ-100', rating: 6, title: '', body: 'Lovely', author: 'Ann', language: 'en' })
 * // { problems: [{ field: 'rating', message: 'rating must be a whole number from 1 to 5; received 6.' }] }
 * reviewSubmissionProblems({ product: 'TEA-LJ-100', rating: 5, title: 'Fresh', body: 'Lovely', author: 'Ann', language: 'en' })
 * // { submission: { product: 'TEA-LJ-100', rating: 5, title: 'Fresh', body: 'Lovely', author: 'Ann', language: 'en', attributes: {}, photos: [] } }
 */
export function reviewSubmissionProblems(
  input: unknown,
  { attributes = {} }: { attributes?: ReviewAttributeChoices } = {},
): { submission: ReviewSubmission } | { problems: ReviewSubmissionProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [{ field: 'body', message: `The review must be a JSON object; received ${received(input)}.` }] };
  }
  const r = input as Record<string, unknown>;
  const problems: ReviewSubmissionProblem[] = [];
  const add = (problem: ReviewSubmissionProblem | null) => problem && problems.push(problem);

  if (r.invitation !== undefined && (typeof r.invitation !== 'string' || !/^[A-Za-z0-9_.-]{10,200}$/.test(r.invitation)))
    add({ field: 'invitation', message: `invitation must be the cartlift-review token from the review link, unchanged; received ${received(r.invitation)}.` });
  if (r.invitation === undefined && r.product === undefined)
    add({ field: 'product', message: 'product is required (the SKU reviewed) when there is no invitation.' });
  else if (r.product !== undefined && (typeof r.product !== 'string' || !isSku(r.product)))
    add({ field: 'product', message: `product must be ${SKU_RULE}; received ${received(r.product)}.` });
  if (r.variant !== undefined) add(textProblem('variant', r.variant, 1, 100, 'the variant bought'));
  if (!Number.isInteger(r.rating) || (r.rating as number) < 1 || (r.rating as number) > 5)
    add({ field: 'rating', message: `rating must be a whole number from 1 to 5; received ${received(r.rating)}.` });
  add(textProblem('title', r.title ?? '', 0, MAX_REVIEW_TITLE, 'text'));
  add(textProblem('body', r.body, 1, MAX_REVIEW_BODY, 'the review text'));
  add(textProblem('author', r.author, 1, MAX_REVIEW_AUTHOR, 'the name to show'));
  if (typeof r.language !== 'string' || !LANGUAGE.test(r.language))
    add({ field: 'language', message: `language must be a BCP-47 tag such as "en" or "zh-CN"; received ${received(r.language)}.` });
  problems.push(...attributeProblems(r.attributes, attributes), ...photoProblems(r.photos));
  if (problems.length) return { problems };

  const submission: { -readonly [K in keyof ReviewSubmission]: ReviewSubmission[K] } = {
    rating: r.rating as Rating,
    title: String(r.title ?? '').trim(),
    body: String(r.body).trim(),
    author: String(r.author).trim(),
    language: r.language as string,
    attributes: Object.fromEntries(Object.entries((r.attributes as Record<string, string>) ?? {})),
    photos: (r.photos as string[]) ?? [],
  };
  if (r.invitation !== undefined) submission.invitation = r.invitation as string;
  if (r.product !== undefined) submission.product = r.product as string;
  if (r.variant !== undefined) submission.variant = String(r.variant).trim();
  return { submission };
}
