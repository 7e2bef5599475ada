/** The console's screens, read from the location's hash ("#/promotions/spring/codes"). */
export type ConsoleRoute =
  | { page: 'promotions' }
  | { page: 'new-promotion' }
  | { page: 'edit-promotion'; id: string }
  | { page: 'codes'; id: string }
  | { page: 'preview' }
  | { page: 'publish' }
  | { page: 'versions' }
  | { page: 'orders' }
  | { page: 'funnel' }
  | { page: 'reviews' }
  | { page: 'review-invitations' }
  | { page: 'audit' }
  | { page: 'users' };

const SIMPLE = new Set(['promotions', 'preview', 'publish', 'versions', 'orders', 'funnel', 'reviews', 'audit', 'users']);

/**
 * The route a hash names; anything unknown is the promotions list.
 *
 * @example
 * routeOf('#/promotions/spring/codes') // { page: 'codes', id: 'spring' }
 */
export function routeOf(hash: string): ConsoleRoute {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  const [page, id, sub] = parts;
  if (page === 'promotions' && id === 'new') return { page: 'new-promotion' };
  if (page === 'promotions' && id && sub === 'codes') return { page: 'codes', id };
  if (page === 'promotions' && id) return { page: 'edit-promotion', id };
  if (page === 'reviews' && id === 'invitations') return { page: 'review-invitations' };
  if (page && SIMPLE.has(page)) return { page } as ConsoleRoute;
  return { page: 'promotions' };
}

/** The hash for a promotion's screen. */
export const promotionHref = (id: string, sub?: 'codes') => `#/promotions/${encodeURIComponent(id)}${sub ? `/${sub}` : ''}`;
