import { invalidRequest } from './errors.js';
import type { FormObject, FormValue } from './form.js';

/**
 * Readers that turn decoded form values into typed values, failing with the
 * errors Stripe returns (`parameter_invalid_integer`, `parameter_unknown`, …).
 */

/**
 * Rejects parameters an endpoint does not know, like Stripe's "Received unknown parameter".
 *
 * @example
 * assertKnown({ amount: '1', colour: 'red' }, ['amount']) // throws: Received unknown parameter: colour
 */
export function assertKnown(params: FormObject, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw invalidRequest(key, `Received unknown parameter: ${key}`, 'parameter_unknown');
  }
}

/**
 * Reads an optional string parameter.
 *
 * @example
 * readString({ email: 'a@b.c' }, 'email') // "a@b.c"
 */
export function readString(params: FormObject, name: string, max = 5000): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw invalidRequest(name, `Invalid string: ${name} must be a string, received an object or array.`, 'parameter_invalid_string');
  if (value.length > max)
    throw invalidRequest(name, `Invalid string: ${name} must be at most ${max} characters, received ${value.length}.`, 'parameter_invalid_string');
  return value;
}

/**
 * Reads a parameter that must be present.
 *
 * @example
 * requireString({}, 'currency') // throws: Missing required param: currency.
 */
export function requireString(params: FormObject, name: string): string {
  const value = readString(params, name);
  if (value === undefined || value === '') throw invalidRequest(name, `Missing required param: ${name}.`, 'parameter_missing');
  return value;
}

/**
 * Reads an integer parameter (decimal digits only, as Stripe requires).
 *
 * @example
 * readInteger({ amount: '500' }, 'amount') // 500
 */
export function readInteger(params: FormObject, name: string): number | undefined {
  const value = readString(params, name);
  if (value === undefined) return undefined;
  if (!/^-?\d{1,15}$/.test(value)) throw invalidRequest(name, `Invalid integer: ${value}`, 'parameter_invalid_integer');
  return Number(value);
}

/**
 * Reads a boolean parameter (`true`/`false`).
 *
 * @example
 * readBoolean({ confirm: 'true' }, 'confirm') // true
 */
export function readBoolean(params: FormObject, name: string): boolean | undefined {
  const value = readString(params, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalidRequest(name, `Invalid boolean: ${value}`, 'parameter_invalid_boolean');
  return value === 'true';
}

/**
 * Reads one of a fixed set of strings.
 *
 * @example
 * readEnum({ cancellation_reason: 'duplicate' }, 'cancellation_reason', ['duplicate']) // "duplicate"
 */
export function readEnum<T extends string>(params: FormObject, name: string, values: readonly T[]): T | undefined {
  const value = readString(params, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw invalidRequest(name, `Invalid ${name}: must be one of ${values.join(', ')}; received ${JSON.stringify(value)}.`, 'parameter_invalid_string');
  }
  return value as T;
}

/**
 * Reads a list of strings (`name[0]=a&name[1]=b`).
 *
 * @example
 * readStringArray({ expand: ['customer'] }, 'expand') // ["customer"]
 */
export function readStringArray(params: FormObject, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw invalidRequest(name, `Invalid array: ${name} must be a list of strings such as ${name}[0]=value.`, 'parameter_invalid_array');
  }
  return value;
}

/**
 * Reads a nested object parameter (`shipping[name]=…`).
 *
 * @example
 * readObject({ metadata: { a: 'b' } }, 'metadata') // { a: 'b' }
 */
export function readObject(params: FormObject, name: string): FormObject | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidRequest(name, `Invalid object: ${name} must be a hash such as ${name}[key]=value.`, 'parameter_invalid_object');
  }
  return value;
}

/**
 * Applies a metadata update the way Stripe does: keys merge, an empty value
 * unsets a key, and `metadata=` (empty string) clears everything. Enforces
 * Stripe's limits (50 keys, 40-character keys, 500-character values).
 *
 * @example
 * mergeMetadata({ a: '1', b: '2' }, { b: '', c: '3' }) // { a: '1', c: '3' }
 */
export function mergeMetadata(current: Record<string, string>, update: FormValue | undefined): Record<string, string> {
  if (update === undefined) return current;
  if (update === '') return {};
  if (typeof update !== 'object' || Array.isArray(update)) {
    throw invalidRequest('metadata', 'Invalid object: metadata must be a hash such as metadata[key]=value.', 'parameter_invalid_object');
  }
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (typeof value !== 'string')
      throw invalidRequest(`metadata[${key}]`, `Invalid metadata value for ${key}: expected a string.`, 'parameter_invalid_string');
    if (key.length > 40) throw invalidRequest(`metadata[${key}]`, `Metadata keys can have up to 40 characters; "${key.slice(0, 20)}…" has ${key.length}.`);
    if (value.length > 500) throw invalidRequest(`metadata[${key}]`, `Metadata values can have up to 500 characters; the value of ${key} has ${value.length}.`);
    if (value === '') delete next[key];
    else next[key] = value;
  }
  if (Object.keys(next).length > 50) throw invalidRequest('metadata', `Metadata can have up to 50 keys; received ${Object.keys(next).length}.`);
  return next;
}

/**
 * Reads an optional `return_url`, which Stripe requires to be an absolute http(s) URL.
 *
 * @example
 * readReturnUrl({ return_url: 'https://shop.test/done' }) // "https://shop.test/done"
 */
export function readReturnUrl(params: FormObject): string | undefined {
  const url = readString(params, 'return_url');
  if (url !== undefined && !/^https?:\/\//.test(url)) {
    throw invalidRequest('return_url', `Invalid URL: return_url must be an absolute http(s) URL, received ${JSON.stringify(url)}.`, 'url_invalid');
  }
  return url;
}
