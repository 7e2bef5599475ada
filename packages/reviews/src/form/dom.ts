/**
 * Makes an element with attributes and children; strings become text nodes,
 * so untrusted text is never parsed as HTML.
 *
 * @example
 * el('p', { class: 'note' }, productName)
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== false) node.setAttribute(name, value === true ? '' : value);
  node.append(...children);
  return node;
}
