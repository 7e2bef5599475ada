import { z } from 'zod';
import { type AddressProblem, addressProblems, phoneRequired } from '@cartlift/core/address';
import { CODE_RULE, ID_PATTERN, SKU_RULE, VARIANT_MAX_LENGTH, isCouponCode, isSku } from '@cartlift/core/contract';

export interface RequestLimits {
  /** Largest accepted quantity per line. Default 999, the browser cart's bound. */
  maxQuantity: number;
  /** Most lines per cart. Default 100. */
  maxLines: number;
  /** Most coupon codes per request. Default 5. */
  maxCodes: number;
}

/** The browser cart's SKU rule (core's isSku): a SKU it could never hold is refused by name, not priced as unknown. */
export const skuField = z.string({ error: `must be ${SKU_RULE}` }).refine(isSku, { error: `must be ${SKU_RULE}` });
const sku = skuField;

/**
 * Line schema. Only sku, variant and quantity are read: any price, name or
 * total the browser sends is dropped here, so it can never reach pricing.
 */
function lineSchema(limits: RequestLimits) {
  const quantityRule = `must be a whole number from 1 to ${limits.maxQuantity}`;
  return z.object(
    {
      sku,
      variant: z
        .string({ error: 'must be a string' })
        .max(VARIANT_MAX_LENGTH, { error: `must be at most ${VARIANT_MAX_LENGTH} characters` })
        .optional(),
      quantity: z.number({ error: quantityRule }).int({ error: quantityRule }).min(1, { error: quantityRule }).max(limits.maxQuantity, { error: quantityRule }),
    },
    { error: 'must be an object such as {"sku": "TEA-LJ-100", "quantity": 1}' },
  );
}

const email = z
  .string({ error: 'must be an email address' })
  .trim()
  .max(254, { error: 'must be at most 254 characters' })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'must be an email address such as "li.wei@example.com"' });

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

// What a postcode is called in an error sentence, by libaddressinput's zip_name_type.
const POSTCODE_NAMES: Record<string, string> = { zip: 'ZIP code', postal: 'postal code' };

/** The sentence (after the field's name) for a field the country's rules refuse. */
function problemSentence(problem: AddressProblem, country: string): string {
  if (problem.kind === 'required') return `is required for ${country} addresses`;
  return `must be a ${country} ${POSTCODE_NAMES[problem.label] ?? 'postal code'} such as "${problem.example}"`;
}

/**
 * A postal address as Stripe takes it (`shipping.address`). Which fields are
 * required, and what a postcode looks like, depend on the country: the same
 * rules the checkout sheet's form follows (@cartlift/core/address), so an
 * address the sheet sends is never refused here, and one it would refuse is.
 */
const address = z
  .strictObject(
    {
      line1: text(200),
      line2: text(200).optional(),
      city: text(100).optional(),
      state: text(100).optional(),
      postal_code: text(20).optional(),
      country: z
        .string({ error: 'must be a two-letter country code such as "CN"' })
        .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code such as "CN"' }),
    },
    { error: 'must be an object such as {"line1": "1 West Lake Road", "city": "Hangzhou", "state": "浙江省", "country": "CN"}' },
  )
  .superRefine((value, ctx) => {
    for (const problem of addressProblems(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [problem.field],
        message: problemSentence(problem, value.country),
        input: value[problem.field as keyof typeof value],
      });
    }
  });

function cartFields(limits: RequestLimits) {
  return {
    lines: z
      .array(lineSchema(limits), { error: 'must be an array of {sku, quantity} lines' })
      .min(1, { error: 'must contain at least one line' })
      .max(limits.maxLines, { error: `must contain at most ${limits.maxLines} lines` }),
    codes: z
      .array(
        z
          .string({ error: `must be ${CODE_RULE}` })
          .trim()
          .refine(isCouponCode, { error: `must be ${CODE_RULE}` }),
        {
          error: 'must be an array of coupon codes such as ["WELCOME10"]',
        },
      )
      .max(limits.maxCodes, { error: `must contain at most ${limits.maxCodes} codes` })
      .optional(),
    shipping: z
      .object(
        {
          optionId: z.string({ error: 'must be a shipping option id string' }).max(64, { error: 'must be at most 64 characters' }).optional(),
          name: text(200).optional(),
          address: address.optional(),
        },
        { error: 'must be an object such as {"optionId": "standard", "address": {…}}' },
      )
      .optional(),
    currency: z.string({ error: 'must be an ISO 4217 code' }).optional(),
  };
}

