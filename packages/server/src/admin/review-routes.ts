import { RATINGS, type Rating, type Review, type ReviewStatus } from '@cartlift/reviews';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Route, RouteHandler } from '../router.js';
import { InvalidModerationCursorError } from '../store/sql-review-moderation.js';
import type { AdminUser, ModerationQuery, Store } from '../store/types.js';
import { afterReviewChanged } from './after-review-changed.js';
import { requireAdmin } from './require-admin.js';
import { importReviewCsv, MAX_REVIEW_CSV_BYTES } from './review-import.js';

const STATUSES: readonly ReviewStatus[] = ['pending', 'published', 'rejected'];
const MAX_PAGE = 100;
const MAX_REASON = 500;
/** The longest merchant reply, as the issue sets it. */
export const MAX_REPLY = 2000;
const PREFIX = '/admin/api/reviews/';

/** A value as a refusal quotes it: short, and never a whole body. */
function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value)?.slice(0, 80) ?? String(value);
}

function refuse(field: string, sentence: string): never {
  throw new HttpError(400, 'invalid_request', sentence, field);
}

/** `?status=&product=&rating=&q=&cursor=&limit=` checked, each refusal naming its field. */
export function moderationQuery(params: URLSearchParams): ModerationQuery {
  const status = params.get('status') || undefined;
  if (status !== undefined && !STATUSES.includes(status as ReviewStatus))
    refuse('status', `status must be one of ${STATUSES.join(', ')}; received ${received(status)}.`);
  const product = params.get('product')?.trim() || undefined;
  if (product && product.length > 200) refuse('product', `product must be a SKU of at most 200 characters; received ${product.length}.`);
  const ratingText = params.get('rating') || undefined;
  const rating = ratingText?.split(',').map(Number);
  if (rating && !rating.every((star) => RATINGS.includes(star as Rating)))
    refuse('rating', `rating must be stars from 1 to 5, comma-separated such as "1,2"; received ${received(ratingText)}.`);
  const q = params.get('q')?.trim() || undefined;
  if (q && q.length > 100) refuse('q', `q must be at most 100 characters; received ${q.length}.`);
  const limitText = params.get('limit');
  const limit = limitText === null ? 25 : Number(limitText);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE)
    refuse('limit', `limit must be a whole number from 1 to ${MAX_PAGE}; received ${received(limitText)}.`);
  const cursor = params.get('cursor') || undefined;
  return { status: status as ReviewStatus | undefined, product, rating: rating as Rating[] | undefined, q, cursor, limit };
}

const list =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const query = moderationQuery(new URL(request.url).searchParams);
    const store = await ctx.store();
    try {
      return json(await store.moderationReviews(query));
    } catch (error) {
      if (error instanceof InvalidModerationCursorError) refuse('cursor', error.message);
      throw error;
    }
  };

const counts =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const product = new URL(request.url).searchParams.get('product')?.trim() || undefined;
    const store = await ctx.store();
    return json({ ...(product ? { product } : {}), counts: await store.reviewStarCounts(product) });
  };

/** The JSON object a moderation change sends (an empty body reads as `{}`). */
async function readObject(ctx: HandlerContext, request: Request): Promise<Record<string, unknown>> {
  const text = await readBody(request, { limit: ctx.limits.bodyBytes, json: true });
  const body = text.trim() === '' ? {} : parseJson(text);
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    refuse('body', `The request body must be an object such as {"reason": "…"}; received ${received(body)}.`);
  return body as Record<string, unknown>;
}

function textField(body: Record<string, unknown>, field: string, max: number, { required }: { required: boolean }): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim().length > max || (required && value.trim() === '')) {
    refuse(
      field,
      `${field} must be ${required ? 'a sentence of 1' : 'text of 0'} to ${max} characters; received ${typeof value === 'string' ? `${value.trim().length} characters` : received(value)}.`,
    );
  }
  return value.trim();
}

function notFound(id: string): never {
  throw new HttpError(404, 'review_not_found', `There is no review with id ${received(id)}.`, 'id');
}

type Action = 'approve' | 'reject' | 'reply';

