/**
 * @cartlift/stripe-sandbox: an offline stand-in for Stripe's API, webhooks and
 * Stripe.js, for development, demos and tests. Test mode only; never production.
 * Nothing runs at import.
 */
export { startStripeSandbox, type StartStripeSandboxOptions, type StripeSandbox } from './server.js';
export { createStripeSandboxHandler, SANDBOX_API_VERSION, type StripeSandboxHandler, type StripeSandboxOptions } from './sandbox.js';
export { signatureHeader } from './signature.js';
export { parseForm, encodeForm, type FormObject, type FormValue } from './form.js';
export { TEST_CARDS, TEST_PAYMENT_METHODS } from './test-cards.js';
export type { DeliveryAttempt, WebhookEndpoint } from './webhooks.js';
export { CONFIRMATION_TOKEN_LIFETIME_SECONDS } from './confirmation-tokens.js';
export type { ConfirmationToken, Customer, PaymentIntent, PaymentIntentStatus, PaymentMethod, PaymentMethodPreview, StripeEvent } from './types.js';
