import type { Child } from '../vnode.js';

/**
 * Builds DOM nodes from a `VNode`: elements by `createElement`, attributes by
 * `setAttribute`, text by text nodes. No HTML is ever parsed, so review text
 * can only ever be text.
 *
 * @example
 * section.replaceChildren(toDom(h('p', {}, review.body)))
 */
export function toDom(node: Child, doc: Document = document): Node {
  if (node === false || node === null || node === undefined) return doc.createTextNode('');
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value !== false && value !== undefined) el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of node.children) if (child !== false && child !== null && child !== undefined) el.append(toDom(child, doc));
  return el;
}
