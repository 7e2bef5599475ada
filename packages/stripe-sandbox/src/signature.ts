import { createHmac } from 'node:crypto';

/**
 * The `Stripe-Signature` header Stripe sends: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<raw body>")>`. `stripe.webhooks.constructEvent`
 * verifies exactly this.
 *
 * @example
 * signatureHeader('{"id":"evt_1"}', 'whsec_test', 1700000000)
 * // "t=1700000000,v1=5d1c…"
 */
export function signatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}
