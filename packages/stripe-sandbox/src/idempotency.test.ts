import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeSandbox } from './server.js';
import { startSandboxWithClient } from '../test/support.js';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => ({ sandbox, stripe } = await startSandboxWithClient()));
afterAll(() => sandbox.close());

describe('Idempotency-Key', () => {
  it('replays the stored response for the same key and parameters', async () => {
    const params = { amount: 4200, currency: 'usd', metadata: { checkout_id: 'chk_replay' } };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'chk_replay' });
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: 'chk_replay' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(sandbox.paymentIntents().filter((p) => p.metadata.checkout_id === 'chk_replay')).toHaveLength(1);
  });

  it('refuses the same key with different parameters (400 idempotency_error)', async () => {
    await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'chk_mismatch' });
    const error = await stripe.paymentIntents.create({ amount: 1001, currency: 'usd' }, { idempotencyKey: 'chk_mismatch' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
    const otherEndpoint = await stripe.customers.create({ email: 'x@example.com' }, { idempotencyKey: 'chk_mismatch' }).catch((e: unknown) => e);
    expect(otherEndpoint).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('does not save validation failures, so a corrected retry with the key executes', async () => {
    await expect(stripe.paymentIntents.create({ amount: 10, currency: 'usd' }, { idempotencyKey: 'chk_fix' })).rejects.toMatchObject({
      code: 'amount_too_small',
    });
    await expect(stripe.paymentIntents.create({ amount: 10, currency: 'usd' }, { idempotencyKey: 'chk_fix' })).rejects.toMatchObject({
      code: 'amount_too_small',
    });
    const fixed = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'chk_fix' });
    expect(fixed.status).toBe('requires_payment_method');
  });

  it('replays a declined confirmation instead of charging again', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const confirm = () =>
      stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }, { idempotencyKey: `confirm-${pi.id}` }).catch((e: unknown) => e);
    const [a, b] = [await confirm(), await confirm()];
    expect(a).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect(b).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect((b as Stripe.errors.StripeError).headers?.['idempotent-replayed']).toBe('true');
    expect(sandbox.events().filter((e) => e.type === 'payment_intent.payment_failed' && (e.data.object as { id: string }).id === pi.id)).toHaveLength(1);
  });

  it('replays create-and-confirm with a confirmation token (a stored 402 included) without confirming or using the token again', async () => {
    const declined = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_chargeDeclined' });
    const params = { amount: 1000, currency: 'usd', confirm: true, confirmation_token: declined.id, metadata: { checkout_id: 'chk_ct_402' } };
    const create = () =>
      stripe.paymentIntents.create(params, { idempotencyKey: 'chk_ct_402' }).then(
        (pi): never => {
          throw new Error(`expected a decline, got ${pi.status}`);
        },
        (e: unknown) => e as Stripe.errors.StripeCardError,
      );
    const [a, b] = [await create(), await create()];
    expect(a).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect(b).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect(b.headers?.['idempotent-replayed']).toBe('true');
    expect(b.payment_intent?.id).toBe(a.payment_intent?.id);
    expect(sandbox.paymentIntents().filter((p) => p.metadata.checkout_id === 'chk_ct_402')).toHaveLength(1);
    expect(
      sandbox.events().filter((e) => e.type === 'payment_intent.payment_failed' && (e.data.object as { id: string }).id === a.payment_intent?.id),
    ).toHaveLength(1);

    const ok = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' });
    const okParams = { amount: 1000, currency: 'usd', confirm: true, confirmation_token: ok.id, metadata: { checkout_id: 'chk_ct_200' } };
    const first = await stripe.paymentIntents.create(okParams, { idempotencyKey: 'chk_ct_200' });
    const second = await stripe.paymentIntents.create(okParams, { idempotencyKey: 'chk_ct_200' });
    expect(second).toMatchObject({ id: first.id, status: 'succeeded' });
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(sandbox.events().filter((e) => e.type === 'payment_intent.succeeded' && (e.data.object as { id: string }).id === first.id)).toHaveLength(1);
    // Without the key, the used token is refused rather than charged twice.
    await expect(stripe.paymentIntents.create(okParams)).rejects.toMatchObject({ code: 'token_already_used' });
  });

  it('200 concurrent creates with one key through the real client yield one PaymentIntent', async () => {
    const params = { amount: 3100, currency: 'usd', automatic_payment_methods: { enabled: true }, metadata: { checkout_id: 'chk_storm' } };
    const results = await Promise.all(Array.from({ length: 200 }, () => stripe.paymentIntents.create(params, { idempotencyKey: 'chk_storm' })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.lastResponse.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(sandbox.paymentIntents().filter((p) => p.metadata.checkout_id === 'chk_storm')).toHaveLength(1);
    expect(
      sandbox
        .events()
        .filter((e) => e.type === 'payment_intent.created' && (e.data.object as { metadata: Record<string, string> }).metadata.checkout_id === 'chk_storm'),
    ).toHaveLength(1);
  });

  it('rejects keys longer than 255 characters', async () => {
    await expect(stripe.customers.create({}, { idempotencyKey: 'k'.repeat(256) })).rejects.toMatchObject({ statusCode: 400 });
  });
});
