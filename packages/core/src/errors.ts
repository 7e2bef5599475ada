import type { QuoteResponse } from './contract/endpoints.js';

/** What some errors carry beside their sentence. */
export interface CartliftErrorDetails {
  /** The HTTP status the server answered (0: the network failed), or answers with. */
  status?: number;
  /** A `price_changed` answer's new quote: the total the shopper must confirm instead. */
  quote?: QuoteResponse;
}

/**
 * The one error type Cartlift throws: a `code` to branch on, the `field` at
 * fault (an option, attribute or request property) and a sentence saying
 * what was expected and what was received. The browser's server client
 * throws it with the server's status; a payment that did not go through
 * rejects with it, its message a sentence in the shopper's language.
 *
 * @example
 * try { parseMinorUnits('19.99', 'data-cartlift-price') }
 * catch (e) { if (e instanceof CartliftError) console.log(e.field) } // "data-cartlift-price"
 */
export class CartliftError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  declare readonly status?: number;
  declare readonly quote?: QuoteResponse;
  constructor(code: string, message: string, field?: string, details?: CartliftErrorDetails) {
    super(message);
    this.name = 'CartliftError';
    this.code = code;
    this.field = field;
    // Assigned only when given: the engine's bundle carries this class, and every byte of it counts.
    Object.assign(this, details);
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
