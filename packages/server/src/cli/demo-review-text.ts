import type { Rating } from '@cartlift/reviews';

/** What a demo product is, for the words its reviews use. */
export type DemoProductKind = 'tea' | 'teaware' | 'gift';

/** How a review feels: 4–5★ `good`, 3★ `mixed`, 1–2★ `bad`. */
export type Mood = 'good' | 'mixed' | 'bad';

interface Bank {
  readonly titles: Record<Mood, readonly string[]>;
  readonly sentences: Record<Mood, readonly string[]>;
}

type Banks = Record<DemoProductKind, Record<'en' | 'zh-CN', Bank>>;

// Phrases recur on purpose ("fast shipping", "包装精美", "香气"): topics are the phrases many
// reviews of one product share, so the demo's reviews repeat some the way real ones do.
const TEA: Record<'en' | 'zh-CN', Bank> = {
  en: {
    titles: {
      good: ['Lovely fresh tea', 'My new daily tea', 'Smooth and fragrant', 'Worth every cent', 'Great aroma'],
      mixed: ['Good, not amazing', 'Fine for the price', 'A bit mild for me'],
      bad: ['Stale leaves', 'Not what I expected', 'Disappointing flavour'],
    },
    sentences: {
      good: [
        'The aroma is fresh and nutty, just like the Longjing I had in Hangzhou.',
        'Smooth flavour with no bitterness, even on the third steeping.',
        'Fast shipping and the tin was sealed well.',
        'The leaves are whole and flat, clearly a good harvest.',
        'Great aroma every morning; my whole family likes it.',
      ],
      mixed: ['The flavour is pleasant but milder than I hoped.', 'Fast shipping, though the tin was dented.', 'Good for everyday drinking, not for guests.'],
      bad: ['The leaves tasted stale and the aroma was weak.', 'Shipping took two weeks and the bag was open.', 'Too bitter no matter how cool the water.'],
    },
  },
  'zh-CN': {
    titles: {
      good: ['茶香浓郁', '口感很好', '回购很多次了', '性价比高', '明前好茶'],
      mixed: ['还可以', '味道偏淡', '中规中矩'],
      bad: ['不新鲜', '和描述不符', '失望'],
    },
    sentences: {
      good: [
        '香气清新，有豆香，口感很好。',
        '冲了三泡还有味道，没有苦涩。',
        '物流很快，包装精美，密封得很好。',
        '茶叶扁平完整，品质不错。',
        '每天早上一杯，家里人都喜欢这个香气。',
      ],
      mixed: ['味道偏淡，香气一般。', '物流很快，但是罐子有点压坏。', '日常喝可以，送人差一点。'],
      bad: ['茶叶不新鲜，香气很弱。', '物流太慢，两周才到，袋子还开了。', '怎么泡都很苦涩。'],
    },
  },
};

const TEAWARE: Record<'en' | 'zh-CN', Bank> = {
  en: {
    titles: {
      good: ['Beautiful glaze', 'Perfect size', 'Elegant and sturdy', 'A joy to use', 'Great gift'],
      mixed: ['Pretty but small', 'Nice, with a flaw', 'Okay quality'],
      bad: ['Arrived broken', 'Cheap feel', 'Leaks'],
    },
    sentences: {
      good: [
        'The glaze is beautiful, a soft green that changes in the light.',
        'Perfect size for gongfu brewing, and it keeps the tea warm.',
        'Packed carefully in a sturdy box, fast shipping.',
        'Feels solid in the hand and pours without dripping.',
        'Bought it as a gift and my mother loves it.',
      ],
      mixed: ['Pretty, but smaller than the photos suggest.', 'There is a tiny spot in the glaze.', 'Nice shape; the lid is a little loose.'],
      bad: ['It arrived broken despite the packaging.', 'The glaze has cracks and it feels cheap.', 'It leaks from the spout when pouring.'],
    },
  },
  'zh-CN': {
    titles: {
      good: ['釉色很美', '大小合适', '做工精细', '很好用', '送礼很合适'],
      mixed: ['好看但偏小', '有小瑕疵', '质量一般'],
      bad: ['收到就碎了', '做工粗糙', '漏水'],
    },
    sentences: {
      good: [
        '釉色很美，青绿色很温润。',
        '大小合适，泡功夫茶正好，保温也不错。',
        '包装精美，物流很快，完好无损。',
        '手感厚实，出水顺畅不挂水。',
        '买来送礼，长辈很喜欢。',
      ],
      mixed: ['好看，但比图片小一些。', '釉面有一个小瑕疵。', '造型不错，盖子有点松。'],
      bad: ['包装再好也碎了，收到就碎了。', '釉面有裂纹，做工粗糙。', '倒水的时候壶嘴漏水。'],
    },
  },
};

const GIFT: Record<'en' | 'zh-CN', Bank> = {
  en: {
    titles: {
      good: ['Perfect gift', 'Beautiful tins', 'Everyone loved it', 'Great value set', 'Elegant packaging'],
      mixed: ['Nice box, ordinary tea', 'Good but pricey', 'Okay as a gift'],
      bad: ['Damaged box', 'Not gift-worthy', 'Missing a tin'],
    },
    sentences: {
      good: [
        'The gift box is elegant and the tins look lovely on the shelf.',
        'A perfect gift for my in-laws; the packaging impressed them.',
        'Fast shipping and the tea inside is fresh.',
        'Great value compared with buying the teas one by one.',
        'Each tin has a different aroma, fun to compare.',
      ],
      mixed: ['The box is nice but the tea is ordinary.', 'A good gift, though a little pricey.', 'Fast shipping, but no gift card inside.'],
      bad: ['The gift box arrived crushed.', 'One tin was missing from the set.', 'The tea tasted old, not something to give.'],
    },
  },
  'zh-CN': {
    titles: {
      good: ['送礼首选', '礼盒很漂亮', '大家都喜欢', '性价比高', '包装精美'],
      mixed: ['盒子好看，茶一般', '有点贵', '送人还行'],
      bad: ['礼盒压坏了', '不适合送人', '少了一罐'],
    },
    sentences: {
      good: ['礼盒很大气，茶罐也很精致。', '送给长辈的，包装精美很有面子。', '物流很快，茶叶很新鲜。', '比单买划算，性价比高。', '每罐香气不同，很有意思。'],
      mixed: ['盒子好看，但是茶叶一般。', '送礼不错，就是有点贵。', '物流很快，但是没有贺卡。'],
      bad: ['礼盒到的时候压坏了。', '套装少了一罐茶。', '茶叶味道不新鲜，不适合送人。'],
    },
  },
};

/** Titles and sentences of the demo's reviews, per kind of product and language. */
export const DEMO_REVIEW_TEXT: Banks = { tea: TEA, teaware: TEAWARE, gift: GIFT };

/** Reviewers' display names: some Latin, some Chinese, as a shop selling in both would have. */
export const DEMO_AUTHORS: Record<'en' | 'zh-CN', readonly string[]> = {
  en: ['Ann K.', 'Ben Carter', 'Chloe', 'D. Müller', 'Emma W.', 'Farid', 'Grace Lee', 'Hugo', 'Isabel R.', 'Jonas'],
  'zh-CN': ['李薇', '王先生', '小陈', '张女士', '刘洋', '茶友阿明', '赵晓', '周周', '孙老师', '吴婷'],
};

/** The mood of a rating. */
export function moodOf(rating: Rating): Mood {
  return rating >= 4 ? 'good' : rating === 3 ? 'mixed' : 'bad';
}
