import { type CartliftInstance, idbStorage } from '@cartlift/core';
import { type ServerApi, createServerApi } from './server-api.js';

const apis = new Map<string, ServerApi>();
/** Saved profile and pending payments: Cartlift's IndexedDB, opened on first use. */
export const storage = idbStorage();

/** One server client per endpoint, so /config is fetched once per page. */
export function apiFor(instance: CartliftInstance): ServerApi {
  const endpoint = instance.options.endpoint ?? '/api/cartlift';
  let api = apis.get(endpoint);
  if (!api) apis.set(endpoint, (api = createServerApi(endpoint)));
  return api;
}
