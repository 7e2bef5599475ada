import type { PromotionsConfig } from '@cartlift/discounts';
import { parsePromotionsConfig } from '@cartlift/discounts/schema';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import { pricingContext } from '../pricing.js';
import type { Route, RouteHandler } from '../router.js';
import type { AdminUser, Store } from '../store/types.js';
import { diffPromotions } from '../promotions/diff.js';
import { duplicatePromotion } from '../promotions/duplicate.js';
import { previewCart } from '../promotions/preview.js';
import { replayDraft } from '../promotions/replay.js';
import { promotionStatus } from '../promotions/status.js';
import { requireAdmin } from './require-admin.js';

// A whole promotions file is sent with each save: room for many times a cart's body.
const readJson = async (ctx: HandlerContext, request: Request) => parseJson(await readBody(request, { limit: ctx.limits.bodyBytes * 16, json: true }));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The engine's own sentence for a file that isn't valid, with the field it names. */
function validConfig(config: unknown): PromotionsConfig {
  try {
    return parsePromotionsConfig(config);
  } catch (error) {
    const { message, field } = error as { message: string; field?: string };
    throw new HttpError(400, 'invalid_promotions', message, field ? `config.${field}` : 'config');
  }
}

function wholeNumber(value: unknown, field: string): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (!Number.isSafeInteger(number) || (number as number) < 1)
    throw new HttpError(400, 'invalid_request', `${field} must be a version number such as 3.`, field);
  return number as number;
}

/**
 * The store, or 409 when promotions come from the server configuration (nothing to manage).
 *
 * @example
 * const store = await storeOf(ctx);
 */
export async function storeOf(ctx: HandlerContext): Promise<Store> {
  if (!ctx.managePromotions)
    throw new HttpError(
      409,
      'promotions_not_managed',
      'Promotions come from the server configuration here: start it with managePromotions to manage them in the console.',
    );
  return ctx.store();
}

/**
 * The working copy: the saved draft, else the promotions in force at revision 0.
 *
 * @example
 * const { config, rev } = await workingCopy(ctx, store);
 */
export async function workingCopy(ctx: HandlerContext, store: Store) {
  const draft = await store.promotionDraft();
  return draft ?? { config: ctx.promotions, rev: 0, updatedAt: null, updatedBy: null };
}

async function versionConfig(store: Store, version: number): Promise<PromotionsConfig> {
  const found = await store.promotionVersion(version);
  if (!found) throw new HttpError(404, 'version_not_found', `No published version ${version}.`, 'version');
  return found.config;
}

/** Publishes `config` and puts it in force in this process at once (others follow within a second). */
async function publish(ctx: HandlerContext, store: Store, user: AdminUser, config: PromotionsConfig, note: string) {
  const before = ctx.promotions;
  const version = await store.publishPromotions({ config, now: ctx.now(), by: user.email, note });
  ctx.promotions = config;
  ctx.promotionsVersion = version.version;
  await store.appendAuditEntry({
    at: ctx.now(),
    userId: user.id,
    action: 'promotions_published',
    subject: `version ${version.version}`,
    before,
    after: config,
  });
  return version;
}

const overview =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const store = await storeOf(ctx);
    const [working, stats] = await Promise.all([workingCopy(ctx, store), store.promotionStats()]);
    const live = new Set(ctx.promotions.promotions.map((promotion) => promotion.id));
    const now = ctx.now();
    return json({
      version: ctx.promotionsVersion,
      // What a new promotion starts with, and the zone its schedule and statuses are read in.
      currency: ctx.currency,
      timeZone: ctx.timeZone,
      draft: working,
      promotions: working.config.promotions.map((promotion) => ({
        id: promotion.id,
        name: promotion.name,
        code: promotion.code ?? null,
        status: promotionStatus(promotion, { now, published: live.has(promotion.id), shopTimeZone: ctx.timeZone }),
        // Paid orders only, in minor units of the promotion's currency; the budget as the file sets it.
        redemptions: stats[promotion.id]?.redemptions ?? 0,
        discountGiven: stats[promotion.id]?.discountGiven ?? 0,
        budget: promotion.limits?.budget ?? null,
      })),
    });
  };

