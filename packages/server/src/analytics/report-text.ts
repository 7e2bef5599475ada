import type { FUNNEL_STEPS } from './funnel.js';

export type ReportLocale = 'en' | 'zh-CN';

/** The report page's words, in English and Simplified Chinese. */
export const REPORT_TEXT = {
  en: {
    title: 'Checkout funnel',
    steps: {
      view_item: 'Viewed a product',
      add_to_cart: 'Added to cart',
      view_cart: 'Viewed the cart',
      begin_checkout: 'Began checkout',
      add_shipping_info: 'Entered shipping',
      add_payment_info: 'Entered payment',
      purchase: 'Purchased',
    } satisfies Record<(typeof FUNNEL_STEPS)[number], string>,
    range: (from: string, to: string) =>
      `${from} to ${to} (UTC). A shopper is one anonymous id, counted at the furthest step reached and every step before it.`,
    all: 'All shoppers',
    variant: (name: string) => `Variant “${name}”`,
    day: (date: string) => date,
    shoppers: (n: string) => `${n} ${n === '1' ? 'shopper' : 'shoppers'} with events`,
    step: 'Step',
    count: 'Shoppers',
    chart: 'Reached / lost',
    conversion: 'From previous step',
    dropOff: 'Lost',
    empty: 'No events in this range.',
    from: 'From',
    to: 'To',
    by: 'Group by',
    byNone: 'Nothing',
    byDay: 'Day (UTC)',
    byVariant: 'Experiment variant',
    experiment: 'Experiment key',
    show: 'Show',
    counters: (accepted: string, duplicates: string, invalid: string) =>
      `Since this server started: ${accepted} events accepted, ${duplicates} duplicates ignored, ${invalid} invalid.`,
    error: 'The report cannot be shown',
    ledger: (orders: string, revenue: string, share: string | null) =>
      `${orders} paid ${orders === '1' ? 'order' : 'orders'} in the payment ledger, revenue ${revenue}.${share === null ? '' : ` Browser analytics saw the shopper begin checkout for ${share} of them.`}`,
    browserOnly: 'reported by browsers, not verified',
    purchaseNote: 'Purchased counts only purchases of orders the payment ledger holds as paid, reported by the browser or by the payment webhook.',
    reviewFilters: {
      heading: 'Shoppers who filtered reviews',
      groups: (filtered: string, unfiltered: string) =>
        `${filtered} ${filtered === '1' ? 'shopper' : 'shoppers'} used a reviews filter or sort in this range; ${unfiltered} didn't.`,
      caption: 'Rates of shoppers who filtered reviews against those who did not, with the difference and its 95% confidence interval',
      rate: 'Rate',
      filtered: 'Filtered reviews',
      unfiltered: "Didn't filter",
      difference: 'Difference (95% interval)',
      verdict: 'Reading',
      rates: { add_to_cart: 'Add-to-cart rate', begin_checkout: 'Checkout rate', purchase: 'Purchase conversion' },
      points: (difference: string, low: string, high: string) => `${difference} points (${low} to ${high})`,
      verdicts: {
        higher: 'Higher among those who filtered',
        lower: 'Lower among those who filtered',
        no_clear_difference: 'No clear difference',
        not_enough_data: 'Not enough data',
      },
      notEnough: (min: string) => `Not enough data to compare: each group needs at least ${min} shoppers.`,
      note: 'This shows association, not cause: shoppers who read reviews closely may be keener to begin with. A difference is clear when its interval leaves out 0.',
    },
    ar: {
      heading: 'Shoppers who used AR',
      launches: 'AR launches',
      modes: { quick_look: 'iOS AR Quick Look', scene_viewer: 'Android Scene Viewer', qr: 'QR code to a phone' },
      launchCaption: 'AR launches in this range per way of showing the product, and the shoppers who launched',
      mode: 'Shown with',
      launchCount: 'Launches',
      launchShoppers: 'Shoppers',
      groups: (ar: string, other: string) =>
        `${ar} ${ar === '1' ? 'shopper' : 'shoppers'} opened a product in AR or asked for its QR code in this range; ${other} didn't.`,
      caption: 'Rates of shoppers who used AR against those who did not, with the difference and its 95% confidence interval',
      used: 'Used AR',
      unused: "Didn't use AR",
      verdicts: {
        higher: 'Higher among those who used AR',
        lower: 'Lower among those who used AR',
        no_clear_difference: 'No clear difference',
        not_enough_data: 'Not enough data',
      },
      note: 'This shows association, not cause: shoppers who try AR may be keener to begin with. A difference counts only when its interval leaves out 0.',
    },
  },
  'zh-CN': {
    title: '结账漏斗',
    steps: {
      view_item: '浏览商品',
      add_to_cart: '加入购物车',
      view_cart: '查看购物车',
      begin_checkout: '开始结账',
      add_shipping_info: '填写配送信息',
      add_payment_info: '填写支付信息',
      purchase: '完成购买',
    },
    range: (from: string, to: string) => `${from} 至 ${to}（UTC）。每位购物者即一个匿名 ID，计入其到达的最远步骤及之前的每一步。`,
    all: '全部购物者',
    variant: (name: string) => `变体「${name}」`,
    day: (date: string) => date,
    shoppers: (n: string) => `有事件的购物者 ${n} 位`,
    step: '步骤',
    count: '购物者',
    chart: '到达 / 流失',
    conversion: '较上一步转化率',
    dropOff: '流失',
    empty: '此时间段内没有事件。',
    from: '开始日期',
    to: '结束日期',
    by: '分组',
    byNone: '不分组',
    byDay: '按天（UTC）',
    byVariant: '按实验变体',
    experiment: '实验键',
    show: '显示',
    counters: (accepted: string, duplicates: string, invalid: string) =>
      `自本服务启动以来：接收 ${accepted} 个事件，忽略重复 ${duplicates} 个，无效 ${invalid} 个。`,
    error: '无法显示报表',
    ledger: (orders: string, revenue: string, share: string | null) =>
      `支付记录中已付款订单 ${orders} 笔，收入 ${revenue}。${share === null ? '' : `其中 ${share} 的订单，浏览器统计也收到了该购物者的“开始结账”事件。`}`,
    browserOnly: '由浏览器上报，未经核实',
    purchaseNote: '“完成购买”只计入支付记录中已付款的订单（由浏览器或支付回调上报）。',
    reviewFilters: {
      heading: '使用评价筛选的购物者',
      groups: (filtered: string, unfiltered: string) => `此时间段内有 ${filtered} 位购物者使用了评价筛选或排序，${unfiltered} 位没有使用。`,
      caption: '使用评价筛选与未使用的购物者的各项比率、差值及其 95% 置信区间',
      rate: '比率',
      filtered: '使用了筛选',
      unfiltered: '未使用筛选',
      difference: '差值（95% 区间）',
      verdict: '解读',
      rates: { add_to_cart: '加购率', begin_checkout: '结账率', purchase: '购买转化率' },
      points: (difference: string, low: string, high: string) => `${difference} 个百分点（${low} 至 ${high}）`,
      verdicts: {
        higher: '使用筛选者更高',
        lower: '使用筛选者更低',
        no_clear_difference: '无明显差异',
        not_enough_data: '数据不足',
      },
      notEnough: (min: string) => `数据不足，无法比较：每组至少需要 ${min} 位购物者。`,
      note: '这只说明相关，不代表因果：仔细阅读评价的购物者本来可能就更有购买意愿。区间不包含 0 时，差异才算明显。',
    },
    ar: {
      heading: '使用 AR 的购物者',
      launches: 'AR 启动次数',
      modes: { quick_look: 'iOS AR 快速查看', scene_viewer: 'Android Scene Viewer', qr: '扫码到手机' },
      launchCaption: '此时间段内按展示方式统计的 AR 启动次数及启动的购物者人数',
      mode: '展示方式',
      launchCount: '启动次数',
      launchShoppers: '购物者',
      groups: (ar: string, other: string) => `此时间段内有 ${ar} 位购物者在 AR 中查看了商品或获取了二维码，${other} 位没有。`,
      caption: '使用 AR 与未使用的购物者的各项比率、差值及其 95% 置信区间',
      used: '使用了 AR',
      unused: '未使用 AR',
      verdicts: {
        higher: '使用 AR 者更高',
        lower: '使用 AR 者更低',
        no_clear_difference: '无明显差异',
        not_enough_data: '数据不足',
      },
      note: '这只说明相关，不代表因果：愿意尝试 AR 的购物者本来可能就更有购买意愿。区间不包含 0 时，差异才算明显。',
    },
  },
} as const;

/**
 * `?locale=zh-CN` wins; otherwise the first of English or Chinese in Accept-Language (by q); else English.
 *
 * @example
 * pickLocale(new URL('http://x/?locale=zh-CN'), null) // 'zh-CN'
 * pickLocale(new URL('http://x/'), 'fr;q=1, zh-TW;q=0.8, en;q=0.5') // 'zh-CN'
 */
export function pickLocale(url: URL, acceptLanguage: string | null): ReportLocale {
  const asked = url.searchParams.get('locale')?.toLowerCase();
  if (asked?.startsWith('zh')) return 'zh-CN';
  if (asked?.startsWith('en')) return 'en';
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
