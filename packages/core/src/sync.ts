/** How tabs tell each other about changes. */
export interface SyncPort {
  post(message: unknown): void;
  listen(listener: (message: unknown) => void): () => void;
}

/**
 * Cross-tab sync over BroadcastChannel, created on first use; null where the
 * platform has none (the cart then simply doesn't sync).
 *
 * @example
 * const sync = broadcastSync('cartlift');
 * sync?.post({ type: 'cart', state });
 */
export function broadcastSync(name = 'cartlift'): SyncPort | null {
  if (typeof BroadcastChannel !== 'function') return null;
  let channel: BroadcastChannel | undefined;
  const open = () => (channel ??= new BroadcastChannel(name));
  return {
    post: (message) => open().postMessage(message),
    listen(listener) {
      const handler = (e: MessageEvent) => listener(e.data);
      open().addEventListener('message', handler);
      return () => open().removeEventListener('message', handler);
    },
  };
}
