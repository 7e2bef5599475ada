import { json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { Route, RouteHandler } from '../router.js';
import { requireAdmin } from './require-admin.js';

/** The catalog's products for the console's preview picker: sku, names, price, tags; no add-on detail. */
const catalog =
  (ctx: HandlerContext): RouteHandler =>
  async (request) => {
    await requireAdmin(ctx, request, { role: 'viewer', change: false });
    const products = ctx.catalog.all();
    return json({
      // A catalog looked up per request (your own system) can't be listed: the console then asks for skus typed by hand.
      listed: products !== null,
      products: (products ?? []).map(({ sku, name, price, currency, tags }) => ({ sku, name, price, currency, tags: tags ?? [] })),
    });
  };

/**
 * `GET /admin/api/catalog` (viewer): the products a preview cart can hold.
 *
 * @example
 * const routes = [...catalogRoutes(ctx)];
 */
export function catalogRoutes(ctx: HandlerContext): Route[] {
  return [{ method: 'GET', path: '/admin/api/catalog', handler: catalog(ctx) }];
}
