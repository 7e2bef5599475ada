import { type AddInput, type CartliftInstance, DEFAULT_LIMITS, parseMinorUnits } from '@cartlift/core';
import { loadDrawer } from './drawer-loader.js';
import { openCart } from './open-cart.js';
import { type Locale, buttonText, pick } from './i18n.js';
import { adoptStyles, baseCss } from './styles.js';
import { whenNear } from './when-near.js';

const BUY_NOW = { en: 'Buy now', 'zh-CN': '立即购买' };
const EXPRESS = { en: 'Express checkout', 'zh-CN': '快捷支付' };

/** The product an element buys, from its sku / quantity / name / price attributes. */
function productOf(el: HTMLElement): AddInput | undefined {
  const sku = el.getAttribute('sku');
  if (!sku) return undefined;
  const quantity = Number(el.getAttribute('quantity') ?? 1);
  const item: AddInput = { sku, quantity: Number.isInteger(quantity) && quantity >= 1 && quantity <= DEFAULT_LIMITS.maxQuantity ? quantity : 1 };
  const name = el.getAttribute('name');
  if (name) item.name = name;
  const price = el.getAttribute('price');
  if (price) {
    try {
      item.price = parseMinorUnits(price, `price on <${el.localName} sku="${sku}">`);
    } catch (error) {
      console.error(`Cartlift: ${(error as Error).message}`);
    }
  }
  return item;
}

function shadowButton(host: HTMLElement, label: string, css = ''): { root: ShadowRoot; button: HTMLButtonElement } {
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, baseCss + css);
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
  button.setAttribute('part', 'button');
  root.append(button);
  return { root, button };
}

/**
 * Defines `<cartlift-buy-button sku>` ("Buy now": straight to checkout for
 * one product, the cart untouched) and `<cartlift-express-checkout [sku]>`
 * (wallet buttons: the product, or the cart without a sku). Both fetch their
 * code and Stripe.js on intent — pointer over, focus or touch — never at load;
 * on a touch screen the express element also starts once as it nears the
 * viewport (within half a screen), so the shopper's first tap reaches the wallet.
 *
 * @example
 * defineBuyElements(cartlift, { locale: 'en' });
 * // <cartlift-buy-button sku="POT-YIXING" name="Yixing teapot" price="8900"></cartlift-buy-button>
 */
export function defineBuyElements(instance: CartliftInstance, { locale }: { locale: Locale }): void {
  if (!customElements.get('cartlift-buy-button')) {
    customElements.define(
      'cartlift-buy-button',
      class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          const { button } = shadowButton(this, pick(BUY_NOW, locale), ':host{display:inline-block}button{width:100%}');
          button.classList.add('primary');
          button.onpointerenter = button.onfocus = () => void loadDrawer().catch(() => {});
          button.onclick = () => {
            const buyNow = productOf(this);
            if (buyNow) openCart(document, { view: 'checkout', buyNow });
            else console.error('Cartlift: <cartlift-buy-button> needs a sku attribute, such as sku="TEA-LJ-100".');
          };
        }
      },
    );
  }
  if (!customElements.get('cartlift-express-checkout')) {
    customElements.define(
      'cartlift-express-checkout',
      class extends HTMLElement {
        private state: '' | 'busy' | 'failed' | 'done' = '';
        connectedCallback() {
          if (this.shadowRoot) return;
          // The box keeps its height from the start and the placeholder lies over it,
          // so the wallet buttons arriving underneath shift nothing.
          const { root, button: placeholder } = shadowButton(
            this,
            pick(EXPRESS, locale),
            ':host{display:block;min-height:48px;position:relative}button{position:absolute;inset:0;width:100%;height:48px}p{margin:52px 0 0;color:#a4161a}p:empty{margin:0}',
          );
          const alert = document.createElement('p');
          alert.setAttribute('role', 'alert');
          // Intent starts loading; after a failure only the shopper's "Try again" does, so hovering doesn't repeat the alert.
          const start = () => this.state !== 'failed' && this.start(root, placeholder, alert);
          this.addEventListener('pointerenter', start);
          this.addEventListener('focusin', start);
          // (pointerenter fires for a touch too, as the finger lands.) A touch screen has no hover, though, and its
          // first touch is the tap itself: start as the element nears the viewport, so the wallet is in place
          // before the finger arrives (one tap pays), once.
          if (matchMedia('(pointer:coarse)').matches) whenNear(this, '50%', start);
          placeholder.onclick = () => this.start(root, placeholder, alert);
          root.append(document.createElement('slot'), alert);
        }

        private start(root: ShadowRoot, placeholder: HTMLButtonElement, alert: HTMLElement) {
          if (this.state === 'busy' || this.state === 'done') return;
          this.state = 'busy';
          placeholder.setAttribute('aria-busy', 'true');
          const ready = (focusWallet: () => void) => {
            // Hiding the focused placeholder would drop keyboard focus to <body>: hand it to the wallet.
            const focused = root.activeElement === placeholder;
            placeholder.hidden = true;
            alert.textContent = '';
            if (focused) focusWallet();
          };
          import('./express-mount.js')
            .then(({ mountExpressElement }) => mountExpressElement(this, instance, locale, productOf(this), ready, (message) => (alert.textContent = message)))
            .then(
              () => (this.state = 'done'),
              () => {
                // Stripe.js blocked, offline or the server unreachable: say so and offer a retry; the cart is untouched.
                this.state = 'failed';
                placeholder.removeAttribute('aria-busy');
                placeholder.textContent = pick(buttonText.retry, locale);
                alert.textContent = pick(buttonText.stripeFailed, locale);
              },
            );
        }
      },
    );
  }
}
