import type { CartLimits } from './cart.js';
import { createEmitter, type Emitter } from './emitter.js';
import type { CartliftEvents } from './events.js';
import type { StoragePort } from './storage.js';
import { type CartStore, createCartStore } from './store.js';
import type { SyncPort } from './sync.js';

/** How many past events a late plugin is replayed (oldest dropped first). */
const HISTORY = 200;

/** A plugin: a plain object made by a factory, e.g. `analytics({...})`. */
export interface CartliftPlugin {
  name: string;
  /**
   * Called once when installed; may return a teardown function. The instance's
   * `events.onAny` first replays the events emitted since the instance started
   * (the last 200), so a plugin installed late misses nothing.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a plugin's setup may return nothing at all (not even undefined) or a teardown
  setup(instance: CartliftInstance): void | (() => void);
}

export interface CartliftOptions {
  currency: string;
  locale?: string;
  /** Base URL of the Cartlift server, e.g. "/api/cartlift". */
  endpoint?: string;
  storage?: StoragePort;
  sync?: SyncPort | null;
  limits?: CartLimits;
}

export interface CartliftInstance {
  readonly cart: CartStore;
  readonly events: Emitter<CartliftEvents>;
  readonly options: Readonly<CartliftOptions>;
  on: Emitter<CartliftEvents>['on'];
  /** Installs a plugin once per name; returns its teardown. */
  use(plugin: CartliftPlugin): () => void;
}

/**
 * The runtime-agnostic Cartlift instance: a cart store and its typed events.
 * Browser packages inject IndexedDB storage and BroadcastChannel sync.
 *
 * @example
 * const cartlift = createCartlift({ currency: 'USD' });
 * const off = cartlift.on('add_to_cart', (e) => console.log(e.items));
 * await cartlift.cart.add({ sku: 'TEA-LJ-100' });
 */
export function createCartlift(options: CartliftOptions): CartliftInstance {
  const events = createEmitter<CartliftEvents>();
  // What happened before a plugin arrived (the script tag loads analytics lazily):
  // a plugin's onAny hears it first, so a late install loses no event.
  const history: [keyof CartliftEvents, unknown][] = [];
  events.onAny((name, payload) => history.push([name, payload]) > HISTORY && history.shift());
  const forPlugins: Emitter<CartliftEvents> = {
    ...events,
    onAny(listener) {
      for (const [name, payload] of [...history]) listener(name, payload as never);
      return events.onAny(listener);
    },
  };
  const cart = createCartStore({ ...options, events });
  const plugins = new Map<string, () => void>();
  const instance: CartliftInstance = {
    cart,
    events,
    options,
    on: events.on,
    use(plugin) {
      const existing = plugins.get(plugin.name);
      if (existing) return existing;
      const teardown = plugin.setup({ ...instance, events: forPlugins }) ?? (() => {});
      const remove = () => {
        plugins.delete(plugin.name);
        teardown();
      };
      plugins.set(plugin.name, remove);
      return remove;
    },
  };
  return instance;
}
