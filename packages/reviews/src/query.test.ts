import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVIEW_SORTS, type Rating, type ReviewQuery } from './model.js';
import { parseReviewQuery, reviewQueryParams } from './query.js';

const parse = (search: string) => parseReviewQuery(new URLSearchParams(search));
const problems = (search: string) => {
  const result = parse(search);
  if (!('problems' in result)) throw new Error(`expected problems for ${search}`);
  return result.problems;
};

describe('parseReviewQuery', () => {
  it('fills in the defaults and reads every filter', () => {
    expect(parse('product=TEA-LJ-100')).toEqual({ query: { product: 'TEA-LJ-100', sort: 'helpful', limit: 10 } });
    expect(
      parse(
        'product=TEA+POT+1&rating=5,1,1&media=true&verified=false&variant=blue&attr=size:runs_small&attr=fit: loose &topic=香气&q=++不错++&sort=photos&cursor=abc_-1&limit=25',
      ),
    ).toEqual({
      query: {
        product: 'TEA POT 1',
        rating: [1, 5],
        media: true,
        verified: false,
        variant: 'blue',
        attr: { size: 'runs_small', fit: 'loose' },
        topic: '香气',
        q: '不错',
        sort: 'photos',
        cursor: 'abc_-1',
        limit: 25,
      },
    });
  });

  it('counts blank optional parameters as absent and ignores parameters of its own', () => {
    expect(parse('product=TEA&rating=&q=%20%20&attr=&utm_source=mail')).toEqual({ query: { product: 'TEA', sort: 'helpful', limit: 10 } });
  });

  it('names the field, what it must be and what it received', () => {
    expect(problems('product=TEA&rating=6')).toEqual([
      { field: 'rating', message: 'rating must be whole numbers from 1 to 5 separated by commas, such as "1,2"; received "6".' },
    ]);
    expect(problems('product=TEA&limit=26')).toEqual([{ field: 'limit', message: 'limit must be a whole number from 1 to 25; received "26".' }]);
    expect(problems('product=TEA&limit=0')[0]!.field).toBe('limit');
    expect(problems('product=TEA&sort=best')).toEqual([
      { field: 'sort', message: 'sort must be one of "helpful", "newest", "highest", "lowest", "photos"; received "best".' },
    ]);
    expect(problems('product=TEA&media=yes')[0]!.message).toBe('media must be "true" or "false"; received "yes".');
    expect(problems('rating=1')[0]).toEqual({ field: 'product', message: 'product is required: the SKU of the product whose reviews to show.' });
    expect(problems('product=%20TEA')[0]!.message).toMatch(/^product must be a SKU of 1 to 64 characters .*; received " TEA"\.$/);
    expect(problems('product=TEA&attr=size')[0]!.message).toMatch(/^attr must be an attribute name .* such as "size:runs_small"; received "size"\.$/);
    expect(problems('product=TEA&attr=size:a&attr=size:b')[0]!.message).toBe('attr must name each attribute once; received "size" twice.');
    expect(problems('product=TEA&sort=newest&sort=lowest')[0]!.message).toBe('sort must be given once; received it 2 times.');
    expect(problems('product=TEA&cursor=a%2Fb')[0]!.field).toBe('cursor');
    expect(problems(`product=TEA${'&attr=a:b'.repeat(1)}${Array.from({ length: 11 }, (_, i) => `&attr=k${i}:v`).join('')}`).at(-1)!.message).toBe(
      'attr must be given at most 10 times; received 12.',
    );
  });

  it('keeps an attribute named __proto__ as an attribute', () => {
    const result = parse('product=TEA&attr=__proto__:x');
    expect('query' in result && Object.getOwnPropertyDescriptor(result.query.attr, '__proto__')?.value).toBe('x');
  });

  it('trims the search and refuses one over 100 characters', () => {
    expect(parse(`product=TEA&q=${encodeURIComponent(`  ${'茶'.repeat(100)}  `)}`)).toEqual({
      query: { product: 'TEA', q: '茶'.repeat(100), sort: 'helpful', limit: 10 },
    });
    expect(problems(`product=TEA&q=${'a'.repeat(101)}`)[0]!.message).toMatch(
      /^q must be text of at most 100 characters with no control characters; received "a{57}\.\.\."\.$/,
    );
    expect(problems('product=TEA&q=a%00b')[0]!.field).toBe('q');
  });

  it('reports every problem at once', () => {
    expect(problems('rating=0&limit=x&sort=x&verified=1').map((p) => p.field)).toEqual(['product', 'rating', 'verified', 'sort', 'limit']);
  });
});

describe('reviewQueryParams', () => {
  it('writes the canonical order and leaves defaults out', () => {
    const query: ReviewQuery = { product: 'TEA', q: 'good', attr: { size: 's', fit: 'f' }, rating: [5, 1], media: true, sort: 'helpful', limit: 10 };
    expect(reviewQueryParams(query).toString()).toBe('product=TEA&rating=1%2C5&media=true&attr=fit%3Af&attr=size%3As&q=good');
  });

  const text = (max: number) =>
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: max })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= max && !/\p{Cc}/u.test(s));
  const query: fc.Arbitrary<ReviewQuery> = fc.record(
    {
      product: fc.string({ minLength: 1, maxLength: 64 }).filter((s) => s.trim() === s && s.length > 0 && !/\p{Cc}/u.test(s)),
      rating: fc.uniqueArray(fc.constantFrom<Rating>(1, 2, 3, 4, 5), { minLength: 1 }).map((r) => r.sort((a, b) => a - b)),
      media: fc.boolean(),
      verified: fc.boolean(),
      variant: text(100),
      attr: fc.dictionary(
        text(40).filter((s) => !s.includes(':')),
        text(100),
        { minKeys: 1, maxKeys: 10 },
      ),
      topic: text(100),
      q: text(100),
      sort: fc.constantFrom(...REVIEW_SORTS),
      cursor: fc.stringMatching(/^[A-Za-z0-9_-]{1,200}$/),
      limit: fc.integer({ min: 1, max: 25 }),
    },
    { requiredKeys: ['product', 'sort', 'limit'] },
  );

  it('round-trips: every query reads back from its parameters, through a URL', () => {
    fc.assert(
      fc.property(query, (q) => {
        const url = new URL(`https://shop.example/tea?${reviewQueryParams(q)}`);
        expect(parseReviewQuery(url.searchParams)).toEqual({ query: q });
      }),
    );
  });

  it('is a fixed point: parameters that parse write back the same way', () => {
    fc.assert(
      fc.property(query, (q) => {
        const once = reviewQueryParams(q).toString();
        const again = parseReviewQuery(new URLSearchParams(once));
        expect('query' in again && reviewQueryParams(again.query).toString()).toBe(once);
      }),
    );
  });
});
