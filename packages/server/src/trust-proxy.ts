import { CartliftError, describeValue } from '@cartlift/core';

/** More proxies than this in front of one server is a misconfiguration, not a deployment. */
export const MAX_TRUSTED_HOPS = 10;

/**
 * Reads the `trustProxy` option as the number of proxies in front of the
 * server. `true` means one: the safe reading, since trusting more hops than
 * there are proxies lets a client pick its own address again.
 *
 * @example
 * trustedHops(undefined) // 0: the socket's address only
 * trustedHops(true) // 1
 * trustedHops(2) // 2: a CDN in front of a load balancer
 */
export function trustedHops(value: unknown): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 1;
  if (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_TRUSTED_HOPS) return value as number;
  throw new CartliftError(
    'invalid_option',
    `trustProxy must be the number of proxies in front of the server (a whole number from 0 to ${MAX_TRUSTED_HOPS}), true for one, or false; received ${describeValue(value)}.`,
    'trustProxy',
  );
}

/**
 * The entry of a comma-separated forwarding header (X-Forwarded-For,
 * X-Forwarded-Proto) that the outermost trusted proxy wrote: each proxy
 * appends what it saw, so the right-most `hops` entries are theirs and
 * anything to the left was sent by the client and proves nothing. With
 * fewer entries than hops, the left-most one; null with no hops or no entry.
 *
 * @example
 * forwardedEntry('1.1.1.1, 198.51.100.9', 1) // "198.51.100.9" (the client wrote "1.1.1.1")
 * forwardedEntry('198.51.100.9, 10.0.0.1', 2) // "198.51.100.9"
 */
export function forwardedEntry(header: string | null, hops: number): string | null {
  if (hops === 0 || !header) return null;
  const entries = header.split(',').map((entry) => entry.trim());
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry ? entry : null;
}
