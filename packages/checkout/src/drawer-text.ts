import type { Localized } from './i18n';

/** Strings of the drawer; they load with the drawer chunk. */
export const drawerText = {
  title: { en: 'Your cart', 'zh-CN': '我的购物车' },
  close: { en: 'Close cart', 'zh-CN': '关闭购物车' },
  empty: { en: 'Your cart is empty.', 'zh-CN': '购物车是空的。' },
  remove: { en: 'Remove', 'zh-CN': '删除' },
  removeItem: { en: (name: string) => `Remove ${name}`, 'zh-CN': (name: string) => `删除 ${name}` },
  increase: { en: (name: string) => `One more ${name}`, 'zh-CN': (name: string) => `${name} 加一件` },
  decrease: { en: (name: string) => `One fewer ${name}`, 'zh-CN': (name: string) => `${name} 减一件` },
  quantity: { en: (name: string) => `Quantity of ${name}`, 'zh-CN': (name: string) => `${name} 的数量` },
  subtotal: { en: 'Subtotal', 'zh-CN': '小计' },
  subtotalNote: { en: 'Shipping, discounts and taxes are calculated at checkout.', 'zh-CN': '运费、优惠和税费在结账时计算。' },
} satisfies Record<string, Localized<unknown>>;
