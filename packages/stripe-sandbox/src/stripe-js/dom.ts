/**
 * DOM helpers that keep the look-alike CSP-safe: attributes via setAttribute
 * (never `style` or `on*`), listeners via addEventListener, styles via one
 * constructed stylesheet adopted by each shadow root.
 */

type Attrs = Record<string, string | boolean | undefined>;

/**
 * Creates an element with attributes and children (strings become text nodes).
 *
 * @example
 * h('label', { for: 'number' }, 'Card number')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'style' || name.startsWith('on')) throw new Error(`h(): attribute ${name} is not CSP-safe; use the stylesheet or addEventListener.`);
    el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...children);
  return el;
}

let sheet: CSSStyleSheet | null = null;

/**
 * Attaches an open shadow root to `host` styled by the shared constructed stylesheet.
 *
 * @example
 * const root = shadowWithStyles(host, CSS_TEXT)
 */
export function shadowWithStyles(host: HTMLElement, css: string): ShadowRoot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  root.adoptedStyleSheets = [sheet];
  return root;
}

/**
 * Resolves `mount()`'s argument to an element, or explains what was wrong.
 *
 * @example
 * resolveMountTarget('#payment-element')
 */
export function resolveMountTarget(target: unknown): HTMLElement {
  if (typeof target === 'string') {
    const el = document.querySelector(target);
    if (!el)
      throw new Error(`mount(): no element matches the selector ${JSON.stringify(target)}; expected a selector of an element in the page or an HTMLElement.`);
    return el as HTMLElement;
  }
  if (target instanceof HTMLElement) return target;
  throw new TypeError(`mount(): expected a CSS selector or an HTMLElement, received ${target === null ? 'null' : typeof target}.`);
}

/**
 * Parses an SVG document string into a node for the page (no `img` data URL, so
 * no `img-src data:` is needed in the host's CSP).
 *
 * @example
 * svgNode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
 */
export function svgNode(svg: string): Node {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return document.importNode(doc.documentElement, true);
}
