/**
 * The Stripe.js look-alike's classic-script entry (built to dist/stripe-js.js,
 * served by the sandbox at /v3/). Loading it defines `window.Stripe`, which
 * @stripe/stripe-js's loadStripe picks up instead of fetching js.stripe.com.
 * The API origin is the script's own origin unless `data-api-base` says otherwise.
 */
import { createStripeFactory } from './stripe.js';

const script = document.currentScript as HTMLScriptElement | null;
const apiBase = (script?.dataset.apiBase ?? (script?.src ? new URL(script.src).origin : location.origin)).replace(/\/$/, '');
const target = window as unknown as { Stripe?: unknown };
if (!target.Stripe) target.Stripe = createStripeFactory(apiBase, (url) => location.assign(url));
