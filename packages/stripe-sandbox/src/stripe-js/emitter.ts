type Handler = (event: never) => void;

/**
 * A tiny event emitter with Stripe's element API (`on`, `once`, `off`).
 *
 * @example
 * const events = createEmitter(); events.on('ready', () => {}); events.emit('ready', {});
 */
export function createEmitter() {
  const handlers = new Map<string, Set<Handler>>();
  const on = (type: string, handler: Handler): void => {
    if (typeof handler !== 'function') throw new TypeError(`on('${type}', handler): expected handler to be a function, received ${typeof handler}.`);
    if (!handlers.has(type)) handlers.set(type, new Set());
    handlers.get(type)?.add(handler);
  };
  return {
    on,
    once: (type: string, handler: Handler): void => {
      const wrapped = ((event: never) => {
        handlers.get(type)?.delete(wrapped);
        handler(event);
      }) as Handler;
      on(type, wrapped);
    },
    off: (type: string, handler?: Handler): void => {
      if (handler) handlers.get(type)?.delete(handler);
      else handlers.delete(type);
    },
    has: (type: string): boolean => (handlers.get(type)?.size ?? 0) > 0,
    emit: (type: string, event: unknown): void => {
      for (const handler of [...(handlers.get(type) ?? [])]) {
        try {
          (handler as (e: unknown) => void)(event);
        } catch (error) {
          console.error(`[Stripe sandbox] A '${type}' handler threw:`, error);
        }
      }
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
