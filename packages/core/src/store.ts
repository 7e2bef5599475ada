import { type AddInput, type CartAction, type CartLimits, type CartState, DEFAULT_LIMITS, cartReducer, checkAction, emptyCart, upgradeCart } from './cart.js';
import { isCartState } from './cart-guard.js';
import type { Emitter } from './emitter.js';
import { type CartliftEvents, funnelEvent, toFunnelItems, uuid } from './events.js';
import { type StoragePort, memoryStorage } from './storage.js';
import type { AddToCartSource } from './contract/funnel.js';
import type { SyncPort } from './sync.js';

export interface CartStoreOptions {
  currency: string;
  /** Persistent storage; falls back to memory when it fails. Default: memory. */
  storage?: StoragePort;
  /** Cross-tab channel; null for none. */
  sync?: SyncPort | null;
  events?: Emitter<CartliftEvents>;
  limits?: CartLimits;
  /** Storage key, so several shops on one origin keep separate carts. */
  key?: string;
  /** How long a storage call may take before it counts as unavailable. */
  storageTimeoutMs?: number;
}

/** Where an add came from, when not the page itself; carried on its `add_to_cart` event as `source`. */
export interface AddOptions {
  source?: AddToCartSource;
}

export interface CartStore {
  /** The cart as the shopper sees it, including changes still being saved. */
  get(): CartState;
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (cart: CartState) => void): () => void;
  /** `{ source: 'ar' }`: the shopper added it from inside AR (the `add_to_cart` event says so). */
  add(item: AddInput, options?: AddOptions): Promise<CartState>;
  setQuantity(key: string, quantity: number): Promise<CartState>;
  remove(key: string): Promise<CartState>;
  /**
   * Empties the cart and its codes, reporting `remove_from_cart` for each line;
   * `{ purchased: true }` (the cart was just paid for) reports nothing: its
   * lines were bought, not removed, and `purchase` has said so.
   */
  clear(options?: { purchased?: boolean }): Promise<CartState>;
  /** Keeps a coupon code with the cart (normalised to upper case). */
  addCode(code: string): Promise<CartState>;
  removeCode(code: string): Promise<CartState>;
  /** Settles once the saved cart has been read (or found unavailable). */
  ready: Promise<void>;
  /** "persistent" while IndexedDB works, "memory" after it failed. */
  mode(): 'persistent' | 'memory';
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`storage did not answer within ${ms} ms`)), ms);
    promise.finally(() => clearTimeout(timer)).then(resolve, reject);
  });

/**
 * The cart store: optimistic local changes, persisted through an atomic
 * read-modify-write (so concurrent tabs never lose updates), shared with other
 * tabs, and kept in memory when storage fails. Never throws at the host page
 * except for invalid arguments, which throw a CartliftError naming the field.
 *
 * @example
 * const cart = createCartStore({ currency: 'USD', storage: idbStorage(), sync: broadcastSync() });
 * cart.subscribe((c) => render(c));
 * await cart.add({ sku: 'TEA-LJ-100', quantity: 2, price: 2400 });
 */
