import { h, resolveMountTarget, shadowWithStyles } from './dom.js';
import { createEmitter } from './emitter.js';
import type { GroupState } from './group.js';
import { openDialog } from './modal.js';
import { CSS_TEXT } from './styles.js';

const AVAILABLE = { applePay: false, googlePay: false, link: true, paypal: false, amazonPay: false, klarna: false };

// The test wallet's saved details, as a real wallet would hand them over.
const SHOPPER = { name: 'Test Shopper', email: 'shopper@example.com', phone: '+86 21 5555 0100' };
const ADDRESS = { line1: '1 Test Street', line2: null, city: 'Shanghai', state: '上海市', postal_code: '200000', country: 'CN' };

interface ShippingRate {
  id: string;
  amount: number;
  displayName: string;
}

/** What the page asked for in `click`'s `resolve(payload)`. */
interface WalletRequest {
  emailRequired?: boolean;
  phoneNumberRequired?: boolean;
  shippingAddressRequired?: boolean;
  shippingRates?: ShippingRate[];
}

/** Stripe refuses an address request without rates; so does the sandbox, with its sentence. */
function checkRequest(request: WalletRequest): string | null {
  if (!request.shippingAddressRequired) return null;
  const rates = request.shippingRates;
  if (!Array.isArray(rates) || rates.length === 0) return 'shippingRates must list at least one rate when shippingAddressRequired is true; received none.';
  const bad = rates.find((r) => typeof r?.id !== 'string' || !Number.isInteger(r?.amount) || r.amount < 0 || typeof r?.displayName !== 'string');
  return bad ? `each of shippingRates must be { id, amount (whole minor units), displayName }; received ${JSON.stringify(bad)}.` : null;
}

/**
 * The Express Checkout Element look-alike: one "Pay (test wallet)" button.
 * Like Stripe's, it fires `click` (resolve/reject within a second), shows a
 * wallet sheet, then fires `confirm` (or `cancel` if the sheet is dismissed).
 *
 * @example
 * const el = createExpressCheckoutElement(group, {}); el.on('confirm', async () => stripe.confirmPayment({ ... }));
 */
export function createExpressCheckoutElement(group: GroupState, options: Record<string, unknown>) {
  const events = createEmitter();
  let host: HTMLElement | null = null;

  async function pay(): Promise<void> {
    const t = group.texts;
    let request: WalletRequest = {};
    if (events.has('click')) {
      const decision = await new Promise<'resolve' | 'reject'>((resolve) => {
        const timer = setTimeout(() => {
          console.error('[Stripe sandbox] expressCheckout click: event.resolve() or event.reject() must be called within 1 second, as with Stripe.');
          resolve('reject');
        }, 1000);
        events.emit('click', {
          elementType: 'expressCheckout',
          expressPaymentType: 'link',
          resolve: (payload?: WalletRequest) => {
            clearTimeout(timer);
            request = payload ?? {};
            resolve('resolve');
          },
          reject: () => {
            clearTimeout(timer);
            resolve('reject');
          },
        });
      });
      if (decision === 'reject') return;
    }
    const problem = checkRequest(request);
    if (problem) return console.error(`[Stripe sandbox] expressCheckout click resolve(): ${problem}`);
    const rate = request.shippingRates?.[0];
    const shipping =
      request.shippingAddressRequired && rate
        ? [
            h(
              'p',
              { class: 'note' },
              `${t.shipTo}: ${SHOPPER.name}, ${ADDRESS.line1}, ${ADDRESS.city} ${ADDRESS.postal_code}, ${ADDRESS.country} — ${rate.displayName}`,
            ),
          ]
        : [];
    // The wallet's account, like the email a Link sheet shows: changeable, so tests can pay as a new shopper.
    const email = h('input', { type: 'email', value: SHOPPER.email, autocomplete: 'email' });
    const account = h('label', { class: 'note' }, `${t.walletEmail} `, email);
    const choice = await openDialog(
      t.walletSheet,
      [h('p', { class: 'note' }, t.wallet), account, ...shipping],
      [
        { label: t.walletConfirm, value: 'confirm', primary: true },
        { label: t.cancel, value: 'cancel' },
      ],
      t.banner,
    );
    if (choice !== 'confirm') {
      events.emit('cancel', { elementType: 'expressCheckout' });
      return;
    }
    group.wallet = 'link';
    group.walletShopper = { name: SHOPPER.name, email: email.value.trim() || SHOPPER.email };
    events.emit('confirm', {
      elementType: 'expressCheckout',
      expressPaymentType: 'link',
      billingDetails: { name: SHOPPER.name, email: group.walletShopper.email, phone: request.phoneNumberRequired ? SHOPPER.phone : null, address: ADDRESS },
      ...(request.shippingAddressRequired && rate && { shippingAddress: { name: SHOPPER.name, address: ADDRESS }, shippingRate: rate }),
      paymentFailed: (payload?: { reason?: string; message?: string }) => {
        group.wallet = null;
        if (payload?.message) console.warn(`[Stripe sandbox] test wallet payment failed: ${payload.message}`);
      },
    });
  }

  return {
    mount(target: unknown): void {
      if (host) throw new Error('mount(): this Express Checkout Element is already mounted; call unmount() first.');
      const parent = resolveMountTarget(target);
      host = h('div', { class: 'StripeElement StripeSandboxElement', 'data-stripe-sandbox': 'expressCheckout' });
      parent.append(host);
      const root = shadowWithStyles(host, CSS_TEXT);
      // Like Stripe's, the element is exactly one row of `buttonHeight` (40–55 px, default 44), so
      // pages can reserve its space; the test-mode notice rides inside the button.
      const height = Math.min(55, Math.max(40, Number(options.buttonHeight) || 44));
      const button = h(
        'button',
        { type: 'button', class: 'wallet', 'aria-describedby': 'wallet-banner' },
        group.texts.wallet,
        h('span', { class: 'test-badge', 'aria-hidden': 'true' }, 'TEST'),
      );
      button.style.height = `${height}px`;
      root.replaceChildren(button, h('span', { class: 'sr-only', id: 'wallet-banner' }, group.texts.banner));
      button.addEventListener('click', () => void pay());
      button.addEventListener('focus', () => events.emit('focus', { elementType: 'expressCheckout' }));
      button.addEventListener('blur', () => events.emit('blur', { elementType: 'expressCheckout' }));
      void group.loaded.then(() => {
        events.emit('ready', { elementType: 'expressCheckout', availablePaymentMethods: AVAILABLE });
        events.emit('availablepaymentmethodschange', { elementType: 'expressCheckout', paymentMethods: { link: { available: true } } });
      });
    },
    unmount(): void {
      host?.remove();
      host = null;
    },
    destroy(): void {
      this.unmount();
    },
    update(next: Record<string, unknown>): void {
      Object.assign(options, next);
    },
    focus: () => (host?.shadowRoot?.querySelector('button') as HTMLButtonElement | null)?.focus(),
    blur: () => undefined,
    on: events.on,
    once: events.once,
    off: events.off,
  };
}
