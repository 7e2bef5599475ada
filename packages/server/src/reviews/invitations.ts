import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HandlerContext } from '../options.js';
import type { NewReviewInvitation, OrderRecord, ReviewInvitation, Store } from '../store/types.js';

/** How long a review link works: 180 days from the order. */
export const INVITATION_TTL_MS = 180 * 86_400_000;

/** The order a `onReviewInvitation` call is about: enough to address and word the email, no card details. */
export interface ReviewInvitationOrder {
  paymentIntentId: string;
  email: string | null;
  amount: number;
  currency: string;
  createdAt: number;
}

/** One review link to mail: a line of the order and its signed, single-use URL. */
export interface ReviewInvitationLink {
  sku: string;
  variant?: string;
  productName: string;
  /** The shop's review page with `cartlift-review=<token>` added. */
  url: string;
  token: string;
  expiresAt: number;
}

/** The merchant's mailer: called once per paid order, and again when the shopper asks "review later". */
export type OnReviewInvitation = (order: ReviewInvitationOrder, links: ReviewInvitationLink[]) => void | Promise<void>;

const secrets = new WeakMap<HandlerContext, Promise<string>>();

/** The signing secret: the configured one, or one the store makes once and every process then shares. */
function signingSecret(ctx: HandlerContext, store: Store): Promise<string> {
  if (ctx.reviews.invitationSecret) return Promise.resolve(ctx.reviews.invitationSecret);
  let secret = secrets.get(ctx);
  if (!secret) {
    secret = store.serverSecret('review-invitations', () => randomBytes(32).toString('hex'), ctx.now());
    secret.catch(() => secrets.delete(ctx));
    secrets.set(ctx, secret);
  }
  return secret;
}

const sign = (secret: string, id: string) => createHmac('sha256', secret).update(`cartlift-review-invitation:${id}`).digest('base64url');

/**
 * What the store keeps of a token: its SHA-256, so the table alone opens no review form.
 *
 * @example
 * tokenHash('q3…Zw.k9…Aa') // "5f1c…" (64 hex digits)
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The token of an invitation id: `<id>.<HMAC of the id>`. The same id always
 * gives the same token, so a "review later" email can mail the links again
 * without the store ever holding a token.
 *
 * @example
 * await invitationToken(ctx, store, 'q3c9…') // "q3c9….k9Zw…"
 */
export async function invitationToken(ctx: HandlerContext, store: Store, id: string): Promise<string> {
  return `${id}.${sign(await signingSecret(ctx, store), id)}`;
}

/**
 * The hash of a token whose signature verifies, or null: a forged or mangled
 * token is refused before the store is asked.
 *
 * @example
 * await verifiedTokenHash(ctx, store, request.token) // "5f1c…" or null
 */
export async function verifiedTokenHash(ctx: HandlerContext, store: Store, token: string): Promise<string | null> {
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(await signingSecret(ctx, store), id));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? tokenHash(token) : null;
}

interface OrderLine {
  sku: string;
  variant?: string;
}

function linesOf(order: OrderRecord): OrderLine[] {
  if (!Array.isArray(order.lines)) return [];
  return (order.lines as Array<Partial<OrderLine>>).flatMap((line) =>
    typeof line?.sku === 'string' ? [{ sku: line.sku, ...(typeof line.variant === 'string' ? { variant: line.variant } : {}) }] : [],
  );
}

/**
 * One new invitation per line of a paid order, for the ledger to store in the
 * order's transaction. Add-on lines (a warranty, gift wrap) are not products
 * a shopper reviews, so only skus the catalog names as products get one.
 *
 * @example
 * await reviewInvitationsFor(ctx, store, order) // [{ id, tokenHash, lineIndex: 0, sku: 'TEA-LJ-100', productName: '…', expiresAt }]
 */
export async function reviewInvitationsFor(ctx: HandlerContext, store: Store, order: OrderRecord): Promise<NewReviewInvitation[]> {
  const lines = linesOf(order);
  const products = await ctx.catalog.lookup([...new Set(lines.map((line) => line.sku))]);
  const invitations: NewReviewInvitation[] = [];
  for (const [lineIndex, line] of lines.entries()) {
    const product = products.get(line.sku);
    if (!product) continue;
    const id = randomBytes(16).toString('base64url');
    invitations.push({
      id,
      tokenHash: tokenHash(await invitationToken(ctx, store, id)),
      lineIndex,
      sku: line.sku,
      ...(line.variant ? { variant: line.variant } : {}),
      productName: typeof product.name === 'string' ? product.name : (product.name.en ?? Object.values(product.name)[0] ?? line.sku),
      expiresAt: order.createdAt + INVITATION_TTL_MS,
    });
  }
  return invitations;
}

/** The link of an invitation: the shop's page for the line with the token added. */
async function linkOf(ctx: HandlerContext, store: Store, invitation: ReviewInvitation): Promise<ReviewInvitationLink> {
  const token = await invitationToken(ctx, store, invitation.id);
  const line = { sku: invitation.sku, ...(invitation.variant ? { variant: invitation.variant } : {}), productName: invitation.productName };
  const page = ctx.reviews.invitationUrl(line);
  const [beforeHash, hash] = page.split('#', 2);
  const url = `${beforeHash}${beforeHash!.includes('?') ? '&' : '?'}cartlift-review=${token}${hash === undefined ? '' : `#${hash}`}`;
  return { ...line, url, token, expiresAt: invitation.expiresAt };
}

/**
 * Calls `onReviewInvitation` with the order's unused, unexpired links (none: no call).
 * The mailer's failure is logged, never thrown: a webhook or a thank-you
 * screen must not fail because an email did not go. Answers how many links went.
 *
 * @example
 * await mailReviewInvitations(ctx, store, order) // 2
 */
export async function mailReviewInvitations(ctx: HandlerContext, store: Store, order: OrderRecord): Promise<number> {
  const hook = ctx.onReviewInvitation;
  if (!hook) return 0;
  try {
    const now = ctx.now();
    const open = (await store.orderReviewInvitations(order.paymentIntentId)).filter((i) => i.usedAt === null && i.expiresAt > now);
    if (open.length === 0) return 0;
    const links = await Promise.all(open.map((invitation) => linkOf(ctx, store, invitation)));
    const { paymentIntentId, email, amount, currency, createdAt } = order;
    await hook({ paymentIntentId, email, amount, currency, createdAt }, links);
    return links.length;
  } catch (error) {
    ctx.logger.error(`[cartlift] onReviewInvitation failed for order ${order.paymentIntentId}; its review links are still listed in the console.`, error);
    return 0;
  }
}

/**
 * The ledger's `reviewInvitations` option for `recordPaymentSucceeded`. The
 * signing secret is read first: inside the order's transaction the store must
 * not be asked anything else (PGlite has one connection).
 *
 * @example
 * await store.recordPaymentSucceeded(facts, { purchaseEvent, ...(await invitationsOption(ctx, store)) })
 */
export async function invitationsOption(
  ctx: HandlerContext,
  store: Store,
): Promise<{ reviewInvitations: (order: OrderRecord) => Promise<NewReviewInvitation[]> }> {
  await signingSecret(ctx, store);
  return { reviewInvitations: (order) => reviewInvitationsFor(ctx, store, order) };
}
