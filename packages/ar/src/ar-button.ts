import type { AddInput, CartliftInstance } from '@cartlift/core';
import { funnelEvent } from '@cartlift/core';
import type { ArLaunchMode } from '@cartlift/core/contract';
import { arRoute } from './ar-route.js';
import { AR_TEXT, type ArLocale } from './ar-text.js';
import { FALLBACK_MARK, hasMark, markedUrl, quickLookHref, READY_MARK, sceneViewerIntent } from './launch-urls.js';
import { checkModelUrl } from './model-url.js';

/** What Quick Look posts to the `rel="ar"` link when the banner's button is tapped. */
const QUICK_LOOK_TAPPED = '_apple_ar_quicklook_button_tapped';

const CSS =
  ':host{display:inline-block;font-family:var(--cartlift-font,system-ui,sans-serif)}:host([hidden]){display:none}button{font:inherit;cursor:pointer;min-height:44px;padding:.5em .9em;border-radius:var(--cartlift-radius,8px);border:1px solid var(--cartlift-accent,#1f5f4a);background:var(--cartlift-background,#fff);color:var(--cartlift-accent,#1f5f4a)}button:focus-visible{outline:3px solid var(--cartlift-accent,#1f5f4a);outline-offset:2px}p{margin:.4em 0}img{max-width:100%;height:auto}';

/** A shadow-DOM element with the button's styles adopted (no inline styles: strict CSP). */
function shadow(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  return root;
}

/** Price in minor units as the cart's currency shows it, for Quick Look's banner. */
function displayPrice(minor: number, currency: string, locale: ArLocale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** Follows a link inside the shopper's tap (a phone opens AR viewers only from a user gesture). */
function follow(href: string, rel?: string): HTMLAnchorElement {
  const link = document.createElement('a');
  if (rel) {
    link.rel = rel;
    // Quick Look wants exactly one <img> child in a rel="ar" link.
    link.append(document.createElement('img'));
  }
  link.href = href;
  link.click();
  return link;
}

/**
 * Defines `<cartlift-ar-button sku name price usdz glb [image]>`: "View in your
 * space" opens iOS AR Quick Look (USDZ; its banner's button adds the product
 * to the cart) or Android's Scene Viewer (GLB); elsewhere "View on your phone"
 * shows a QR code of this page marked `#cartlift-ar=SKU`, which a phone opens
 * with the button focused and ready. Reports `ar_launched` with the mode.
 *
 * @example
 * defineArButton(cartlift, { locale: 'en' });
 * // <cartlift-ar-button sku="POT-YIXING" name="Yixing clay teapot" price="8900" usdz="/models/teapot.usdz" glb="/models/teapot.glb"></cartlift-ar-button>
 */
export function defineArButton(instance: CartliftInstance, { locale }: { locale: ArLocale }): void {
  if (customElements.get('cartlift-ar-button')) return;
  const text = AR_TEXT[locale];
  customElements.define(
    'cartlift-ar-button',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const sku = this.getAttribute('sku') ?? '';
        const usdz = checkModelUrl('usdz', this.getAttribute('usdz'), location.href);
        const glb = checkModelUrl('glb', this.getAttribute('glb'), location.href);
        const error = !sku
          ? 'Cartlift: <cartlift-ar-button> needs a sku attribute, such as sku="POT-YIXING"; the AR button is hidden.'
          : 'error' in usdz
            ? usdz.error
            : 'error' in glb
              ? glb.error
              : '';
        if (error || 'error' in usdz || 'error' in glb) {
          console.error(error);
          this.hidden = true;
          return;
        }
        const root = shadow(this);
        if (hasMark(location.hash, FALLBACK_MARK, sku)) return this.noAr(root);
        const mode = arRoute(navigator.userAgent, document.createElement('a').relList.supports('ar'));
        const button = document.createElement('button');
        button.type = 'button';
        button.part.add('button');
        button.textContent = mode === 'qr' ? text.onPhone : text.inSpace;
        button.onclick = () => this.launch(mode, usdz.url, glb.url);
        root.append(button);
        if (mode !== 'qr' && hasMark(location.hash, READY_MARK, sku)) {
          // Opened from the QR code: the phone still needs the shopper's tap to start AR, so hand them the button.
          const ready = Object.assign(document.createElement('p'), { textContent: text.ready, id: 'ready' });
          button.setAttribute('aria-describedby', 'ready');
          root.append(ready);
          this.scrollIntoView({ block: 'center' });
          button.focus();
        }
      }

      /** The product from the sku / name / price attributes (price in minor units, as on the other elements). */
      private product(): AddInput {
        const item: AddInput = { sku: this.getAttribute('sku')!, quantity: 1 };
        const price = Number(this.getAttribute('price'));
        if (Number.isSafeInteger(price) && price > 0) item.price = price;
        const name = this.getAttribute('name');
        if (name) item.name = name;
        return item;
      }

      private launch(mode: ArLaunchMode, usdz: string, glb: string) {
        const item = this.product();
        const cart = instance.cart.get();
        instance.events.emit(
          'ar_launched',
          funnelEvent('ar_launched', cart, [{ item_id: item.sku, quantity: 1, ...(item.price ? { price: item.price } : {}) }], { sku: item.sku, mode }),
        );
        const title = item.name ?? item.sku;
        if (mode === 'quick_look') {
          const banner = {
            callToAction: text.addToCart,
            checkoutTitle: title,
            ...(item.price ? { price: displayPrice(item.price, cart.currency, locale) } : {}),
          };
          const link = follow(quickLookHref(usdz, banner), 'ar');
          link.addEventListener('message', (event) => {
            if ((event as MessageEvent).data === QUICK_LOOK_TAPPED) void instance.cart.add(item, { source: 'ar' }).catch(() => {});
          });
        } else if (mode === 'scene_viewer') {
          follow(sceneViewerIntent(glb, title, markedUrl(location.href, FALLBACK_MARK, item.sku)));
        } else {
          import('./qr-dialog.js')
            .then(({ openQrDialog }) => openQrDialog(this.shadowRoot!, markedUrl(location.href, READY_MARK, item.sku), locale))
            .catch(() => {});
        }
      }

      /** Back from Scene Viewer's fallback: this phone can't do AR, so say so and show the product's picture. */
      private noAr(root: ShadowRoot) {
        const note = Object.assign(document.createElement('p'), { textContent: text.noAr });
        note.setAttribute('role', 'status');
        root.append(note);
        const image = this.getAttribute('image');
        if (image) root.append(Object.assign(document.createElement('img'), { src: image, alt: this.getAttribute('name') ?? '' }));
      }
    },
  );
}
