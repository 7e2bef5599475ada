import type { ApiClient } from './api.js';
import { validateCard } from './card.js';
import { intentIdFromSecret } from './client-secret.js';
import { createEmitter } from './emitter.js';
import { createExpressCheckoutElement } from './express-checkout-element.js';
import type { GroupOptions, GroupState } from './group.js';
import { texts } from './i18n.js';
import { createPaymentElement } from './payment-element.js';

type Element = ReturnType<typeof createPaymentElement> | ReturnType<typeof createExpressCheckoutElement>;

/**
 * `stripe.elements(options)`: a group holding the Payment and Express Checkout
 * elements, with `create`, `getElement`, `update`, `submit` and `fetchUpdates`.
 *
 * @example
 * const elements = createElements(api, { clientSecret }, 'en');
 * elements.create('payment').mount('#payment');
 */
export function createElements(api: ApiClient, options: GroupOptions = {}, stripeLocale?: string) {
  const events = createEmitter();
  const created = new Map<string, Element>();
  if (options.clientSecret !== undefined && options.mode !== undefined) {
    throw new Error('stripe.elements(): pass either clientSecret or mode, not both (received both).');
  }
  if (options.clientSecret !== undefined) {
    const parsed = intentIdFromSecret(options.clientSecret);
    if (!parsed.ok) throw new Error(`stripe.elements(): ${parsed.message}`);
  } else if (options.mode === 'payment' && (!Number.isInteger(options.amount) || typeof options.currency !== 'string')) {
    throw new Error(
      `stripe.elements(): in mode "payment", expected an integer amount and a currency string, received amount ${String(options.amount)} and currency ${String(options.currency)}.`,
    );
  }
  const group: GroupState = {
    options: { ...options },
    texts: texts(options.locale ?? stripeLocale, typeof navigator === 'undefined' ? 'en' : navigator.language),
    api,
    intent: null,
    loaded: Promise.resolve(),
    submitted: false,
    wallet: null,
    walletShopper: null,
    payment: null,
  };
  group.loaded = load();

  async function load(): Promise<void> {
    if (!group.options.clientSecret) return;
    const result = await api.retrieve(group.options.clientSecret);
    if (result.intent) group.intent = result.intent;
    else console.error(`[Stripe sandbox] Could not load the PaymentIntent for Elements: ${result.error.message}`);
  }

  return {
    create(type: string, elementOptions: Record<string, unknown> = {}): Element {
      if (created.has(type)) throw new Error(`elements.create('${type}'): this Elements group already has a ${type} element; use getElement('${type}').`);
      let element: Element;
      if (type === 'payment') element = createPaymentElement(group, elementOptions);
      else if (type === 'expressCheckout') element = createExpressCheckoutElement(group, elementOptions);
      else throw new Error(`elements.create(): the Stripe sandbox supports 'payment' and 'expressCheckout' elements; received ${JSON.stringify(type)}.`);
      created.set(type, element);
      return element;
    },
    getElement: (type: string): Element | null => created.get(type) ?? null,
    async update(next: GroupOptions): Promise<void> {
      Object.assign(group.options, next);
      if (next.locale) group.texts = texts(next.locale);
      group.payment?.refresh();
      events.emit('update-end', {});
    },
    async fetchUpdates(): Promise<{ error?: { message: string; status?: string } }> {
      if (!group.options.clientSecret) return { error: { message: 'elements.fetchUpdates(): this Elements group has no clientSecret to fetch.' } };
      const result = await api.retrieve(group.options.clientSecret);
      if (result.error) return { error: { message: result.error.message } };
      group.intent = result.intent;
      group.payment?.refresh();
      return {};
    },
    async submit(): Promise<{ error?: { type: string; code?: string; message: string }; selectedPaymentMethod?: string }> {
      await group.loaded;
      if (group.wallet) {
        group.submitted = true;
        return { selectedPaymentMethod: group.wallet };
      }
      const payment = group.payment;
      if (!payment) return { error: { type: 'validation_error', message: 'elements.submit(): mount a payment or expressCheckout element before submitting.' } };
      const type = payment.selectedType();
      if (type === 'card') {
        const checked = validateCard(payment.card(), new Date());
        if (!checked.ok) {
          payment.showError(checked.error.message);
          return { error: checked.error };
        }
        payment.showError('');
      }
      group.submitted = true;
      return { selectedPaymentMethod: type };
    },
    on: events.on,
    once: events.once,
    off: events.off,
    /** Internal: the state confirmPayment reads. */
    _group: group,
  };
}

export type SandboxElements = ReturnType<typeof createElements>;
