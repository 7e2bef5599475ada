// "Added ✓" where the shopper's eyes are: on the button they pressed, in one
// polite live region, and on a phone in a bar at the bottom of the screen
// (the header's badge is often scrolled away there). The button and the
// sentence are in the first download, so they are immediate; the bar is a
// small chunk fetched on the first add on a small screen.
import { type Locale, showAddedToast } from '@cartlift/checkout/elements';

/** Set on the button for a moment after its add succeeded, holding the button's own text: a shop styles it (needed when the button holds markup). */
const ADDED = 'data-cartlift-added';
/** The button's text for a moment, and the sentence said (a product without a name is "Item" / "商品"). */
const WORDS = {
  en: ['Added ✓', (name?: string) => `${name || 'Item'} added to cart.`],
  'zh-CN': ['已加入 ✓', (name?: string) => `已将${name || '商品'}加入购物车。`],
} as const;
/** Long enough to see, short enough that the button reads "Add" again for the next one. */
const SHOWN_MS = 2000;
/** Phones (the 390 px wide one among them), where the bar is shown. */
const SMALL_SCREEN = '(max-width:640px)';

/** A button showing "Added ✓", with the timer that will put its own text back. */
interface Showing extends HTMLElement {
  cartliftTimer?: ReturnType<typeof setTimeout>;
}

/**
 * The sentence said (and shown on a phone) after an add: with the product's
 * name when the button gives one (as text: it is the shop's, or anyone's).
 *
 * @example
 * addedSentence('zh-CN', '青瓷茶杯') // "已将青瓷茶杯加入购物车。"
 * addedSentence('en') // "Item added to cart."
 */
export function addedSentence(locale: Locale, name?: string): string {
  return WORDS[locale][1](name);
}

/**
 * Creates the page's one polite live region (empty, so the first sentence is
 * announced) and returns what to call after an add succeeded: the button
 * says "Added ✓" for two seconds when it holds plain text (a button with
 * markup keeps it and only gets `data-cartlift-added`, whose value is the
 * button's own text), the region says what was added, and on a small screen
 * the "View cart" bar appears, whose button calls `open`.
 *
 * @example
 * const added = addedFeedback('en', () => openCart(document));
 * cart.add(item).then(() => added(button, 'Celadon tea cup'));
 */
export function addedFeedback(locale: Locale, open: () => void): (button: HTMLElement, name?: string) => void {
  const live = document.createElement('div');
  live.role = 'status';
  // Visually hidden by its own style (CSSOM, which a strict CSP allows), so no page stylesheet decides whether
  // it shows; still in the accessibility tree, unlike display:none. The declarations of styles.ts's .sr-only,
  // word for word: gzip then stores them once.
  live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
  document.body.append(live);
  const [buttonText, say] = WORDS[locale];
  return (button: Showing, name) => {
    const sentence = say(name);
    if (!live.isConnected) document.body.append(live);
    // A new text node each time, so the same sentence twice is announced twice.
    live.replaceChildren(sentence);
    // Clicked again while showing "Added ✓": the text to put back is still the shop's, kept in the attribute.
    const text = button.getAttribute(ADDED) ?? button.textContent!;
    clearTimeout(button.cartliftTimer);
    const plain = !button.childElementCount;
    if (plain) button.textContent = buttonText;
    button.setAttribute(ADDED, text);
    button.cartliftTimer = setTimeout(() => {
      if (plain) button.textContent = text;
      button.removeAttribute(ADDED);
    }, SHOWN_MS);
    if (matchMedia(SMALL_SCREEN).matches) showAddedToast(sentence, locale, open, button).catch(() => {});
  };
}
