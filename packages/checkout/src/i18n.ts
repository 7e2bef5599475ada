/** The shopper-facing languages Cartlift ships. */
export type Locale = 'en' | 'zh-CN';

/**
 * Resolves a locale tag to one Cartlift ships: any Chinese tag to "zh-CN",
 * anything else to "en"; returns undefined for text that is not a locale tag.
 *
 * @example
 * resolveLocale('zh-Hans') // "zh-CN"
 * resolveLocale('en-GB')   // "en"
 */
export function resolveLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag)) return undefined;
  return /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

/** A string per locale; `pick` chooses. Each chunk carries only the strings it shows. */
export type Localized<T> = Record<Locale, T>;

/**
 * Picks the entry for a locale.
 *
 * @example
 * pick({ en: 'Cart', 'zh-CN': '购物车' }, 'zh-CN') // "购物车"
 */
export function pick<T>(table: Localized<T>, locale: Locale): T {
  return table[locale];
}

const items: Localized<(n: number) => string> = {
  en: (n) => (n === 1 ? '1 item' : `${n} items`),
  'zh-CN': (n) => `${n} 件商品`,
};

/** Strings of the count button (first chunk). */
export const buttonText = {
  cart: { en: 'Cart', 'zh-CN': '购物车' },
  items,
  openCart: { en: (n: number) => `Open cart, ${items.en(n)}`, 'zh-CN': (n: number) => `打开购物车，${n} 件商品` },
  updated: { en: (n: number) => `Cart updated: ${items.en(n)}.`, 'zh-CN': (n: number) => `购物车已更新：${n} 件商品。` },
  // Here, not in the drawer's strings: the express element shows them before the drawer chunk exists.
  stripeFailed: {
    en: 'Payment could not load. Check your connection and try again — your cart is saved.',
    'zh-CN': '支付组件加载失败。请检查网络后重试，购物车已为你保存。',
  },
  retry: { en: 'Try again', 'zh-CN': '重试' },
} satisfies Record<string, Localized<unknown>>;
