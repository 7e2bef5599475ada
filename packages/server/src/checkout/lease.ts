import { HttpError } from '../http/errors.js';
import type { CheckoutRecord, Store } from '../store/types.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the checkout's database lease, waiting while another process holds
 * it. The lease (not process memory) is what makes one checkout id produce
 * one PaymentIntent across many server processes.
 */
export async function acquireLease(
  store: Store,
  checkoutId: string,
  { now, leaseMs, waitMs }: { now: () => number; leaseMs: number; waitMs: number },
): Promise<{ token: string; record: CheckoutRecord }> {
  const token = crypto.randomUUID();
  const deadline = Date.now() + waitMs;
  let delay = 10;
  for (;;) {
    const record = await store.acquireCheckout(checkoutId, token, now(), leaseMs);
    if (record) return { token, record };
    if (Date.now() >= deadline) {
      throw new HttpError(409, 'checkout_in_progress', `Checkout ${checkoutId} is being updated by another request; retry in a moment.`, 'checkoutId', {
        'retry-after': '1',
      });
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }
}
