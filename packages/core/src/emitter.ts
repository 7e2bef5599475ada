/** A typed emitter: event name → payload type. */
export interface Emitter<Events> {
  /** Listens to one event; returns the unsubscribe function. */
  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void;
  /** Listens to every event (analytics plugins); returns the unsubscribe function. */
  onAny(listener: <K extends keyof Events>(name: K, payload: Events[K]) => void): () => void;
  emit<K extends keyof Events>(name: K, payload: Events[K]): void;
}

type AnyListener = (name: never, payload: never) => void;

/**
 * Creates a typed emitter. A listener that throws does not stop the others:
 * its error is rethrown on a microtask so the page's error reporting sees it.
 *
 * @example
 * const events = createEmitter<{ ping: { at: number } }>();
 * const off = events.on('ping', (p) => console.log(p.at));
 * events.emit('ping', { at: 1 });
 * off();
 */
export function createEmitter<Events>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  const any = new Set<AnyListener>();
  const safely = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  };
  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      const fn = listener as (payload: never) => void;
      set.add(fn);
      return () => void set.delete(fn);
    },
    onAny(listener) {
      const fn = listener as AnyListener;
      any.add(fn);
      return () => void any.delete(fn);
    },
    emit(name, payload) {
      for (const fn of [...(listeners.get(name) ?? [])]) safely(() => fn(payload as never));
      for (const fn of [...any]) safely(() => fn(name as never, payload as never));
    },
  };
}
