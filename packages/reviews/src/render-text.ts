/** The languages reviews render in. */
export type ReviewsLocale = 'en' | 'zh-CN';

type Localized<T> = Record<ReviewsLocale, T>;
const s = (n: number) => (n === 1 ? '' : 's');

/** Strings of the rendered reviews; numbers arrive formatted for the locale, with their value beside them for plurals. */
export const reviewsText = {
  heading: { en: 'Customer reviews', 'zh-CN': '顾客评价' },
  region: { en: (product: string) => `Reviews of ${product}`, 'zh-CN': (product: string) => `${product} 的评价` },
  average: { en: (avg: string) => `${avg} out of 5 stars`, 'zh-CN': (avg: string) => `${avg} 星（满分 5 星）` },
  count: { en: (count: string, n: number) => `${count} review${s(n)}`, 'zh-CN': (count: string) => `共 ${count} 条评价` },
  breakdown: { en: 'Reviews by rating', 'zh-CN': '评分分布' },
  bar: {
    en: (star: number, count: string, n: number) => `${star} star${s(star)}, ${count} review${s(n)}, filter`,
    'zh-CN': (star: number, count: string) => `${star} 星，${count} 条评价，筛选`,
  },
  showing: {
    en: (shown: string, total: string, n: number) => `Showing ${shown} of ${total} review${s(n)}`,
    'zh-CN': (shown: string, total: string) => `显示 ${total} 条评价中的 ${shown} 条`,
  },
  noneYet: { en: 'No reviews yet.', 'zh-CN': '暂无评价。' },
  noMatch: { en: 'No reviews match these filters.', 'zh-CN': '没有符合筛选条件的评价。' },
  list: { en: 'Reviews', 'zh-CN': '评价列表' },
  rated: { en: (star: number) => `Rated ${star} out of 5 stars`, 'zh-CN': (star: number) => `评分：${star} 星（满分 5 星）` },
  verified: { en: 'Verified purchase', 'zh-CN': '已验证购买' },
  variant: { en: 'Variant', 'zh-CN': '款式' },
  photos: { en: 'Photos', 'zh-CN': '图片' },
  photo: { en: (i: number, author: string) => `Photo ${i} from ${author}`, 'zh-CN': (i: number, author: string) => `${author} 的第 ${i} 张图片` },
  reply: { en: 'Reply from the shop', 'zh-CN': '商家回复' },
  helpful: {
    en: (count: string, n: number) => `${count} ${n === 1 ? 'person' : 'people'} found this helpful`,
    'zh-CN': (count: string) => `${count} 人觉得有用`,
  },
} satisfies Record<string, Localized<unknown>>;