/**
 * Saves a checked `config` as the draft over revision `rev` and audits the change: the
 * one way every console edit reaches the draft. A save over a stale revision
 * is refused with 409 `draft_changed` and the draft as it is now.
 */
async function saveDraftAudited(
  ctx: HandlerContext,
  store: Store,
  user: AdminUser,
  edit: { config: PromotionsConfig; rev: number; audit: { action: string; subject: string; before: unknown; after: unknown } },
) {
  const saved = await store.savePromotionDraft({ config: edit.config, rev: edit.rev, now: ctx.now(), by: user.email });
  if (!saved.saved) {
    throw new HttpError(
      409,
      'draft_changed',
      `${saved.draft?.updatedBy ?? 'Someone'} saved the draft since this edit began (revision ${saved.draft?.rev}); reload it and edit again.`,
      'rev',
      {},
      { draft: saved.draft },
    );
  }
  await store.appendAuditEntry({ at: ctx.now(), userId: user.id, ...edit.audit });
  return saved.draft;
}

/** The promotion `id` in the draft, or 404 naming it. */
function promotionIn(config: PromotionsConfig, id: string) {
  const found = config.promotions.find((promotion) => promotion.id === id);
  if (!found) throw new HttpError(404, 'promotion_not_found', `No promotion ${JSON.stringify(id)} in the draft.`, 'id');
  return found;
}

const saveDraft =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true });
    const store = await storeOf(ctx);
    const body = await readJson(ctx, request);
    if (!isRecord(body) || !Number.isSafeInteger(body.rev) || (body.rev as number) < 0)
      throw new HttpError(400, 'invalid_request', 'rev must be the revision the edit started from (0 for the first draft).', 'rev');
    const rev = body.rev as number;
    const config = validConfig(body.config);
    const before = await store.promotionDraft();
    const audit = { action: 'draft_saved', subject: `revision ${rev + 1}`, before: before?.config ?? null, after: config };
    return json({ draft: await saveDraftAudited(ctx, store, user, { config, rev, audit }) });
  };

const duplicate =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true });
    const store = await storeOf(ctx);
    const body = await readJson(ctx, request);
    if (!isRecord(body) || typeof body.id !== 'string') throw new HttpError(400, 'invalid_request', 'id must be the id of the promotion to copy.', 'id');
    const working = await workingCopy(ctx, store);
    const { config, copy } = duplicatePromotion(working.config, body.id);
    const audit = { action: 'promotion_duplicated', subject: `${body.id} → ${copy.id}`, before: null, after: copy };
    return json({ draft: await saveDraftAudited(ctx, store, user, { config: validConfig(config), rev: working.rev, audit }), copy });
  };

/** Archives (or brings back, switched off) a promotion in the draft: never deleted, so its history and orders keep their name. */
const archive =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true });
    const store = await storeOf(ctx);
    const body = await readJson(ctx, request);
    if (!isRecord(body) || typeof body.id !== 'string' || typeof body.archived !== 'boolean')
      throw new HttpError(
        400,
        'invalid_request',
        'The body must be {"id": "<promotion id>", "archived": true or false}.',
        isRecord(body) && typeof body.id === 'string' ? 'archived' : 'id',
      );
    const working = await workingCopy(ctx, store);
    const before = promotionIn(working.config, body.id);
    const { archived: _archived, ...rest } = before;
    // Brought back, it stays switched off: going live again is a separate, deliberate step.
    const after = body.archived ? { ...before, archived: true, enabled: false } : { ...rest, enabled: false };
    const config = { ...working.config, promotions: working.config.promotions.map((promotion) => (promotion.id === body.id ? after : promotion)) };
    const audit = { action: body.archived ? 'promotion_archived' : 'promotion_unarchived', subject: body.id, before, after };
    return json({ draft: await saveDraftAudited(ctx, store, user, { config: validConfig(config), rev: working.rev, audit }) });
  };

