import { expect, it } from 'vitest';
import { noneMatchHits } from './etag.js';

it('matches an ETag in an If-None-Match list, weakly, and * always', () => {
  expect(noneMatchHits('"abc-br"', '"abc-br"')).toBe(true);
  expect(noneMatchHits('"old-gzip", W/"abc-br" ', '"abc-br"')).toBe(true);
  expect(noneMatchHits('*', '"abc-br"')).toBe(true);
  expect(noneMatchHits('"abc-gzip"', '"abc-br"')).toBe(false);
  expect(noneMatchHits('abc-br', '"abc-br"')).toBe(false);
  expect(noneMatchHits('', '"abc-br"')).toBe(false);
  expect(noneMatchHits(null, '"abc-br"')).toBe(false);
});