export function createCartStore(options: CartStoreOptions): CartStore {
  const { currency, events, sync = null, limits = DEFAULT_LIMITS, key = 'cart', storageTimeoutMs = 4000 } = options;
  let storage = options.storage ?? memoryStorage();
  let persistent = options.storage !== undefined;
  let confirmed: CartState = emptyCart(uuid(), currency);
  let pending: CartAction[] = [];
  let view = confirmed;
  let chain: Promise<unknown>;
  const listeners = new Set<(cart: CartState) => void>();

  const refresh = (source: 'local' | 'remote' | 'storage') => {
    view = pending.reduce((s, a) => cartReducer(s, a, limits), confirmed);
    for (const fn of [...listeners]) fn(view);
    events?.emit('cart_updated', { cart: view, source });
  };

  const accept = (state: CartState, source: 'remote' | 'storage' | 'local') => {
    if (state.rev <= confirmed.rev && source !== 'local') return;
    confirmed = state.rev >= confirmed.rev ? state : confirmed;
    refresh(source);
  };

  // A cart saved under another currency keeps its lines but drops display prices;
  // one saved by an earlier version gets today's line keys.
  const adopt = (saved: unknown): CartState => {
    if (!isCartState(saved, limits)) return { ...confirmed, rev: 0 };
    const stored = upgradeCart(saved);
    if (stored.currency === currency) return stored;
    return { ...stored, currency, lines: stored.lines.map(({ price: _drop, ...line }) => line) };
  };

  const fallBack = (error: unknown) => {
    if (!persistent) return;
    persistent = false;
    storage = memoryStorage({ [key]: confirmed });
    events?.emit('storage_unavailable', { reason: error instanceof Error ? error.message : String(error) });
  };

  const ready = withTimeout(storage.get(key), storageTimeoutMs).then((stored) => {
    if (stored !== undefined) accept(adopt(stored), 'storage');
  }, fallBack);
  chain = ready;

  /** Applies one action inside storage's atomic update; returns the cart before and after it. */
  const write = async (action: CartAction): Promise<[CartState, CartState]> => {
    let base = confirmed;
    const apply = (old: unknown) => {
      base = adopt(old);
      return { ...cartReducer(base, action, limits), rev: Math.max(base.rev, confirmed.rev) + 1 };
    };
    try {
      const saved = await withTimeout(storage.update(key, apply), storageTimeoutMs);
      return [base, saved];
    } catch (error) {
      fallBack(error);
      const saved = await storage.update(key, apply);
      return [base, saved];
    }
  };

  /** `quiet`: no funnel events for this action (a bought cart emptied); `options`: where an add came from. */
  const dispatch = (raw: CartAction, quiet = false, options?: AddOptions): Promise<CartState> => {
    const action = checkAction(raw, limits);
    pending.push(action);
    refresh('local');
    const done = chain.then(async () => {
      const [before, saved] = await write(action);
      pending = pending.filter((a) => a !== action);
      accept(saved, 'local');
      sync?.post({ type: 'cart', key, state: saved });
      if (!quiet) announce(before, saved, options);
      return view;
    });
    chain = done.catch(() => undefined);
    return done;
  };

  // Funnel events for exactly what this action changed; other tabs report their own.
  const announce = (before: CartState, after: CartState, options?: AddOptions) => {
    if (!events) return;
    for (const line of after.lines) {
      const old = before.lines.find((l) => l.key === line.key)?.quantity ?? 0;
      if (line.quantity > old)
        events.emit('add_to_cart', funnelEvent('add_to_cart', after, toFunnelItems([{ ...line, quantity: line.quantity - old }]), options));
    }
    for (const line of before.lines) {
      const now = after.lines.find((l) => l.key === line.key)?.quantity ?? 0;
      if (now < line.quantity)
        events.emit('remove_from_cart', funnelEvent('remove_from_cart', after, toFunnelItems([{ ...line, quantity: line.quantity - now }])));
    }
  };

  sync?.listen((message) => {
    const m = message as { type?: string; key?: string; state?: unknown };
    if (m?.type === 'cart' && m.key === key && isCartState(m.state, limits)) accept(adopt(m.state), 'remote');
  });

  return {
    get: () => view,
    subscribe(listener) {
      listeners.add(listener);
      listener(view);
      return () => void listeners.delete(listener);
    },
    add: (item, options) => dispatch({ type: 'add', line: item }, false, options),
    setQuantity: (k, quantity) => dispatch({ type: 'set_quantity', key: k, quantity }),
    remove: (k) => dispatch({ type: 'remove', key: k }),
    clear: (options) => dispatch({ type: 'clear' }, options?.purchased === true),
    addCode: (code) => dispatch({ type: 'add_code', code }),
    removeCode: (code) => dispatch({ type: 'remove_code', code }),
    ready,
    mode: () => (persistent ? 'persistent' : 'memory'),
  };
}
