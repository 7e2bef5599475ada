import { describe, expect, test } from 'vitest';
import type { CustomerIdentity } from './identify.js';
import { storeVariants, unique, useHarness } from '../test/harness.js';

const lines = [{ sku: 'TEA-LJ-100', quantity: 1 }];
const applied = (quote: any): string[] => quote.applied.map((a: { promotionId: string }) => a.promotionId);
const reason = (quote: any, id: string): string | undefined => quote.notApplied.find((n: { promotionId: string }) => n.promotionId === id)?.reason.code;
/** Full-width forms of ASCII letters and digits (what a Chinese or Japanese input method types). */
const fullWidth = (text: string) => text.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe.each(storeVariants())('the first-order offer once per shopper, however the email is typed, on $name', ({ open }) => {
  const sessions = new Map<string, CustomerIdentity>();
  const h = useHarness(open, {
    identifyCustomer: (request) => sessions.get(request.headers.get('x-session') ?? '') ?? null,
  });

  test('a trailing dot, a quoted local part, zero-width characters and full-width letters are the shopper who already paid', async () => {
    const local = unique('li.wei').toLowerCase();
    const email = `${local}@example.com`;
    const first = await h.checkout({ checkoutId: unique('co'), lines, contact: { email } });
    expect(first.body.status).toBe('succeeded');
    expect(applied(first.body.quote)).toContain('first-order');

    const variants = [
      `${email}.`,
      `"${local}"@example.com`,
      `${local.slice(0, 3)}\u200B${local.slice(3)}@exam\u2060ple.com`,
      `${fullWidth(local)}@example.com`,
    ];
    for (const variant of variants) {
      const quote = await h.call('POST', '/quote', { lines, contact: { email: variant } });
      expect(quote.status, variant).toBe(200);
      expect(reason(quote.body, 'first-order'), variant).toBe('first_purchase');
    }
    // At the till too: the full-width spelling pays full price.
    const again = await h.checkout({ checkoutId: unique('co'), lines, contact: { email: variants[3]! } }, { expectedTotal: 2400 });
    expect(again.body).toMatchObject({ status: 'succeeded', amount: 2400 });
    expect(applied(again.body.quote)).not.toContain('first-order');
  }, 60_000);

  test("a guest who later signs in and types another email is a new shopper, unless identifyCustomer names the guest's Stripe Customer", async () => {
    const guestEmail = `${unique('guest')}@example.com`;
    const guest = await h.checkout({ checkoutId: unique('co'), lines, contact: { email: guestEmail } });
    expect(applied(guest.body.quote)).toContain('first-order');
    const guestCustomer = (await h.stripe.paymentIntents.retrieve(guest.body.paymentIntentId)).customer as string;
    expect(guestCustomer).toMatch(/^cus_/);

    // Signed in to an account of the shop's own, with a Stripe Customer that has never paid, and another email.
    const member = await h.stripe.customers.create({ email: 'member@example.com' });
    sessions.set('account', { stripeCustomerId: member.id });
    const accountEmail = `${unique('account')}@example.com`;
    const signedIn = await h.call('POST', '/quote', { lines, contact: { email: accountEmail } }, { 'x-session': 'account' });
    expect(applied(signedIn.body)).toContain('first-order');
    // Typing the guest email again, signed in or not, is the guest.
    const sameEmail = await h.call('POST', '/quote', { lines, contact: { email: guestEmail } }, { 'x-session': 'account' });
    expect(reason(sameEmail.body, 'first-order')).toBe('first_purchase');

    // The shop that links the guest order to the account returns the Customer that order was paid with.
    sessions.set('linked', { stripeCustomerId: guestCustomer });
    const linked = await h.call('POST', '/quote', { lines, contact: { email: accountEmail } }, { 'x-session': 'linked' });
    expect(reason(linked.body, 'first-order')).toBe('first_purchase');
  }, 60_000);
});
