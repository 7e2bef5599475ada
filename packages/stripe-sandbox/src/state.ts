import type { ConfirmationToken, Customer, Outcome, PaymentIntent, PaymentMethod, PendingAction, StripeEvent } from './types.js';

/** Everything the sandbox remembers, in memory; one per sandbox instance. */
export interface SandboxState {
  paymentIntents: Map<string, PaymentIntent>;
  customers: Map<string, Customer>;
  paymentMethods: Map<string, PaymentMethod>;
  events: Map<string, StripeEvent>;
  /** Test behaviour of each payment method, kept out of the public object. */
  outcomes: Map<string, Outcome>;
  /** ConfirmationTokens, each with the PaymentMethod it creates on use (kept out of the public object). */
  confirmationTokens: Map<string, { token: ConfirmationToken; paymentMethod: string }>;
  /** Customer actions awaited by PaymentIntents in `requires_action`. */
  actions: Map<string, PendingAction>;
  /** Creation order, so lists sort newest first even within one second. */
  order: Map<string, number>;
  sequence: number;
}

/**
 * An empty sandbox state.
 *
 * @example
 * const state = createState(); state.paymentIntents.size // 0
 */
export function createState(): SandboxState {
  return {
    paymentIntents: new Map(),
    customers: new Map(),
    paymentMethods: new Map(),
    events: new Map(),
    outcomes: new Map(),
    actions: new Map(),
    confirmationTokens: new Map(),
    order: new Map(),
    sequence: 0,
  };
}

/**
 * Records creation order for an id.
 *
 * @example
 * remember(state, 'pi_1')
 */
export function remember(state: SandboxState, id: string): void {
  state.order.set(id, ++state.sequence);
}

/** Deep copy of a JSON-shaped object, so stored objects never alias responses. */
export function snapshot<T>(value: T): T {
  return structuredClone(value);
}
