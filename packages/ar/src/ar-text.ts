/** The languages the AR button speaks (the script tag's `data-locale`). */
export type ArLocale = 'en' | 'zh-CN';

/** The AR button's strings, per locale (the QR dialog's travel in its own chunk). */
export const AR_TEXT = {
  en: {
    inSpace: 'View in your space',
    onPhone: 'View on your phone',
    ready: 'Ready: tap to place it in your room.',
    addToCart: 'Add to cart',
    noAr: 'AR isn’t available on this phone.',
  },
  'zh-CN': {
    inSpace: '在你的空间中查看',
    onPhone: '在手机上查看',
    ready: '准备就绪：轻点即可放到你的房间里。',
    addToCart: '加入购物车',
    noAr: '这部手机不支持 AR。',
  },
} as const satisfies Record<ArLocale, Record<string, string>>;

export type ArText = (typeof AR_TEXT)[ArLocale];
