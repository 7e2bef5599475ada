import type { Promotion } from '@cartlift/discounts';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import { failAbandonedBatches, generateCodes } from '../promotions/code-batches.js';
import { checkCodeBatch, codesCsv, MAX_CODES_PER_BATCH } from '../promotions/unique-codes.js';
import type { Route, RouteHandler } from '../router.js';
import type { CodeBatch, CodeStatus, Store } from '../store/types.js';
import { storeOf, workingCopy } from './promotion-routes.js';
import { requireAdmin } from './require-admin.js';

const STATUSES: readonly CodeStatus[] = ['unused', 'held', 'redeemed'];
/** Codes per page of the list at most; the CSV is how a whole batch leaves. */
const MAX_PAGE = 1000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The promotion in the working draft or in force, which must take single-use codes; else 409 with why. */
async function singleUsePromotion(ctx: HandlerContext, store: Store, id: string): Promise<Promotion> {
  const drafted = (await workingCopy(ctx, store)).config.promotions.find((promotion) => promotion.id === id);
  const promotion = drafted ?? ctx.promotions.promotions.find((candidate) => candidate.id === id);
  if (!promotion)
    throw new HttpError(
      409,
      'promotion_not_found',
      `promotionId ${JSON.stringify(id)} is not a promotion in the draft or in force; save it first.`,
      'promotionId',
    );
  if (!promotion.uniqueCodes)
    throw new HttpError(
      409,
      'not_single_use',
      `Promotion ${JSON.stringify(id)} must have "uniqueCodes": true to get single-use codes; received ${promotion.code ? `one shared code (${promotion.code})` : 'no uniqueCodes'}. Set it in the draft first.`,
      'promotionId',
    );
  return promotion;
}

/** A body field that must be a whole number when given (the generator's own check then gives the range). */
function wholeNumberField(body: Record<string, unknown>, field: 'count' | 'length'): number | undefined {
  const value = body[field];
  if (value === undefined && field === 'length') return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    const rule = field === 'count' ? `a whole number from 1 to ${MAX_CODES_PER_BATCH.toLocaleString('en')}` : 'a whole number such as 10';
    throw new HttpError(400, 'invalid_code_batch', `${field} must be ${rule}; received ${JSON.stringify(value) ?? 'nothing'}.`, field);
  }
  return value;
}

/** The batch a request names, or 404 naming it. */
async function batchNamed(store: Store, id: string | null): Promise<CodeBatch> {
  const batch = id ? await store.codeBatch(id) : null;
  if (!batch) throw new HttpError(404, 'batch_not_found', `batch must name a batch of codes; received ${JSON.stringify(id)}.`, 'batch');
  return batch;
}

/** A query number from `min` up to `max`, or `fallback` when absent. */
function queryNumber(params: URLSearchParams, field: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  const raw = params.get(field);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new HttpError(400, 'invalid_request', `${field} must be a whole number from ${min} to ${max}; received ${JSON.stringify(raw)}.`, field);
  return value;
}

const generate =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true });
    const store = await storeOf(ctx);
    const body = parseJson(await readBody(request, { limit: ctx.limits.bodyBytes, json: true }));
    if (!isRecord(body) || typeof body.promotionId !== 'string')
      throw new HttpError(400, 'invalid_request', 'promotionId must be the id of a promotion with "uniqueCodes": true.', 'promotionId');
    if (body.prefix !== undefined && typeof body.prefix !== 'string')
      throw new HttpError(400, 'invalid_code_batch', `prefix must be letters, digits, "-" or "_"; received ${JSON.stringify(body.prefix)}.`, 'prefix');
    const length = wholeNumberField(body, 'length');
    // The generator's own checks, before anything is stored: their sentences name the field.
    const options = checkCodeBatch({
      count: wholeNumberField(body, 'count')!,
      ...(body.prefix ? { prefix: body.prefix } : {}),
      ...(length !== undefined ? { length } : {}),
    });
    await singleUsePromotion(ctx, store, body.promotionId);
    const batch = await store.createCodeBatch({ promotionId: body.promotionId, ...options, createdBy: user.email, now: ctx.now() });
    await store.appendAuditEntry({
      at: ctx.now(),
      userId: user.id,
      action: 'codes_generated',
      subject: `${batch.count} codes for ${batch.promotionId} (batch ${batch.id})`,
      before: null,
      after: batch,
    });
    // Answered at once: the console follows `generated` on the batch list while the slices are written.
    void generateCodes(store, batch, { now: ctx.now, log: ctx.logger.error });
    return json({ batch }, 202);
  };

const batches =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const store = await storeOf(ctx);
    const promotionId = new URL(request.url).searchParams.get('promotionId');
    if (!promotionId) throw new HttpError(400, 'invalid_request', 'promotionId must name the promotion whose batches to list.', 'promotionId');
    // A batch whose process died would otherwise read "generating" for ever.
    await failAbandonedBatches(store, ctx.now());
    return json({ batches: await store.codeBatches(promotionId) });
  };

const codes =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const store = await storeOf(ctx);
    const params = new URL(request.url).searchParams;
    const status = params.get('status');
    if (status !== null && !STATUSES.includes(status as CodeStatus))
      throw new HttpError(400, 'invalid_request', `status must be "unused", "held" or "redeemed"; received ${JSON.stringify(status)}.`, 'status');
    const limit = queryNumber(params, 'limit', { min: 1, max: MAX_PAGE, fallback: 100 });
    const offset = queryNumber(params, 'offset', { min: 0, max: MAX_CODES_PER_BATCH, fallback: 0 });
    const batch = await batchNamed(store, params.get('batch'));
    const page = await store.listCodes({ batchId: batch.id, status: (status as CodeStatus | null) ?? undefined, limit, offset });
    return json({ codes: page.codes.map(({ code, status, order, updatedAt }) => ({ code, status, order, updatedAt })), counts: page.counts });
  };

const csv =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const store = await storeOf(ctx);
    const batch = await batchNamed(store, new URL(request.url).searchParams.get('batch'));
    const { codes: rows } = await store.listCodes({ batchId: batch.id, limit: MAX_CODES_PER_BATCH, offset: 0 });
    return new Response(codesCsv(rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="codes-${batch.promotionId}-${batch.id}.csv"`,
        'cache-control': 'no-store',
      },
    });
  };

/**
 * The console's single-use code routes under `/admin/api/promotions/codes`:
 * start a batch (marketer; answered 202 while it is generated in the
 * background), list a promotion's batches with their progress, page through a
 * batch's codes with counts per status, and download a batch as CSV (viewer).
 *
 * @example
 * const routes = [...promotionRoutes(ctx), ...codeRoutes(ctx)];
 */
export function codeRoutes(ctx: HandlerContext): Route[] {
  return [
    { method: 'POST', path: '/admin/api/promotions/codes', handler: generate(ctx) },
    { method: 'GET', path: '/admin/api/promotions/codes', handler: codes(ctx) },
    { method: 'GET', path: '/admin/api/promotions/codes/batches', handler: batches(ctx) },
    { method: 'GET', path: '/admin/api/promotions/codes.csv', handler: csv(ctx) },
  ];
}
