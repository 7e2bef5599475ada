import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Route, RouteHandler } from '../router.js';
import { requireAdmin } from './require-admin.js';

const MAX_ROWS = 200;

function limitOf(request: Request): number {
  const asked = new URL(request.url).searchParams.get('limit');
  if (asked === null) return 50;
  const limit = Number(asked);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_ROWS)
    throw new HttpError(400, 'invalid_request', `limit must be a whole number from 1 to ${MAX_ROWS}.`, 'limit');
  return limit;
}

/** Recent paid orders with the promotions each took: what a promotion really cost. No shopper's email or address. */
const orders =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const store = await ctx.store();
    const rows = await store.recentOrders({ limit: limitOf(request) });
    return json({
      orders: rows.map((order) => ({
        transactionId: order.paymentIntentId,
        amount: order.amount,
        currency: order.currency,
        promotions: order.promotions,
        createdAt: order.createdAt,
      })),
    });
  };

/** Payments Stripe took for an amount or currency other than the server's price: never orders, always to look at. */
const flags =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const store = await ctx.store();
    return json({ flags: await store.recentPaymentFlags({ limit: limitOf(request) }) });
  };

/**
 * The console's read-only order views: `GET /admin/api/orders` and
 * `GET /admin/api/payment-flags` (`?limit=1..200`, default 50, newest first).
 *
 * @example
 * const routes = [...orderRoutes(ctx)];
 */
export function orderRoutes(ctx: HandlerContext): Route[] {
  return [
    { method: 'GET', path: '/admin/api/orders', handler: orders(ctx) },
    { method: 'GET', path: '/admin/api/payment-flags', handler: flags(ctx) },
  ];
}
