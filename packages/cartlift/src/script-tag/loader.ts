// The classic script a shop pastes: <script src=".../cartlift.js" data-currency="USD" defer>.
// It must stay tiny: it records its own <script> element and any calls made so
// far, installs a queueing stub, and imports the boot module next to itself.
import { type CartliftStub, QUEUED_METHODS } from './stub.js';

declare global {
  interface Window {
    Cartlift?: unknown;
  }
}

// Top-level code: the build wraps it in a function (rollup's iife format), so no names leak,
// and leaves out "use strict" (rollup.config.mjs): nothing here depends on it, and the first download is full.
const existing = window.Cartlift as (Partial<CartliftStub> & { cart?: unknown }) | unknown[] | undefined;
// Not when already booted (the tag pasted twice): only the API has a cart (a queue array or the stub has none).
if (!(existing as { cart?: unknown } | undefined)?.cart) {
  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="cartlift.js"]');
  const queue = (Array.isArray(existing) ? existing : ((existing as Partial<CartliftStub> | undefined)?.q ?? [])) as CartliftStub['q'];
  // (The stubs return push's count, which nobody reads: a few bytes less than `void`.)
  const stub: CartliftStub = { q: queue, s: script, push: (call) => queue.push(call) };
  for (const method of QUEUED_METHODS) stub[method] = (...args: unknown[]) => queue.push([method, ...args]);
  window.Cartlift = stub;
  const url = new URL('cartlift-boot.js', script?.src ?? document.baseURI).href;
  import(/* @vite-ignore */ url).catch((error: Error) =>
    console.error(`Cartlift: could not load ${url} (${error.message}); serve it next to cartlift.js. The page works on without the cart.`),
  );
}