/**
 * The browser cart's id, which coupon guesses are counted against (so
 * shoppers behind one network address each get their own allowance).
 * Optional: requests without it count against the address and email only.
 * Exported so `/checkout` can take it the same way.
 */
export const cartIdField = z
  .string({ error: 'must be the cart\'s id, 8 to 128 letters, digits, "-" or "_" (the browser cart sends a UUID)' })
  .regex(ID_PATTERN, { error: 'must be the cart\'s id, 8 to 128 letters, digits, "-" or "_" (the browser cart sends a UUID)' })
  .optional();

export function quoteBody(limits: RequestLimits) {
  const fields = cartFields(limits);
  return z
    .object(
      {
        ...fields,
        // A cart link stands for its own lines, so a body with `link` may leave them out.
        lines: fields.lines.optional(),
        cartId: cartIdField,
        contact: z.object({ email: email.optional() }, { error: 'must be an object such as {"email": "li.wei@example.com"}' }).optional(),
        link: z
          .object(
            {
              cart: z.string({ error: 'must be the cart link text such as "TEA-LJ-100:2"' }).max(2000, { error: 'must be at most 2000 characters' }),
              coupon: z.string({ error: 'must be a coupon code string' }).max(64, { error: 'must be at most 64 characters' }).optional(),
              sig: z.string({ error: 'must be a hex signature string' }).max(128, { error: 'must be at most 128 characters' }).optional(),
            },
            { error: 'must be an object such as {"cart": "TEA-LJ-100:2", "sig": "…"}' },
          )
          .optional(),
      },
      { error: 'must be a JSON object such as {"lines": [{"sku": "TEA-LJ-100", "quantity": 1}]}' },
    )
    .refine((body) => body.lines !== undefined || body.link !== undefined, {
      error: 'must be an array of {sku, quantity} lines (only a body with a cart link may leave them out)',
      path: ['lines'],
    });
}

export function checkoutBody(limits: RequestLimits) {
  return z
    .object(
      {
        ...cartFields(limits),
        checkoutId,
        cartId: cartIdField,
        anonymousId: z
          .string({ error: "must be the analytics plugin's anonymous id (a string of at most 128 characters)" })
          .max(128, { error: 'must be at most 128 characters' })
          .optional(),
        confirmationToken: z
          .string({ error: 'must be the id of a ConfirmationToken from stripe.createConfirmationToken(), such as "ctoken_1Q…"' })
          .regex(/^ctoken_[A-Za-z0-9_]{1,200}$/, {
            error: 'must be the id of a ConfirmationToken from stripe.createConfirmationToken(), such as "ctoken_1Q…"',
          }),
        expectedTotal: z
          .number({ error: 'must be the total the shopper was shown, in minor units (a whole number)' })
          .int({ error: 'must be the total the shopper was shown, in minor units (a whole number)' })
          .min(0, { error: 'must not be negative' })
          .max(Number.MAX_SAFE_INTEGER),
        contact: z.object(
          {
            email,
            name: z.string({ error: 'must be a string' }).trim().max(200, { error: 'must be at most 200 characters' }).optional(),
            phone: z.string({ error: 'must be a string' }).trim().max(40, { error: 'must be at most 40 characters' }).optional(),
          },
          { error: 'must be an object such as {"email": "li.wei@example.com"}' },
        ),
      },
      { error: 'must be a JSON object with checkoutId, lines, contact, confirmationToken and expectedTotal' },
    )
    .superRefine((body, ctx) => {
      // China's couriers call before delivering: the sheet requires the number, and so does the server.
      const country = body.shipping?.address?.country;
      if (country && phoneRequired(country) && !body.contact.phone) {
        ctx.addIssue({ code: 'custom', path: ['contact', 'phone'], message: `is required for ${country} addresses (couriers call before delivering)` });
      }
    });
}

const checkoutId = z
  .string({ error: 'must be a string of 8 to 128 letters, digits, "-" or "_" (a UUID works)' })
  .regex(ID_PATTERN, { error: 'must be 8 to 128 letters, digits, "-" or "_" (a UUID works)' });

/** `POST /checkout/complete`: the attempt to look up after a next action. */
export function completeBody() {
  return z.object(
    { checkoutId, abandon: z.boolean({ error: 'must be true when the shopper left the next action unfinished (a closed QR code), else omitted' }).optional() },
    { error: 'must be a JSON object such as {"checkoutId": "…"}' },
  );
}

export type QuoteBody = z.infer<ReturnType<typeof quoteBody>>;
export type CheckoutBody = z.infer<ReturnType<typeof checkoutBody>>;
