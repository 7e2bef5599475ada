import { expect, test } from 'vitest';
import { normalizeEmail } from './email.js';

test.each([
  [' Li.Wei+promo@GMail.com ', 'liwei@gmail.com'],
  ['li.wei@googlemail.com', 'liwei@gmail.com'],
  ['Ann+x@Example.com', 'ann@example.com'],
  ['a.b@example.com', 'a.b@example.com'],
  ['+only@example.com', '+only@example.com'],
])('normalizeEmail(%j) is %j', (input, expected) => {
  expect(normalizeEmail(input)).toBe(expected);
});
