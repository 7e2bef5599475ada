import { type CartliftInstance, type StoragePort, memoryStorage } from '@cartlift/core';
import { type ServerApi, createServerApi } from './server-api.js';

const apis = new Map<string, ServerApi>();
// Keyed by the options object, which the copies of an instance that plugins get share.
const memories = new WeakMap<object, StoragePort>();

/** One server client per endpoint, so /config is fetched once per page. */
export function apiFor(instance: CartliftInstance): ServerApi {
  const endpoint = instance.options.endpoint ?? '/api/cartlift';
  let api = apis.get(endpoint);
  if (!api) apis.set(endpoint, (api = createServerApi(endpoint)));
  return api;
}

/**
 * Where checkout keeps the saved profile, a pending redirect payment and the
 * shown order: the storage passed to `createCartlift`, like the cart, so an
 * integrator who chose `memoryStorage()` gets nothing written to IndexedDB.
 * Without one, the instance's own memory (as its cart has), kept while the page lives.
 *
 * @example
 * await saveProfile(storageFor(instance), { email: 'li.wei@example.com' });
 */
export function storageFor(instance: CartliftInstance): StoragePort {
  const { options } = instance;
  let storage = options.storage ?? memories.get(options);
  if (!storage) memories.set(options, (storage = memoryStorage()));
  return storage;
}
