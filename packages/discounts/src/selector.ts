import type { CartLineInput, Selector } from './types.js';

/** A selector with its lists as sets; `null` matches every line. Internal: `_` properties are shortened by the build. */
export type CompiledSelector = { skus_: Set<string>; tags_: Set<string> } | null;

export function compileSelector(selector: Selector | undefined): CompiledSelector {
  if (!selector || (!selector.skus?.length && !selector.tags?.length)) return null;
  return { skus_: new Set(selector.skus), tags_: new Set(selector.tags) };
}

export function matches(selector: CompiledSelector, line: CartLineInput): boolean {
  if (!selector) return true;
  if (selector.skus_.has(line.sku)) return true;
  for (const tag of line.tags ?? []) if (selector.tags_.has(tag)) return true;
  return false;
}
