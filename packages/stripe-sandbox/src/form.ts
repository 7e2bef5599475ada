/**
 * Stripe's wire format for v1 requests: `application/x-www-form-urlencoded`
 * with bracket notation (`metadata[checkout_id]=c1`, `payment_method_types[0]=card`,
 * `expand[]=customer`). Pure and DOM-free: the Node server and the browser
 * script both use it.
 */

/** A decoded form value: strings at the leaves, objects and arrays above them. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/**
 * Decodes a form body or query string into nested objects. Objects whose keys
 * are all array indexes (or `[]`) become arrays, as Stripe's parser does.
 *
 * @example
 * parseForm('amount=500&metadata[checkout_id]=c1&payment_method_types[0]=card')
 * // { amount: '500', metadata: { checkout_id: 'c1' }, payment_method_types: ['card'] }
 */
export function parseForm(text: string): FormObject {
  const root: Node = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = splitKey(rawKey);
    if (!path) throw new TypeError(`The form key ${JSON.stringify(rawKey)} is malformed: expected name or name[child]...`);
    assign(root, path, value);
  }
  return arrayify(root) as FormObject;
}

/**
 * Encodes nested data the way stripe-node does (indexed arrays, brackets kept
 * readable); `undefined` is skipped, `null` becomes an empty string.
 *
 * @example
 * encodeForm({ amount: 500, metadata: { a: 'b' } }) // "amount=500&metadata[a]=b"
 */
export function encodeForm(data: Record<string, unknown>): string {
  const pairs: string[] = [];
  const encode = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null || typeof value !== 'object') {
      pairs.push(`${escapeFormValue(key)}=${escapeFormValue(value === null ? '' : String(value))}`);
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) encode(`${key}[${i}]`, item);
    } else {
      for (const [k, v] of Object.entries(value)) encode(`${key}[${k}]`, v);
    }
  };
  for (const [key, value] of Object.entries(data)) encode(key, value);
  return pairs.join('&');
}

function escapeFormValue(text: string): string {
  return encodeURIComponent(text).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function splitKey(key: string): string[] | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const rest = match[2] ? [...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '') : [];
  return [match[1] ?? '', ...rest];
}

type Node = { [key: string]: Node | string };

function assign(root: Node, path: string[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    let segment = path[i] ?? '';
    const last = i === path.length - 1;
    // `a[]=x&a[]=y` appends; give each an index after the existing ones.
    if (segment === '') segment = String(Object.keys(node).length);
    if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype') {
      throw new TypeError(`The form key segment ${JSON.stringify(segment)} is not allowed.`);
    }
    if (last) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === 'object') node = next;
    else {
      const child: Node = {};
      node[segment] = child;
      node = child;
    }
  }
}

function arrayify(value: Node | string): FormValue {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, arrayify(value[k] as Node | string)] as const);
  if (keys.length > 0 && keys.every((k) => /^(0|[1-9]\d{0,5})$/.test(k))) {
    return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => v);
  }
  const out: { [key: string]: FormValue } = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
}
