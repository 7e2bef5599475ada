import { escapeHtml } from './escape.js';

/**
 * A piece of markup described once and written two ways: as an HTML string by
 * `toHtml` (a shop's server, `renderReviews`) and as DOM nodes by the widget's
 * `toDom`, so the server's first HTML and the widget's redraw are the same
 * markup. A string child is text, never markup, in both.
 */
export interface VNode {
  readonly tag: string;
  /** In writing order; `false` and `undefined` leave the attribute out. */
  readonly attrs: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly children: readonly Child[];
}

/** Text, an element, or nothing (for conditional parts). */
export type Child = VNode | string | false | null | undefined;

/** Elements with no end tag. */
const VOID = new Set(['br', 'img', 'input']);

/**
 * Describes an element.
 *
 * @example
 * h('p', { class: 'cartlift-review-title' }, review.title) // text, whatever the title holds
 */
export function h(tag: string, attrs: VNode['attrs'] = {}, ...children: Child[]): VNode {
  return { tag, attrs, children };
}

/**
 * Writes a node as HTML: every text child and attribute value escaped by
 * `escapeHtml`, attributes double-quoted, `true` attributes written as `=""`.
 *
 * @example
 * toHtml(h('p', { class: 'x' }, '<b>hi</b>')) // '<p class="x">&lt;b&gt;hi&lt;/b&gt;</p>'
 */
export function toHtml(node: Child): string {
  if (node === false || node === null || node === undefined) return '';
  if (typeof node === 'string') return escapeHtml(node);
  let attrs = '';
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === false || value === undefined) continue;
    attrs += ` ${name}="${value === true ? '' : escapeHtml(String(value))}"`;
  }
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}
