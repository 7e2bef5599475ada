// The classic script a shop pastes: <script src=".../cartlift.js" data-currency="USD" defer>.
// It must stay tiny: it records its own <script> element and any calls made so
// far, installs a queueing stub, and imports the boot module next to itself.
import { type CartliftStub, QUEUED_METHODS } from './stub.js';

declare global {
  interface Window {
    Cartlift?: unknown;
  }
}

((w: Window, d: Document) => {
  const existing = w.Cartlift as (Partial<CartliftStub> & { cart?: unknown }) | unknown[] | undefined;
  if (existing && !Array.isArray(existing) && existing.cart) return; // already booted
  const script = (d.currentScript as HTMLScriptElement | null) ?? d.querySelector<HTMLScriptElement>('script[src*="cartlift.js"]');
  const queue = (Array.isArray(existing) ? existing : ((existing as Partial<CartliftStub> | undefined)?.q ?? [])) as CartliftStub['q'];
  const stub: CartliftStub = { q: queue, s: script, push: (call) => void queue.push(call) };
  for (const method of QUEUED_METHODS) stub[method] = (...args: unknown[]) => void queue.push([method, ...args]);
  w.Cartlift = stub;
  const url = new URL('cartlift-boot.js', script?.src ?? d.baseURI).href;
  import(/* @vite-ignore */ url).catch((error: Error) =>
    console.error(`Cartlift: could not load ${url} (${error.message}); serve it next to cartlift.js. The page works on without the cart.`),
  );
})(window, document);
