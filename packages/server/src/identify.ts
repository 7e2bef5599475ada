import { z } from 'zod';

/** What your own system knows about the shopper behind a request. */
export interface CustomerIdentity {
  /** Segment tags for promotions' `conditions.segments`, such as ["vip", "staff"]. */
  segments?: string[];
  /**
   * The shopper's Stripe Customer (`cus_…`) in your account: attached to the
   * PaymentIntent, and a paid order of this customer ends their first
   * purchase whatever email they type. It is the only link between emails:
   * a guest who later signs in and types another email is a new shopper for
   * the first-order offer, unless this is the Customer the guest order was
   * paid with (Cartlift never links two emails on its own).
   */
  stripeCustomerId?: string;
}

/**
 * Tells the server who the shopper is, from your session (cookie, token…).
 * Called once per `POST /quote` and `POST /checkout`, after the body has
 * been read (read headers and cookies, not the body); `email` is the contact
 * email the request carries, if any. Return null for a guest.
 */
export type IdentifyCustomer = (
  request: Request,
  facts: { email: string | null },
) => Promise<CustomerIdentity | null | undefined> | CustomerIdentity | null | undefined;

const identitySchema = z.strictObject({
  segments: z
    .array(
      z
        .string({ error: 'must be a segment tag string such as "vip"' })
        .min(1, { error: 'must not be empty' })
        .max(64, { error: 'must be at most 64 characters' }),
      { error: 'must be an array of segment tags such as ["vip"]' },
    )
    .max(100, { error: 'must hold at most 100 segment tags' })
    .optional(),
  stripeCustomerId: z
    .string({ error: 'must be a Stripe Customer id such as "cus_NffrFeUfNV2Hib"' })
    .regex(/^cus_[A-Za-z0-9_]{1,250}$/, { error: 'must be a Stripe Customer id such as "cus_NffrFeUfNV2Hib"' })
    .optional(),
});

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    // cyclic or a BigInt: fall through to its type
  }
  return typeof value;
}

/**
 * Runs the `identifyCustomer` option and checks what it returned. A hook that
 * throws or returns anything but null or `{ segments?, stripeCustomerId? }`
 * is the merchant's bug: the error names the field and what came back, is
 * logged, and the shopper gets a 500 (their request was fine).
 *
 * @example
 * const identity = await identify(ctx.identifyCustomer, request, body.contact?.email ?? null)
 */
export async function identify(hook: IdentifyCustomer | undefined, request: Request, email: string | null): Promise<CustomerIdentity | null> {
  if (!hook) return null;
  let value: unknown;
  try {
    value = await hook(request, { email });
  } catch (error) {
    throw new Error(`identifyCustomer threw: ${error instanceof Error ? error.message : describe(error)}`, { cause: error });
  }
  if (value === null || value === undefined) return null;
  const parsed = identitySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const received = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], value);
  const where = path ? `identifyCustomer's result.${path}` : `identifyCustomer's result`;
  if (issue.code === 'unrecognized_keys') {
    throw new Error(
      `${where} must have only the fields "segments" and "stripeCustomerId"; received ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}.`,
    );
  }
  const message =
    issue.code === 'invalid_type' && path === '' ? 'must be null or an object such as {"segments": ["vip"], "stripeCustomerId": "cus_…"}' : issue.message;
  throw new Error(`${where} ${message}; received ${describe(received)}.`);
}