/** Applies one moderation action for `user`, audits it, and answers the review as it now is. */
async function moderate(ctx: HandlerContext, store: Store, user: AdminUser, id: string, action: Action, body: Record<string, unknown>): Promise<Review> {
  const before = await store.reviewWithHistory(id);
  if (!before) notFound(id);
  const change = { id, actor: user.email, now: ctx.now() };
  let after: Review | null;
  if (action === 'reply') {
    const reply = textField(body, 'body', MAX_REPLY, { required: false });
    after = await store.replyToReview({ ...change, body: reply === '' ? null : reply });
  } else {
    const reason = action === 'reject' ? textField(body, 'reason', MAX_REASON, { required: true }) : null;
    after = await store.moderateReview({ ...change, status: action === 'approve' ? 'published' : 'rejected', reason });
  }
  if (!after) notFound(id);
  const auditAction =
    action === 'reply' ? (after.reply ? 'review_replied' : 'review_reply_removed') : action === 'approve' ? 'review_approved' : 'review_rejected';
  const summary = (review: Review) => ({ status: review.status, rejectionReason: review.rejectionReason ?? null, reply: review.reply?.body ?? null });
  await store.appendAuditEntry({
    at: change.now,
    userId: user.id,
    action: auditAction,
    subject: `review ${id} of ${after.sku}`,
    before: summary(before.review),
    after: summary(after),
  });
  if (action !== 'reply') await afterReviewChanged(store, after.sku);
  return after;
}

/** `GET …/reviews/<id>` and `POST …/reviews/<id>/approve|reject|reply`: the router matches the prefix, this reads the rest. */
const byId =
  (ctx: HandlerContext, method: 'GET' | 'POST'): RouteHandler =>
  async (request) => {
    const path = new URL(request.url).pathname;
    const rest = path.slice(path.indexOf(PREFIX) + PREFIX.length).replace(/\/+$/, '');
    const [rawId = '', action, ...extra] = rest.split('/');
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      notFound(rawId);
    }
    if (method === 'GET') {
      await requireAdmin(ctx, request, { role: 'viewer', change: false });
      if (action !== undefined || !id) throw new HttpError(404, 'not_found', `No route GET ${path}.`);
      const found = await (await ctx.store()).reviewWithHistory(id);
      if (!found) notFound(id);
      return json(found);
    }
    if (!id || extra.length || (action !== 'approve' && action !== 'reject' && action !== 'reply')) {
      throw new HttpError(404, 'not_found', `No route POST ${path}; a review takes POST …/reviews/<id>/approve, /reject or /reply.`);
    }
    // Marketers run the shop's storefront content; viewers only look.
    const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true });
    const body = await readObject(ctx, request);
    return json({ review: await moderate(ctx, await ctx.store(), user, id, action, body) });
  };

const importCsv =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true });
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'text/csv') {
      throw new HttpError(415, 'unsupported_media_type', `Content-Type must be "text/csv"; received ${type ? JSON.stringify(type) : 'none'}.`, 'content-type');
    }
    const source = new URL(request.url).searchParams.get('source')?.trim() || 'csv';
    if (source.length > 40) refuse('source', `source must be at most 40 characters, such as "judge.me"; received ${source.length}.`);
    const text = await readBody(request, { limit: MAX_REVIEW_CSV_BYTES, json: false });
    const report = await importReviewCsv(await ctx.store(), { text, source, now: ctx.now(), user });
    return json(report);
  };

/**
 * The console's review moderation under `/admin/api/reviews`: the list of any
 * status (the pending queue oldest first), one review with its history,
 * per-star counts, approve / reject / reply (marketer or owner, with CSRF,
 * audited) and the CSV import.
 *
 * @example
 * const routes = [...reviewModerationRoutes(ctx)];
 */
export function reviewModerationRoutes(ctx: HandlerContext): Route[] {
  return [
    { method: 'GET', path: '/admin/api/reviews', handler: list(ctx) },
    { method: 'GET', path: '/admin/api/reviews/counts', handler: counts(ctx) },
    { method: 'POST', path: '/admin/api/reviews/import', handler: importCsv(ctx) },
    { method: 'GET', path: '/admin/api/reviews/*', handler: byId(ctx, 'GET') },
    { method: 'POST', path: '/admin/api/reviews/*', handler: byId(ctx, 'POST') },
  ];
}
