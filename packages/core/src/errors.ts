/**
 * The one error type Cartlift throws. `field` names the option, attribute or
 * property at fault so integrators (and the server's JSON errors) can point at it.
 *
 * @example
 * try { parseMinorUnits('19.99', 'data-cartlift-price') }
 * catch (e) { if (e instanceof CartliftError) console.log(e.field) } // "data-cartlift-price"
 */
export class CartliftError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'CartliftError';
    this.code = code;
    this.field = field;
  }
}

/** Shows a received value in an error sentence: strings quoted, the rest as JSON. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || value == null) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
}
