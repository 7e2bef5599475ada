/**
 * The umbrella entry for npm users: everything the script tag offers, as
 * side-effect-free imports. `window.Cartlift` exists only in the script-tag build.
 *
 * @example
 * import { createCartlift, defineCartElement, idbStorage, broadcastSync } from 'cartlift';
 * const cartlift = createCartlift({ currency: 'USD', storage: idbStorage(), sync: broadcastSync() });
 * defineCartElement(cartlift, { locale: 'en' });
 */
export * from '@cartlift/core';
export * from '@cartlift/checkout';
export { readScriptConfig } from './script-tag/config.js';
export type { ScriptConfig } from './script-tag/config.js';
export type { CartliftScriptApi } from './script-tag/api.js';
