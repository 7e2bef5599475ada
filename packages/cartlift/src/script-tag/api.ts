import type { AnalyticsPlugin } from '@cartlift/analytics';
import { type AddInput, type CartliftInstance, type CartliftPlugin, type CartStore, replayQueue } from '@cartlift/core';
import type { ScriptAnalyticsOptions } from './analytics.js';
import type { ScriptConfig } from './config.js';

/** The `cartlift` package.json version, put in by the build (rollup.config.mjs) and by vitest.config.ts. */
declare const __CARTLIFT_VERSION__: string;

/** `window.Cartlift` once loaded. */
export interface CartliftScriptApi {
  readonly version: string;
  readonly config: Readonly<ScriptConfig>;
  readonly cart: CartStore;
  on: CartliftInstance['on'];
  /** Opens the cart drawer. */
  open(): void;
  /** Adds an item, like clicking a [data-cartlift-add] button. */
  add(item: AddInput): Promise<unknown>;
  /**
   * Installs a plugin object, or by name a plugin Cartlift ships: `use('analytics', options)`
   * loads the analytics chunk and resolves to the plugin (later calls resolve to the same one).
   * Destinations go by name: `destinations: ['collector', 'ga4', ['segment', { endpoint }]]`.
   * Events from before it loaded are not lost: plugins hear them first.
   */
  use(plugin: CartliftPlugin): () => void;
  use(plugin: 'analytics', options?: ScriptAnalyticsOptions): Promise<AnalyticsPlugin>;
  /** Calls `callback` with the API once the saved cart has been read. */
  ready(callback: (api: CartliftScriptApi) => void): void;
  /** Accepts late `Cartlift.push([method, ...args])` calls from the snippet style. */
  push(call: readonly [string, ...unknown[]]): void;
}

/**
 * Builds the script tag's public API around an instance.
 *
 * @example
 * window.Cartlift = createScriptApi(instance, config, open, console.error);
 */
export function createScriptApi(instance: CartliftInstance, config: ScriptConfig, open: () => void, onError: (error: unknown) => void): CartliftScriptApi {
  let analytics: Promise<AnalyticsPlugin> | undefined;
  const use = ((plugin: CartliftPlugin | 'analytics', options?: ScriptAnalyticsOptions) => {
    if (plugin !== 'analytics') return instance.use(plugin);
    analytics ??= import('./analytics.js').then(async ({ loadAnalytics }) => {
      const installed = await loadAnalytics(options);
      instance.use(installed);
      return installed;
    });
    // A refused call may be made again, corrected.
    analytics.catch(() => (analytics = undefined));
    return analytics;
  }) as CartliftScriptApi['use'];
  const api: CartliftScriptApi = {
    version: __CARTLIFT_VERSION__,
    config,
    cart: instance.cart,
    on: instance.on,
    open,
    add: (item) => instance.cart.add(item),
    use,
    ready: (callback) => void instance.cart.ready.then(() => callback(api)),
    // The same dispatch as the replay of calls queued before load, errors included.
    push: (call) => replayQueue([call], api, onError),
  };
  return api;
}
