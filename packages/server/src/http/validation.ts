import type { z } from 'zod';
import { HttpError } from './errors.js';

/** `lines[0].quantity` from zod's path array. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || 'body';
}

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 37)}...` : input);
  if (typeof input === 'object') return 'an object';
  return String(input);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value == null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Validates with a zod schema; the first issue becomes a 400 whose message
 * names the field, says what was expected and what was received.
 *
 * @example
 * parseWith(quoteBody, body) // throws 400: lines[0].quantity must be ...; received 0.
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = fieldPath(issue.path);
  const received = describeReceived(valueAt(input, issue.path));
  const expected = issue.message.replace(/\.$/, '');
  throw new HttpError(400, 'invalid_request', `${field} ${expected}; received ${received}.`, field);
}
