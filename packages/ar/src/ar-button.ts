import type { CartliftInstance } from '@cartlift/core';
import { funnelEvent } from '@cartlift/core';
import type { ArLaunchMode } from '@cartlift/core/contract';
import { arRoute } from './ar-route.js';
import { AR_TEXT, type ArLocale } from './ar-text.js';
import { FALLBACK_MARK, hasMark, markedUrl, quickLookHref, READY_MARK, sceneViewerIntent } from './launch-urls.js';
import { badAttribute, modelUrl } from './model-url.js';

/** What Quick Look posts to the `rel="ar"` link when the banner's button is tapped. */
const QUICK_LOOK_TAPPED = '_apple_ar_quicklook_button_tapped';

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
        if (this.firstElementChild) return;
        const sku = this.getAttribute('sku') ?? '';
        let models: [string, string];
        try {
          if (!sku) throw new Error(badAttribute('sku', 'a product SKU', null));
          models = [modelUrl('usdz', this.getAttribute('usdz'), location.href), modelUrl('glb', this.getAttribute('glb'), location.href)];
        } catch (error) {
          // A bad attribute: one sentence in the console and no button; the page carries on.
          console.error((error as Error).message);
          this.hidden = true;
          return;
        }
        if (hasMark(location.hash, FALLBACK_MARK, sku)) return this.noAr();
        const mode = arRoute(navigator.userAgent, document.createElement('a').relList.supports('ar'));
        // Light DOM: the button takes the shop's own button styles, like its add-to-cart buttons.
        const button = Object.assign(document.createElement('button'), { type: 'button', textContent: mode === 'qr' ? text.onPhone : text.inSpace });
        button.onclick = () => this.launch(mode, ...models);
        this.append(button);
        if (mode !== 'qr' && hasMark(location.hash, READY_MARK, sku)) {
          // Opened from the QR code: the phone still needs the shopper's tap to start AR, so hand them the button.
          const ready = Object.assign(document.createElement('p'), { textContent: text.ready, id: `cartlift-ar-ready-${sku}` });
          button.setAttribute('aria-describedby', ready.id);
          this.append(ready);
          this.scrollIntoView({ block: 'center' });
          button.focus();
        }
      }

      private launch(mode: ArLaunchMode, usdz: string, glb: string) {
        // The product, from the sku / name / price attributes (price in minor units, as on the other elements).
        const sku = this.getAttribute('sku')!;
        const title = this.getAttribute('name') ?? sku;
        const price = Number(this.getAttribute('price')) || 0;
        const cart = instance.cart.get();
        instance.events.emit('ar_launched', funnelEvent('ar_launched', cart, [{ item_id: sku, item_name: title, price, quantity: 1 }], { sku, mode }));
        if (mode === 'quick_look') {
          const banner = { callToAction: text.addToCart, checkoutTitle: title, price: price ? displayPrice(price, cart.currency, locale) : '' };
          follow(quickLookHref(usdz, banner), 'ar').addEventListener('message', (event) => {
            if ((event as MessageEvent).data === QUICK_LOOK_TAPPED)
              void instance.cart.add({ sku, name: title, price, quantity: 1 }, { source: 'ar' }).catch(() => {});
          });
        } else if (mode === 'scene_viewer') {
          follow(sceneViewerIntent(glb, title, markedUrl(location.href, FALLBACK_MARK, sku)));
        } else {
          import('./qr-dialog.js').then(({ openQrDialog }) => openQrDialog(this, markedUrl(location.href, READY_MARK, sku), locale)).catch(() => {});
        }
      }

      /** Back from Scene Viewer's fallback: this phone can't do AR, so say so and show the product's picture. */
      private noAr() {
        const note = Object.assign(document.createElement('p'), { textContent: text.noAr });
        note.setAttribute('role', 'status');
        this.append(note);
        const image = this.getAttribute('image');
        if (image) this.append(Object.assign(document.createElement('img'), { src: image, alt: this.getAttribute('name') ?? '' }));
      }
    },
  );
}
