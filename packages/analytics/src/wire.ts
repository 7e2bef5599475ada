import type { FunnelEvent, FunnelEventName } from '@cartlift/core';

/** One event as the collector receives it: core's payload plus its name and who/which variants. */
export interface WireEvent extends FunnelEvent {
  name: FunnelEventName;
  anonymous_id: string;
  experiments?: Record<string, string>;
}

/** What `POST {endpoint}/events` answers with a 200. */
export interface CollectorReply {
  accepted?: number;
  duplicates?: number;
  invalid?: { event_id?: string; code?: string; message?: string; field?: string }[];
  /** A whole batch refused: the server's sentence, such as which option allows this page's origin. */
  error?: { code?: string; message?: string };
}

/** Most bytes in one request body: under the 64 KB keepalive/beacon quota. */
export const BEACON_BYTES = 60_000;

/** UTF-8 length, which is what the 64 KB keepalive/beacon quota counts. */
const encoder = /* @__PURE__ */ new TextEncoder();
export const byteLength = (text: string): number => encoder.encode(text).length;

/**
 * Request bodies of at most `maxBytes` UTF-8 bytes each, `{"<field>":[map(event), …]}`, in order.
 * An event too big for any body travels alone (and the collector's 413 drops it).
 *
 * @example
 * chunkBodies(events, 60_000).bodies // ['{"events":[…]}', …] each < 60 000 bytes
 */
export function chunkBodies<T extends { event_id: string }>(
  events: readonly T[],
  maxBytes: number,
  field = 'events',
  map: (event: T) => unknown = (event) => event,
): { bodies: string[]; ids: string[][] } {
  const bodies: string[] = [];
  const ids: string[][] = [];
  const head = `{"${field}":[`;
  const frame = byteLength(head) + 2;
  let parts: string[] = [];
  let partIds: string[] = [];
  let size = frame;
  const close = () => {
    if (parts.length) {
      bodies.push(`${head}${parts.join(',')}]}`);
      ids.push(partIds);
    }
    parts = [];
    partIds = [];
    size = frame;
  };
  for (const event of events) {
    const json = JSON.stringify(map(event));
    const bytes = byteLength(json) + 1;
    if (size + bytes > maxBytes) close();
    parts.push(json);
    partIds.push(event.event_id);
    size += bytes;
  }
  close();
  return { bodies, ids };
}
