const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A Stripe-looking random id (`pi_3Q…`, `cus_…`, `evt_…`) from the platform's
 * CSPRNG, so ids and client secrets cannot be guessed.
 *
 * @example
 * randomId('pi') // "pi_3fK2b9…" (24 random characters after the prefix)
 */
export function randomId(prefix: string, length = 24): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}
