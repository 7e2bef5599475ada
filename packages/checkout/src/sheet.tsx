import type { ConfigResponse } from '@cartlift/core/contract';
import type { CheckoutSession } from './checkout-session.js';
import { CartliftError, type CartState, formatMoney, uuid } from '@cartlift/core';
import type { EvaluateResult } from '@cartlift/discounts';
import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { drawerText as text } from './drawer-text.js';
import { Field } from './fields.js';
import { type Locale, pick } from './i18n.js';
import { type PaymentOutcome, pay } from './pay.js';
import { priceChangeSentence } from './price-change.js';
import { PAYMENT_METHODS, type ShopperProfile, forgetProfile, loadProfile, saveProfile } from './profile.js';
import { couponOf } from './purchase.js';
import { forgetTypedForm, keepTypedForm, typedForm } from './typed-form.js';
import { cartBody } from './use-quote.js';

import { loadStripeJs } from './stripe-loader.js';

/** The address chunk (per-country forms from libaddressinput's data), fetched as the sheet opens. */
type AddressModule = typeof import('./address-fieldset.js');

export interface SheetProps {
  session: CheckoutSession;
  config: ConfigResponse;
  cart: CartState;
  quote?: EvaluateResult;
  /** What the shopper had typed before leaving for Alipay, and why they are back unpaid. */
  restored?: PendingPayment & { message: string };
  /** Light-DOM element projected into the sheet, where Stripe mounts its iframe. */
  paymentSlot: HTMLElement;
  onPaid(outcome: PaymentOutcome, cart: CartState): void;
  /** A valid email was typed (or restored): the drawer re-quotes for this shopper. */
  onEmail(email: string): void;
  /** The server's price at payment differed from the one shown: this is the total to show now. */
  onPriceChanged(quote: EvaluateResult): void;
}

/** What the sheet keeps while Alipay's page is open, to restore it if the shopper comes back without paying. */
export interface PendingPayment {
  checkoutId: string;
  cart: CartState;
  form: Form;
  remember: boolean;
}

export type Form = {
  email: string;
  name: string;
  phone: string;
  line1: string;
  line2: string;
  district: string;
  city: string;
  state: string;
  postal_code: string;
  country: string;
};

function initialForm(config: ConfigResponse, locale: Locale): Form {
  const country = config.currency === 'CNY' || locale === 'zh-CN' ? 'CN' : 'US';
  return { email: '', name: '', phone: '', line1: '', line2: '', district: '', city: '', state: '', postal_code: '', country };
}

function fromProfile(form: Form, p: ShopperProfile): Form {
  // A saved address has only its country's fields: the others keep what the form had.
  return { ...form, email: p.email, name: p.name ?? '', phone: p.phone ?? '', ...p.address };
}

const validEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());

function problems(form: Form, address: AddressModule, locale: Locale): Partial<Record<keyof Form, string>> {
  const found: Partial<Record<keyof Form, string>> = {};
  if (!validEmail(form.email)) found.email = pick(text.badEmail, locale);
  if (!form.name.trim()) found.name = pick(text.required, locale);
  // The country's own rules (required fields, postcode pattern, China's phone), as the server checks them.
  return { ...found, ...address.addressErrors(form, form.phone, locale) };
}

