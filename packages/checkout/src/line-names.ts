import { type CartLine, localizedName } from '@cartlift/core';
import type { LocalizedName } from '@cartlift/core/contract';
import { useRef } from 'preact/hooks';
import type { Locale } from './i18n.js';

/** What a quote says about names: the server's answer carries each line's catalog name. */
type NamedLines = { lines: readonly { sku: string; name?: LocalizedName }[] };

/**
 * Adds the catalog names a server quote carries to `known`, by sku. Names
 * are kept across quotes: a changed cart drops its quote until the next one
 * answers, and the line must not flip back to the page's name meanwhile.
 *
 * @example
 * learnNames(new Map(), { lines: [{ sku: 'CUP-CELADON', name: { en: 'Celadon tea cup', 'zh-CN': '青瓷茶杯' } }] })
 * // Map { 'CUP-CELADON' => { en: 'Celadon tea cup', 'zh-CN': '青瓷茶杯' } }
 */
export function learnNames(known: Map<string, LocalizedName>, quote: NamedLines | undefined): Map<string, LocalizedName> {
  for (const line of quote?.lines ?? []) if (line.name !== undefined) known.set(line.sku, line.name);
  return known;
}

/**
 * A line's name for the shopper: the catalog's name in their locale once the
 * server has named it (so one cart shows one language, whichever page or link
 * added each line), else the name the page gave, else the sku.
 *
 * @example
 * lineName({ sku: 'CUP-CELADON', name: 'Celadon tea cup' }, names, 'zh-CN') // "青瓷茶杯"
 */
export function lineName(line: Pick<CartLine, 'sku' | 'name'>, names: ReadonlyMap<string, LocalizedName>, locale: Locale): string {
  return localizedName(names.get(line.sku), locale) || line.name || line.sku;
}

/**
 * The catalog names learned from this drawer's quotes so far.
 *
 * @example
 * const names = useLineNames(quote); // then lineName(line, names, locale)
 */
export function useLineNames(quote: NamedLines | undefined): ReadonlyMap<string, LocalizedName> {
  const names = useRef(new Map<string, LocalizedName>());
  return learnNames(names.current, quote);
}
