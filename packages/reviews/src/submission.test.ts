import { describe, expect, test } from 'vitest';
import { reviewSubmissionProblems } from './submission.js';

const fine = { product: 'TEA-LJ-100', rating: 4, title: ' Fresh ', body: 'Line one\nline two', author: 'Lin', language: 'zh-CN' };

describe('reviewSubmissionProblems', () => {
  test('a good review comes back trimmed, with empty attributes and photos filled in', () => {
    expect(reviewSubmissionProblems(fine)).toEqual({
      submission: {
        product: 'TEA-LJ-100',
        rating: 4,
        title: 'Fresh',
        body: 'Line one\nline two',
        author: 'Lin',
        language: 'zh-CN',
        attributes: {},
        photos: [],
      },
    });
  });

  test('limits count characters, not UTF-16 units: 5000 Chinese characters (some outside the BMP) pass, 5001 do not', () => {
    expect('submission' in reviewSubmissionProblems({ ...fine, body: '好'.repeat(4990) + '𠮷'.repeat(10) })).toBe(true);
    expect(reviewSubmissionProblems({ ...fine, body: '好'.repeat(5001) })).toEqual({
      problems: [{ field: 'body', message: 'body must be the review text, 1 to 5000 characters without control characters; received 5001 characters.' }],
    });
  });

  test('control characters, a missing product without an invitation, a bad invitation and a fractional rating are named', () => {
    const { problems } = reviewSubmissionProblems({ ...fine, product: undefined, author: 'A\u0000B', rating: 4.5, invitation: 'x' }) as {
      problems: { field: string }[];
    };
    expect(problems.map((p) => p.field)).toEqual(['invitation', 'rating', 'author']);
    const none = reviewSubmissionProblems({ ...fine, product: undefined }) as { problems: { field: string; message: string }[] };
    expect(none.problems).toEqual([{ field: 'product', message: 'product is required (the SKU reviewed) when there is no invitation.' }]);
  });

  test('an attribute named __proto__ is a problem, not a prototype', () => {
    const input = JSON.parse('{"product":"TEA-LJ-100","rating":5,"body":"ok","author":"a","language":"en","attributes":{"__proto__":"x"}}');
    const read = reviewSubmissionProblems(input, { attributes: { size: ['s'] } }) as { problems: { field: string }[] };
    expect(read.problems.map((p) => p.field)).toEqual(['attributes.__proto__']);
  });
});
