import { errorResponse } from './http/errors.js';
import type { HandlerContext as RequestContext } from './http/node.js';

export type RouteHandler = (request: Request, context?: RequestContext) => Promise<Response>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** Path under the base path, such as "/quote"; "/admin/*" also matches "/admin" and everything below it. */
  path: string;
  handler: RouteHandler;
}

/**
 * Matches `method path` under `basePath`. Unknown paths get 404, known paths
 * with another method 405 with `Allow`.
 *
 * @example
 * const route = createRouter('/api/cartlift', [{ method: 'GET', path: '/config', handler }])
 */
function prefixMatch(byPath: Map<string, Route[]>, sub: string): Route[] | undefined {
  for (const [path, routes] of byPath) {
    if (!path.endsWith('/*')) continue;
    const prefix = path.slice(0, -2);
    if (sub === prefix || sub.startsWith(`${prefix}/`)) return routes;
  }
  return undefined;
}

export function createRouter(basePath: string, routes: readonly Route[]) {
  const byPath = new Map<string, Route[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  return (request: Request, context?: RequestContext): Promise<Response> | Response => {
    const { pathname } = new URL(request.url);
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
      return errorResponse(404, 'not_found', `No Cartlift route at ${pathname}; routes live under ${basePath}.`);
    }
    const sub = pathname.slice(basePath.length).replace(/\/+$/, '') || '/';
    const candidates = byPath.get(sub) ?? prefixMatch(byPath, sub);
    if (!candidates) return errorResponse(404, 'not_found', `No route ${request.method} ${pathname}.`);
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const route = candidates.find((candidate) => candidate.method === method);
    if (!route) {
      const allow = candidates.map((candidate) => candidate.method).join(', ');
      return errorResponse(405, 'method_not_allowed', `${pathname} accepts ${allow}; received ${request.method}.`, undefined, { allow });
    }
    return route.handler(request, context);
  };
}
