import type { ReviewsLocale } from '../render-text.js';

/** Strings of the review form, per locale. Product names and answers arrive as the server sent them. */
export const formText = {
  heading: { en: (product: string) => `Review ${product}`, 'zh-CN': (product: string) => `评价 ${product}` },
  headingPlain: { en: 'Write a review', 'zh-CN': '写评价' },
  loading: { en: 'Loading…', 'zh-CN': '正在加载…' },
  rating: { en: 'Your rating', 'zh-CN': '您的评分' },
  star: { en: (n: number) => `${n} star${n === 1 ? '' : 's'}`, 'zh-CN': (n: number) => `${n} 星` },
  title: { en: 'Title (optional)', 'zh-CN': '标题（可选）' },
  body: { en: 'Your review', 'zh-CN': '评价内容' },
  author: { en: 'Name shown with your review', 'zh-CN': '显示的名字' },
  noAnswer: { en: 'No answer', 'zh-CN': '不回答' },
  photos: { en: 'Photos (up to 3: JPEG, PNG or WebP, 5 MB each)', 'zh-CN': '图片（最多 3 张：JPEG、PNG 或 WebP，每张不超过 5 MB）' },
  uploading: { en: 'Uploading', 'zh-CN': '正在上传' },
  uploaded: { en: 'Added', 'zh-CN': '已添加' },
  remove: { en: (name: string) => `Remove ${name}`, 'zh-CN': (name: string) => `移除 ${name}` },
  tooManyPhotos: { en: 'At most 3 photos.', 'zh-CN': '最多 3 张图片。' },
  photoFailed: { en: 'This photo could not be added.', 'zh-CN': '无法添加这张图片。' },
  submit: { en: 'Send review', 'zh-CN': '提交评价' },
  sending: { en: 'Sending…', 'zh-CN': '正在提交…' },
  close: { en: 'Close', 'zh-CN': '关闭' },
  fix: { en: 'Please check the marked fields.', 'zh-CN': '请检查标出的内容。' },
  thanksPending: { en: 'Thanks! Your review will appear after the shop checks it.', 'zh-CN': '谢谢！商家审核后，您的评价就会显示。' },
  thanksPublished: { en: 'Thanks! Your review is published.', 'zh-CN': '谢谢！您的评价已发布。' },
  used: { en: 'This review link was already used: each link writes one review.', 'zh-CN': '这个评价链接已经用过了：每个链接只能写一条评价。' },
  expired: { en: 'This review link has expired.', 'zh-CN': '这个评价链接已过期。' },
  unknown: {
    en: 'This review link is not valid. Please use the link from your order email, unchanged.',
    'zh-CN': '这个评价链接无效。请使用订单邮件中的原始链接。',
  },
  later: {
    en: (minutes: number) => `Too many reviews from this connection; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    'zh-CN': (minutes: number) => `提交次数过多，请 ${minutes} 分钟后再试。`,
  },
  failed: { en: 'The review could not be sent. Please try again.', 'zh-CN': '评价未能提交，请重试。' },
} satisfies Record<string, Record<ReviewsLocale, unknown>>;

// reviewSubmissionProblems' sentences are English; in Chinese each field gets one sentence that says what it needs.
const zhProblems: Record<string, string> = {
  rating: '请选择 1 到 5 星。',
  title: '标题最多 120 个字，不能含控制字符。',
  body: '请写下评价内容（1 到 5000 个字）。',
  author: '请填写显示的名字（1 到 60 个字）。',
  photos: '最多 3 张图片，每张只能用一次。',
  attributes: '请从列表中选择。',
};

/**
 * A problem's sentence in the form's language: the shared English sentence,
 * or the Chinese one for its field (an attribute's by its question).
 *
 * @example
 * problemText({ field: 'rating', message: 'rating must be a whole number from 1 to 5; received 0.' }, 'zh-CN') // "请选择 1 到 5 星。"
 */
export function problemText(problem: { field: string; message: string }, locale: ReviewsLocale): string {
  if (locale === 'en') return problem.message;
  return zhProblems[problem.field.split('.')[0]!] ?? formText.failed['zh-CN'];
}

/**
 * A stored answer or question name as words: `runs_small` → "Runs small".
 *
 * @example
 * humanize('true_to_size') // "True to size"
 */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
