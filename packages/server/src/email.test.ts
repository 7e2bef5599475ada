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

// Each of these is li.wei@example.com typed another way; each used to count as a new shopper.
test.each([
  ['a trailing dot on the domain (a fully qualified name)', 'li.wei@example.com.'],
  ['several trailing dots', 'li.wei@example.com..'],
  ['a quoted local part that is a plain atom', '"li.wei"@example.com'],
  ['a zero-width space', 'li.\u200Bwei@example.com'],
  ['a zero-width non-joiner and joiner', 'l\u200Ci.w\u200Dei@example.com'],
  ['a word joiner and a byte-order mark', '\uFEFFli.wei@exam\u2060ple.com'],
  ['full-width letters', 'ｌｉ.ｗｅｉ@ｅｘａｍｐｌｅ.ｃｏｍ'],
  ['a full-width at sign and capitals', 'ＬＩ.ＷＥＩ＠EXAMPLE．COM'],
  ['all of them with a +tag', '"Ｌｉ.\u200Bwei+promo"@Example.COM.'],
])('%s is the same shopper', (_, input) => {
  expect(normalizeEmail(input)).toBe('li.wei@example.com');
});

test('the Gmail rule still applies after the rest', () => {
  expect(normalizeEmail('"Li.Wei+x"@GMail.com.')).toBe('liwei@gmail.com');
  expect(normalizeEmail('ｌｉ.ｗｅｉ@googlemail.com')).toBe('liwei@gmail.com');
});

test('a quoted local part that is not a plain atom stays quoted (it is another mailbox)', () => {
  expect(normalizeEmail('"li wei"@example.com')).toBe('"li wei"@example.com');
  expect(normalizeEmail('"li..wei"@example.com')).toBe('"li..wei"@example.com');
});
