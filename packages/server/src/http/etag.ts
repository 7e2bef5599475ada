/** The opaque part of an entity tag, for weak comparison (RFC 9110 §8.8.3.2): `W/"x"` and `"x"` match. */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/**
 * Whether an `If-None-Match` header names `etag` (or is `*`), comparing
 * weakly as RFC 9110 §13.1.2 asks, across a comma-separated list.
 *
 * @example
 * noneMatchHits('W/"abc-br", "def-gzip"', '"abc-br"') // true
 * noneMatchHits('"old-br"', '"abc-br"') // false
 */
export function noneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  // Entity tags hold no commas (etagc excludes them), so a split is exact.
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
