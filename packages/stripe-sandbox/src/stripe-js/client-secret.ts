/**
 * The PaymentIntent id inside a client secret (`pi_…_secret_…`), or a sentence
 * saying what was expected.
 *
 * @example
 * intentIdFromSecret('pi_123_secret_abc') // { ok: true, id: 'pi_123' }
 */
export function intentIdFromSecret(secret: unknown): { ok: true; id: string } | { ok: false; message: string } {
  const match = typeof secret === 'string' ? /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(secret) : null;
  if (match?.[1]) return { ok: true, id: match[1] };
  const shown = typeof secret === 'string' ? JSON.stringify(secret.length > 24 ? `${secret.slice(0, 24)}…` : secret) : typeof secret;
  return { ok: false, message: `Invalid value for clientSecret: expected a PaymentIntent client secret of the form pi_…_secret_…, received ${shown}.` };
}

/**
 * The return URL Stripe sends the shopper back to after a redirect.
 *
 * @example
 * returnUrlWith('https://shop.test/done?x=1', { id: 'pi_1', client_secret: 's', status: 'succeeded' })
 * // "https://shop.test/done?x=1&payment_intent=pi_1&payment_intent_client_secret=s&redirect_status=succeeded"
 */
export function returnUrlWith(returnUrl: string, intent: { id: string; client_secret: string; status: string }): string {
  const url = new URL(returnUrl);
  url.searchParams.set('payment_intent', intent.id);
  url.searchParams.set('payment_intent_client_secret', intent.client_secret);
  url.searchParams.set('redirect_status', intent.status === 'succeeded' || intent.status === 'processing' ? 'succeeded' : 'failed');
  return url.toString();
}
