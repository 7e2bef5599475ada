import type { QueuedCall } from '@cartlift/core';

/**
 * What `window.Cartlift` is before the boot module has loaded: an array-like
 * queue (so `window.Cartlift = window.Cartlift || []` plus `Cartlift.push([...])`
 * works in an inline snippet) with the script element that loaded us.
 */
export interface CartliftStub {
  q: QueuedCall[];
  /** The <script> element whose data-* attributes configure Cartlift. */
  s: HTMLScriptElement | null;
  push(call: QueuedCall): void;
  [method: string]: unknown;
}

/** Methods callable before load; each call is queued and replayed in order. */
export const QUEUED_METHODS = ['on', 'add', 'open', 'use', 'ready'] as const;