/** The checkout sheet: contact and address with autofill, consent, Stripe's Payment Element, one pay button. */
export function Sheet({ session, config, cart, quote, paymentSlot, onPaid, onEmail, onPriceChanged, restored }: SheetProps) {
  const { api, locale, storage } = session;
  // What was typed before a reload in this tab; an Alipay return brings its own.
  const [typed] = useState(() => (restored ? undefined : typedForm()));
  const [form, setForm] = useState<Form>(() => ({ ...initialForm(config, locale), ...(restored?.form ?? typed?.form) }));
  const [remember, setRemember] = useState(restored?.remember ?? typed?.remember ?? false);
  // Set by the shopper's own typing: only then is the form kept for a reload.
  const touched = useRef(false);
  const [profile] = useState(() => loadProfile(storage));
  const [address, setAddress] = useState<AddressModule>();
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [stripeState, setStripeState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [message, setMessage] = useState(restored?.message ?? '');
  const [paying, setPaying] = useState(false);
  // One per payment attempt: a new one after every attempt that ended unpaid.
  const checkoutId = useRef(uuid());
  const stripe = useRef<{ stripe: Stripe; elements: StripeElements } | undefined>(undefined);
  const busy = useRef(false);
  const paymentType = useRef<string>(undefined);
  // Undefined while the server re-prices a changed cart: Pay waits for the price it will charge.
  const total = quote?.total;
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped by every Pay refused for the fields: focus then goes to the first one to fix.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    // After the render that marked the fields, so the focused one is announced as invalid, with its error.
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }, [refusals]);

  useEffect(() => {
    session.report('begin_checkout', cart, { ...(quote ? { value: quote.total } : {}), ...couponOf(cart) });
    if (restored) return void (validEmail(restored.form.email) && onEmail(restored.form.email.trim()));
    void profile.then((p) => {
      if (!p) return;
      setSaved(true);
      // What the shopper typed in this tab before a reload is newer than what they saved on an earlier visit: it wins.
      if (typed) return;
      setForm((f) => fromProfile(f, p));
      setRemember(true);
    });
  }, []);
  useEffect(() => {
    if (touched.current) keepTypedForm({ form, remember });
  }, [form, remember]);
  // The typed email decides first-order offers and per-customer codes: quote with it once it is an address.
  useEffect(() => {
    if (validEmail(form.email)) onEmail(form.email.trim());
  }, [form.email]);

  // A retry clears the failure it answers; the first mount keeps what a return from Alipay came back with.
  const mountStripe = (retry = false) => {
    setStripeState('loading');
    if (retry) setMessage('');
    // The address form shows as soon as its chunk is here, without waiting for Stripe.js; Pay waits for both,
    // and a chunk that can't load fails like Stripe.js, with Try again.
    const addressChunk = import('./address-fieldset.js');
    addressChunk.then(setAddress, () => {});
    Promise.all([loadStripeJs(config, locale), profile, addressChunk]).then(
      ([s, p]) => {
        const elements = s.elements({
          mode: 'payment',
          amount: Math.max(total ?? 0, 1),
          currency: config.currency.toLowerCase(),
          locale: locale === 'zh-CN' ? 'zh' : 'en',
        });
        // A returning shopper's last method comes first, and so selected (Stripe's paymentMethodOrder).
        const last = p?.paymentMethod;
        const element = elements.create('payment', { layout: 'tabs', ...(last ? { paymentMethodOrder: [last] } : {}) });
        element.on('change', (e) => (paymentType.current = e.value.type));
        element.mount(paymentSlot);
        stripe.current = { stripe: s, elements };
        setStripeState('ready');
      },
      () => {
        setStripeState('failed');
        setMessage(pick(text.stripeFailed, locale));
      },
    );
  };
  useEffect(() => mountStripe(), []);
  useEffect(() => {
    if (total !== undefined && total > 0) stripe.current?.elements.update({ amount: total });
  }, [total]);

  const set = (key: keyof Form) => (value: string) => {
    touched.current = true;
    setForm((f) => ({ ...f, [key]: value }));
    // The shopper is fixing it: its error goes now (Pay checks it again), and the sentence with the last one.
    if (!errors[key]) return;
    const { [key]: _fixed, ...left } = errors;
    setErrors(left);
    if (Object.keys(left).length === 0 && message === pick(text.fixFields, locale)) setMessage('');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.current || !stripe.current || !address || total === undefined) return;
    const found = problems(form, address, locale);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage(pick(text.fixFields, locale));
      setRefusals((n) => n + 1);
      return;
    }
    busy.current = true;
    setPaying(true);
    setMessage('');
    // GA4's parameters where known: the server's default shipping option (the sheet offers no other) and the Payment Element's choice.
    const tier = config.shippingOptions?.[0]?.id;
    session.report('add_shipping_info', cart, { value: total, ...couponOf(cart), ...(tier ? { shipping_tier: tier } : {}) });
    session.report('add_payment_info', cart, { value: total, ...couponOf(cart), ...(paymentType.current ? { payment_type: paymentType.current } : {}) });
    const contact = { email: form.email.trim(), name: form.name.trim(), ...(form.phone.trim() ? { phone: form.phone.trim() } : {}) };
    const method = PAYMENT_METHODS.find((m) => m === paymentType.current);
    try {
      // Unticking "Remember" is withdrawing consent: erase what an earlier visit saved. The method is the one
      // paid with now (kept as Pay is pressed: Alipay leaves the page), offered first next time.
      const saving = { ...contact, address: address.savedAddress(form), ...(method ? { paymentMethod: method } : {}) };
      await (remember ? saveProfile(storage, saving) : forgetProfile(storage));
      const attempt = checkoutId.current;
      const pending: PendingPayment = { checkoutId: attempt, cart, form, remember };
      const outcome = await pay({
        ...stripe.current,
        api,
        locale,
        checkoutId: attempt,
        body: { ...cartBody(cart), contact, shipping: { address: address.addressRequest(form) } },
        expectedTotal: total,
        returnUrl: location.href,
        billing: contact,
        beforeAction: () =>
          storage
            .update('pending-payment', () => pending)
            .then(
              () => undefined,
              () => undefined,
            ),
      });
      onPaid(outcome, cart);
    } catch (error) {
      // Nothing was charged: the next press is a new attempt.
      checkoutId.current = uuid();
      const changed = error instanceof CartliftError ? error.quote : undefined;
      if (changed) onPriceChanged(changed);
      const sentence = changed ? priceChangeSentence(quote, changed, locale) : error instanceof CartliftError ? error.message : pick(text.payFailed, locale);
      setMessage(sentence);
      session.report('checkout_error', cart, { error_code: (error as { code?: string }).code ?? 'unknown', message: sentence });
    } finally {
      busy.current = false;
      setPaying(false);
    }
  };

  const t = (key: 'email' | 'name' | 'phone') => pick(text.fields, locale)[key];
  return (
    <form ref={formRef} class="sheet" part="sheet" onSubmit={submit} noValidate aria-describedby={message ? 'cartlift-pay-message' : undefined}>
      <fieldset>
        <legend>{pick(text.contact, locale)}</legend>
        <Field
          id="cartlift-email"
          label={t('email')}
          type="email"
          autocomplete="email"
          value={form.email}
          error={errors.email}
          onValue={set('email')}
          inputMode="email"
        />
        <Field id="cartlift-name" label={t('name')} autocomplete="name" value={form.name} error={errors.name} onValue={set('name')} />
        <Field
          id="cartlift-phone"
          label={address?.phoneLabel(form.country, locale) ?? t('phone')}
          type="tel"
          autocomplete="tel"
          required={address?.phoneRequired(form.country) ?? false}
          value={form.phone}
          error={errors.phone}
          onValue={set('phone')}
        />
      </fieldset>
      {address ? (
        <address.AddressFieldset
          form={form}
          errors={errors}
          locale={locale}
          legend={pick(text.shippingAddress, locale)}
          onField={(field, value) => set(field)(value)}
          onCountry={(country) => {
            touched.current = true;
            setForm((f) => ({ ...f, ...address.withCountry(f, country) }));
          }}
        />
      ) : (
        <fieldset aria-busy="true">
          <legend>{pick(text.shippingAddress, locale)}</legend>
        </fieldset>
      )}
      <div class="consent">
        <input
          id="cartlift-remember"
          type="checkbox"
          checked={remember}
          onChange={(e) => {
            touched.current = true;
            setRemember(e.currentTarget.checked);
          }}
        />
        <label for="cartlift-remember">{pick(text.remember, locale)}</label>
        {saved && (
          <button
            type="button"
            class="link"
            onClick={() => {
              void forgetProfile(storage);
              forgetTypedForm();
              touched.current = false;
              setSaved(false);
              setRemember(false);
              setForm(initialForm(config, locale));
            }}
          >
            {pick(text.forget, locale)}
          </button>
        )}
      </div>
      <fieldset class="payment">
        <legend>{pick(text.payment, locale)}</legend>
        <slot name="payment" />
        {stripeState === 'loading' && <p class="muted">{pick(text.loadingPayment, locale)}</p>}
        {stripeState === 'failed' && (
          <button type="button" onClick={() => mountStripe(true)}>
            {pick(text.retry, locale)}
          </button>
        )}
      </fieldset>
      <p id="cartlift-pay-message" class="error" role="alert">
        {message}
      </p>
      <button type="submit" class="primary pay" part="pay" disabled={paying || stripeState !== 'ready' || !address || total === undefined}>
        {paying
          ? pick(text.paying, locale)
          : pick(text.pay, locale)(total === undefined ? '…' : formatMoney({ amount: total, currency: cart.currency }, locale))}
      </button>
    </form>
  );
}
