import type { CartLineInput, Selector } from './types.js';

/** A selector with its lists as sets; `null` matches every line. */
export type CompiledSelector = { skus: Set<string>; tags: Set<string> } | null;

export function compileSelector(sel: Selector | undefined): CompiledSelector {
  if (!sel || (!sel.skus?.length && !sel.tags?.length)) return null;
  return { skus: new Set(sel.skus), tags: new Set(sel.tags) };
}

export function matches(sel: CompiledSelector, line: CartLineInput): boolean {
  if (!sel) return true;
  if (sel.skus.has(line.sku)) return true;
  for (const tag of line.tags ?? []) if (sel.tags.has(tag)) return true;
  return false;
}