const publishDraft =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true });
    const store = await storeOf(ctx);
    const body = await readJson(ctx, request);
    const note = isRecord(body) && typeof body.note === 'string' ? body.note.slice(0, 500) : null;
    const draft = await store.promotionDraft();
    if (!draft) throw new HttpError(409, 'nothing_to_publish', 'There is no draft to publish: save an edit first.');
    const version = await publish(ctx, store, user, validConfig(draft.config), note ?? `revision ${draft.rev} of the draft`);
    return json({ version: version.version, publishedAt: version.publishedAt });
  };

const rollback =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    const { user } = await requireAdmin(ctx, request, { role: 'marketer', change: true });
    const store = await storeOf(ctx);
    const body = await readJson(ctx, request);
    const target = wholeNumber(isRecord(body) ? body.version : undefined, 'version');
    const version = await publish(ctx, store, user, validConfig(await versionConfig(store, target)), `rollback to version ${target}`);
    return json({ version: version.version, publishedAt: version.publishedAt });
  };

const versions =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const store = await storeOf(ctx);
    const asked = new URL(request.url).searchParams.get('version');
    if (asked !== null) return json(await versionConfig(store, wholeNumber(asked, 'version')));
    return json({ current: ctx.promotionsVersion, versions: await store.listPromotionVersions() });
  };

const diff =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const store = await storeOf(ctx);
    const params = new URL(request.url).searchParams;
    const side = async (name: 'from' | 'to') =>
      params.get(name) === 'draft' ? (await workingCopy(ctx, store)).config : versionConfig(store, wholeNumber(params.get(name) ?? undefined, name));
    return json({ changes: diffPromotions(await side('from'), await side('to')) });
  };

const preview =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: true });
    const store = await storeOf(ctx);
    const body = await readJson(ctx, request);
    if (!isRecord(body) || !Array.isArray(body.lines)) throw new HttpError(400, 'invalid_request', 'lines must be an array of {sku, quantity}.', 'lines');
    const cart = { lines: body.lines as { sku: string; quantity: number }[], codes: Array.isArray(body.codes) ? (body.codes as string[]) : [] };
    const shopper = { firstPurchase: body.firstPurchase === true, segments: Array.isArray(body.segments) ? (body.segments as string[]) : [] };
    return json(await previewCart(pricingContext(ctx, store), (await workingCopy(ctx, store)).config, cart, shopper, ctx.now()));
  };

const replay =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: true });
    const store = await storeOf(ctx);
    const draft = (await workingCopy(ctx, store)).config;
    return json(await replayDraft(pricingContext(ctx, store), draft, await store.recentQuotedCarts(), ctx.now()));
  };

/**
 * The console's promotion routes under `/admin/api/promotions`: the working
 * draft and statuses, saving it (over its revision), publishing, versions
 * (list, one as JSON for export), a diff of any two (or the draft), rollback,
 * preview on a cart and replay on recent carts. Viewers read and preview;
 * marketers change and publish; every change is audited.
 *
 * @example
 * const routes = [...promotionRoutes(ctx)];
 */
export function promotionRoutes(ctx: HandlerContext): Route[] {
  return [
    { method: 'GET', path: '/admin/api/promotions', handler: overview(ctx) },
    { method: 'PUT', path: '/admin/api/promotions/draft', handler: saveDraft(ctx) },
    { method: 'POST', path: '/admin/api/promotions/duplicate', handler: duplicate(ctx) },
    { method: 'POST', path: '/admin/api/promotions/archive', handler: archive(ctx) },
    { method: 'POST', path: '/admin/api/promotions/publish', handler: publishDraft(ctx) },
    { method: 'POST', path: '/admin/api/promotions/rollback', handler: rollback(ctx) },
    { method: 'GET', path: '/admin/api/promotions/versions', handler: versions(ctx) },
    { method: 'GET', path: '/admin/api/promotions/diff', handler: diff(ctx) },
    { method: 'POST', path: '/admin/api/promotions/preview', handler: preview(ctx) },
    { method: 'POST', path: '/admin/api/promotions/replay', handler: replay(ctx) },
  ];
}
