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
  helpfulButton: { en: 'Helpful', 'zh-CN': '有用' },
  voted: { en: 'Thanks for your vote.', 'zh-CN': '感谢你的反馈。' },
  voteFailed: { en: 'Your vote could not be sent. Try again later.', 'zh-CN': '未能提交，请稍后再试。' },
  search: { en: 'Search reviews', 'zh-CN': '搜索评价' },
  searchButton: { en: 'Search', 'zh-CN': '搜索' },
  sort: { en: 'Sort by', 'zh-CN': '排序' },
  sorts: {
    en: { helpful: 'Most helpful', newest: 'Newest', highest: 'Highest rating', lowest: 'Lowest rating', photos: 'With photos first' },
    'zh-CN': { helpful: '最有用', newest: '最新', highest: '评分最高', lowest: '评分最低', photos: '有图优先' },
  },
  filters: { en: 'Filter reviews', 'zh-CN': '筛选评价' },
  withPhotos: { en: 'With photos', 'zh-CN': '有图片' },
  stars: { en: (star: number) => `${star} star${s(star)}`, 'zh-CN': (star: number) => `${star} 星` },
  active: { en: 'Active filters', 'zh-CN': '已选筛选条件' },
  remove: { en: (label: string) => `Remove filter: ${label}`, 'zh-CN': (label: string) => `移除筛选条件：${label}` },
  clear: { en: 'Clear filters', 'zh-CN': '清除筛选' },
  more: { en: 'More reviews', 'zh-CN': '更多评价' },
  failed: { en: 'Reviews could not be loaded. Try again.', 'zh-CN': '评价加载失败，请重试。' },
} satisfies Record<string, Localized<unknown>>;
