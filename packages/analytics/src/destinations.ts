import type { WireEvent } from './wire.js';

/** A destination inside the page (GA4's dataLayer, Segment's analytics.js): handed each event once consent allows. */
export interface PageDestination {
  kind: 'page';
  name: string;
  track(event: WireEvent): void;
}

/**
 * A destination over HTTP, fed from the persisted queue: bodies are
 * `{"<field>":[map(event), …]}` posted as text/plain (no CORS preflight).
 */
export interface HttpDestination {
  kind: 'http';
  name: string;
  /** Absolute or page-relative URL; the collector defaults to `{endpoint}/events`. */
  url?: string;
  field: string;
  map?(event: WireEvent): unknown;
}

export type Destination = PageDestination | HttpDestination;

/**
 * Cartlift's first-party collector (the default destination): `POST {endpoint}/events`.
 *
 * @example
 * analytics({ destinations: [collector(), ga4()] })
 * analytics({ destinations: [collector({ url: 'https://shop.example/api/cartlift/events' })] })
 */
export function collector(options: { url?: string } = {}): HttpDestination {
  return { kind: 'http', name: 'collector', url: options.url, field: 'events' };
}

/**
 * Hands one event to each page destination (GA4, Segment); one that throws is reported and does not stop the others.
 *
 * @example
 * handToPages([ga4(), segment()], event)
 */
export function handToPages(destinations: readonly PageDestination[], event: WireEvent): void {
  for (const destination of destinations) {
    try {
      destination.track(event);
    } catch (error) {
      console.error(`Cartlift analytics: destination ${destination.name} failed: ${error}`);
    }
  }
}
