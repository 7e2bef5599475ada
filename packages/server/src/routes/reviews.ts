import { parseReviewQuery } from '@cartlift/reviews';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import { InvalidReviewCursorError } from '../store/sql-reviews.js';

/**
 * `GET /reviews?product=SKU&rating=&media=&verified=&variant=&attr=&topic=&q=&sort=&cursor=&limit=`:
 * a page of the product's published reviews with the total and facet counts
 * for the current filters and the product's summary (a `ReviewPage`). Public
 * and read-only: a shopper's browser, or a shop's server, asks it.
 *
 * A SKU the catalog doesn't know is not an error: its page is empty. A shop
 * renders the reviews block on every product page, a callback catalog would
 * cost a lookup per request, and reviews outlive a product's removal.
 */
export function reviewsRoute(ctx: HandlerContext) {
  return async (request: Request): Promise<Response> => {
    const read = parseReviewQuery(new URL(request.url).searchParams);
    if ('problems' in read) {
      const [first] = read.problems;
      throw new HttpError(400, 'invalid_request', read.problems.map((problem) => problem.message).join(' '), first?.field, {}, { problems: read.problems });
    }
    const store = await ctx.store();
    try {
      return json(await store.reviewPage(read.query, ctx.now()));
    } catch (error) {
      if (error instanceof InvalidReviewCursorError) throw new HttpError(400, 'invalid_request', error.message, 'cursor');
      throw error;
    }
  };
}
