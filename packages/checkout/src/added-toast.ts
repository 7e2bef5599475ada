// The phone's "added" bar: its own small chunk, fetched on the first add on a
// small screen (added-toast-loader.ts), so the script tag's first download
// carries only the button's "Added ✓" and the live region's sentence.
import { type Locale, pick } from './i18n.js';
import { adoptStyles, baseCss } from './styles.js';

const TEXT = { view: { en: 'View cart', 'zh-CN': '查看购物车' }, close: { en: 'Close', 'zh-CN': '关闭' } };
/** Long enough to read the sentence and reach the button; it stays while it has focus or a pointer over it. */
const SHOWN_MS = 5000;

// Fixed at the bottom, above the home indicator; only the bar takes taps, never a strip of the page beside it.
const CSS = `:host{position:fixed;left:0;right:0;bottom:0;z-index:2147483000;padding:0 8px max(8px,env(safe-area-inset-bottom));pointer-events:none}
.bar{pointer-events:auto;display:flex;align-items:center;gap:8px;max-width:480px;margin:0 auto;padding:8px;background:var(--cl-bg);border:1px solid var(--cl-accent);border-radius:var(--cl-radius);box-shadow:0 4px 16px rgb(0 0 0/.25)}
p{flex:1;margin:0 0 0 8px;overflow-wrap:anywhere}
.close{border-color:transparent;font-size:1.25em;line-height:1}
@media (prefers-reduced-motion:no-preference){.bar{animation:cl-rise .2s ease-out}}
@keyframes cl-rise{from{transform:translateY(120%)}}`;

/** The bar's current add: what it says, and where focus goes back if it closes while holding focus. */
interface Shown {
  sentence: string;
  returnTo: HTMLElement;
}

let show: ((shown: Shown) => void) | undefined;

/**
 * Shows (or, on another add, updates) the bar at the bottom of the screen:
 * the sentence (as the live region said it: the bar itself announces nothing,
 * one announcement per add) and a "View cart" button that calls `open` (the
 * way `[data-cartlift-open-cart]` opens the drawer, reporting `open`), in a shadow root the page's CSS
 * can't reach (theme it through `::part(toast)`, `::part(view-cart)`,
 * `::part(close)`). It leaves after a few seconds, on Escape, on its close
 * button (focus, if it was in the bar, back to `returnTo`), or when
 * "View cart" opens the drawer.
 *
 * @example
 * showAddedToast('Celadon tea cup added to cart.', 'en', () => openCart(document), button);
 */
export function showAddedToast(sentence: string, locale: Locale, open: () => void, returnTo: HTMLElement): void {
  show ??= createToast(document, locale, open);
  show({ sentence, returnTo });
}

function button(doc: Document, text: string, part: string): HTMLButtonElement {
  const el = Object.assign(doc.createElement('button'), { type: 'button', textContent: text, className: part });
  el.setAttribute('part', part);
  return el;
}

function createToast(doc: Document, locale: Locale, open: () => void): (shown: Shown) => void {
  // A tag of Cartlift's own, so no page rule for div or p styles the host.
  const host = doc.createElement('cartlift-toast');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, baseCss + CSS);
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('part', 'toast');
  const text = doc.createElement('p');
  const view = button(doc, pick(TEXT.view, locale), 'view-cart');
  view.classList.add('primary');
  const close = button(doc, '×', 'close');
  close.setAttribute('aria-label', pick(TEXT.close, locale));
  bar.append(text, view, close);
  root.append(bar);

  let current: Shown | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = (refocus: boolean) => {
    clearTimeout(timer);
    doc.removeEventListener('keydown', onKey);
    // Focus inside the bar would fall to <body> with it: give it back to the button that added.
    const hadFocus = root.activeElement !== null;
    host.remove();
    if (refocus && hadFocus) current?.returnTo.focus();
  };
  const onKey = (event: KeyboardEvent) => event.key === 'Escape' && hide(true);
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (root.activeElement || host.matches(':hover') ? arm() : hide(false)), SHOWN_MS);
  };
  view.onclick = () => {
    hide(false);
    // The drawer takes focus, and gives it back to the cart's badge when it closes.
    open();
  };
  close.onclick = () => hide(true);

  return (shown) => {
    current = shown;
    text.textContent = shown.sentence;
    if (!host.isConnected) {
      doc.body.append(host);
      doc.addEventListener('keydown', onKey);
    }
    arm();
  };
}
