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
import { type ShopperProfile, forgetProfile, loadProfile, saveProfile } from './profile.js';
import { couponOf } from './purchase.js';
import { cartBody } from './use-quote.js';

import { loadStripeJs } from './stripe-loader.js';

const COUNTRIES = ['US', 'CN', 'HK', 'TW', 'SG', 'JP', 'GB', 'CA', 'AU', 'DE', 'FR'];

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
  city: string;
  state: string;
  postal_code: string;
  country: string;
};

function initialForm(config: ConfigResponse, locale: Locale): Form {
  const country = config.currency === 'CNY' || locale === 'zh-CN' ? 'CN' : 'US';
  return { email: '', name: '', phone: '', line1: '', line2: '', city: '', state: '', postal_code: '', country };
}

function fromProfile(form: Form, p: ShopperProfile): Form {
  return {
    ...form,
    email: p.email,
    name: p.name ?? '',
    phone: p.phone ?? '',
    ...(p.address ? { ...p.address, line2: p.address.line2 ?? '', state: p.address.state ?? '' } : {}),
  };
}

const validEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());

function problems(form: Form, locale: Locale): Partial<Record<keyof Form, string>> {
  const found: Partial<Record<keyof Form, string>> = {};
  if (!validEmail(form.email)) found.email = pick(text.badEmail, locale);
  for (const key of ['name', 'line1', 'city', 'postal_code'] as const) if (!form[key].trim()) found[key] = pick(text.required, locale);
  return found;
}

/** The checkout sheet: contact and address with autofill, consent, Stripe's Payment Element, one pay button. */
export function Sheet({ session, config, cart, quote, paymentSlot, onPaid, onEmail, onPriceChanged, restored }: SheetProps) {
  const { api, locale, storage } = session;
  const [form, setForm] = useState<Form>(() => restored?.form ?? initialForm(config, locale));
  const [remember, setRemember] = useState(restored?.remember ?? false);
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
    void loadProfile(storage).then((p) => {
      if (!p) return;
      setForm((f) => fromProfile(f, p));
      setRemember(true);
      setSaved(true);
    });
  }, []);
  // The typed email decides first-order offers and per-customer codes: quote with it once it is an address.
  useEffect(() => {
    if (validEmail(form.email)) onEmail(form.email.trim());
  }, [form.email]);

  // A retry clears the failure it answers; the first mount keeps what a return from Alipay came back with.
  const mountStripe = (retry = false) => {
    setStripeState('loading');
    if (retry) setMessage('');
    loadStripeJs(config, locale).then(
      (s) => {
        const elements = s.elements({
          mode: 'payment',
          amount: Math.max(total ?? 0, 1),
          currency: config.currency.toLowerCase(),
          locale: locale === 'zh-CN' ? 'zh' : 'en',
        });
        const element = elements.create('payment', { layout: 'tabs' });
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

  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.current || !stripe.current || total === undefined) return;
    const found = problems(form, locale);
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
    const address = {
      line1: form.line1,
      ...(form.line2 ? { line2: form.line2 } : {}),
      city: form.city,
      ...(form.state ? { state: form.state } : {}),
      postal_code: form.postal_code,
      country: form.country,
    };
    const contact = { email: form.email.trim(), name: form.name.trim(), ...(form.phone ? { phone: form.phone } : {}) };
    try {
      // Unticking "Remember" is withdrawing consent: erase what an earlier visit saved.
      await (remember ? saveProfile(storage, { ...contact, address }) : forgetProfile(storage));
      const attempt = checkoutId.current;
      const pending: PendingPayment = { checkoutId: attempt, cart, form, remember };
      const outcome = await pay({
        ...stripe.current,
        api,
        locale,
        checkoutId: attempt,
        body: { ...cartBody(cart), contact, shipping: { address } },
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

  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const t = (key: 'email' | 'name' | 'phone' | 'line1' | 'line2' | 'city' | 'state' | 'postal_code' | 'country') => pick(text.fields, locale)[key];
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
        <Field id="cartlift-phone" label={t('phone')} type="tel" autocomplete="tel" required={false} value={form.phone} onValue={set('phone')} />
      </fieldset>
      <fieldset>
        <legend>{pick(text.shippingAddress, locale)}</legend>
        <div class="field">
          <label for="cartlift-country">{t('country')}</label>
          <select id="cartlift-country" name="country" autocomplete="country" value={form.country} onChange={(e) => set('country')(e.currentTarget.value)}>
            {COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {names.of(code)}
              </option>
            ))}
          </select>
        </div>
        <Field id="cartlift-line1" label={t('line1')} autocomplete="address-line1" value={form.line1} error={errors.line1} onValue={set('line1')} />
        <Field id="cartlift-line2" label={t('line2')} autocomplete="address-line2" required={false} value={form.line2} onValue={set('line2')} />
        <Field id="cartlift-city" label={t('city')} autocomplete="address-level2" value={form.city} error={errors.city} onValue={set('city')} />
        <Field id="cartlift-state" label={t('state')} autocomplete="address-level1" required={false} value={form.state} onValue={set('state')} />
        <Field
          id="cartlift-postal"
          label={t('postal_code')}
          autocomplete="postal-code"
          value={form.postal_code}
          error={errors.postal_code}
          onValue={set('postal_code')}
        />
      </fieldset>
      <div class="consent">
        <input id="cartlift-remember" type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />
        <label for="cartlift-remember">{pick(text.remember, locale)}</label>
        {saved && (
          <button
            type="button"
            class="link"
            onClick={() => {
              void forgetProfile(storage);
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
      <button type="submit" class="primary pay" part="pay" disabled={paying || stripeState !== 'ready' || total === undefined}>
        {paying
          ? pick(text.paying, locale)
          : pick(text.pay, locale)(total === undefined ? '…' : formatMoney({ amount: total, currency: cart.currency }, locale))}
      </button>
    </form>
  );
}
