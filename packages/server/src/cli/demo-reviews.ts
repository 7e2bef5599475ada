import type { Rating, Review, ReviewPhoto } from '@cartlift/reviews';
import type { Catalog, CatalogSource } from '../catalog.js';
import type { Store } from '../store/types.js';
import { DEMO_AUTHORS, DEMO_REVIEW_TEXT, type DemoProductKind, moodOf } from './demo-review-text.js';

/** What the seed needs of a catalog product. */
export interface DemoReviewProduct {
  readonly sku: string;
  readonly tags?: readonly string[];
}

const DAY = 86_400_000;
/** Published reviews per product: 40, skewed to 4–5★ as real shops' are, with enough 1–2★ to filter. */
const RATINGS: readonly Rating[] = [5, 5, 4, 5, 1, 5, 4, 5, 3, 5, 5, 2, 4, 5, 5, 4, 3, 5, 1, 5, 4, 5, 5, 3, 4, 5, 1, 5, 4, 2, 5, 5, 4, 3, 5, 1, 4, 5, 3, 5];
/** Written but not yet moderated: the console's queue has something in it. */
const PENDING: readonly Rating[] = [2, 5];

/** The merchant's fit-style question for each kind of product, and its answers. */
const ATTRIBUTES: Record<string, { readonly name: string; readonly answers: readonly string[] }> = {
  tea: { name: 'strength', answers: ['mild', 'balanced', 'strong'] },
  'CUP-CELADON': { name: 'size', answers: ['runs small', 'true to size', 'runs large'] },
  'POT-YIXING': { name: 'capacity', answers: ['smaller than expected', 'as described', 'larger than expected'] },
};

function kindOf(product: DemoReviewProduct): DemoProductKind {
  if (product.tags?.includes('gift')) return 'gift';
  return product.tags?.includes('tea') ? 'tea' : 'teaware';
}

/** The picture file of a product kind the demo ships (examples/script-tag/img/reviews). */
function photoFile(product: DemoReviewProduct): string {
  const kind = kindOf(product);
  if (kind !== 'teaware') return kind === 'gift' ? 'set' : 'tea';
  return product.sku.startsWith('POT') ? 'pot' : 'cup';
}

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length]!;
}

function photosOf(product: DemoReviewProduct, index: number, rating: Rating): ReviewPhoto[] {
  // Unhappy buyers often show what went wrong: "1★ with photos" is a filter shoppers use.
  if (index % 4 !== 1 && !(rating <= 2 && index % 2 === 0)) return [];
  const file = photoFile(product);
  const count = index % 8 === 1 ? 2 : 1;
  return Array.from({ length: count }, (_, n) => ({ url: `/img/reviews/${file}-${n + 1}.webp`, width: 480, height: 360 }));
}

function attributesOf(product: DemoReviewProduct, index: number, rating: Rating): Record<string, string> {
  const question = ATTRIBUTES[product.sku] ?? ATTRIBUTES[kindOf(product)];
  if (!question || index % 3 === 2) return {};
  // Most say "as described"; unhappy reviewers lean to the first answer (small, mild).
  const answer = rating <= 2 ? 0 : index % 5 === 0 ? 2 : 1;
  return { [question.name]: question.answers[answer]! };
}

function demoReview(product: DemoReviewProduct, index: number, rating: Rating, now: number, pending: boolean): Review {
  const language = index % 2 === 0 ? 'en' : 'zh-CN';
  const bank = DEMO_REVIEW_TEXT[kindOf(product)][language];
  const mood = moodOf(rating);
  const author = pick(DEMO_AUTHORS[language], index * 7 + product.sku.length);
  const sentences = [pick(bank.sentences[mood], index), pick(bank.sentences[mood], index + 2)];
  if (mood === 'good' && index % 3 === 0) sentences.push(pick(bank.sentences.good, index + 4));
  const joiner = language === 'en' ? ' ' : '';
  const review: Review = {
    id: `demo-${product.sku}-${String(index).padStart(2, '0')}`,
    sku: product.sku,
    rating,
    title: pick(bank.titles[mood], index),
    body: [...new Set(sentences)].join(joiner),
    author,
    language,
    photos: photosOf(product, index, rating),
    attributes: attributesOf(product, index, rating),
    helpful: (index * 13 + rating * 3) % 23,
    notHelpful: (index * 5) % 4,
    createdAt: now - (pending ? index % 3 : index * 7 + 1) * DAY,
    status: pending ? 'pending' : 'published',
    verified: index % 10 < 7,
  };
  if (rating <= 2 && !pending && index % 2 === 0) {
    const reply =
      language === 'en'
        ? 'We are sorry to hear this. Please write to us and we will make it right.'
        : '非常抱歉给您带来不好的体验，请联系我们，我们会为您处理。';
    return { ...review, reply: { body: reply, createdAt: review.createdAt + DAY } };
  }
  return review;
}

/**
 * The demo's reviews of `products`: 40 published per product in English and
 * Chinese (ratings skewed high, a quarter with photos, most answering the
 * product's fit question, most verified, some 1–2★ with the shop's reply) and
 * 2 pending ones for the console's queue. Deterministic: the same ids and
 * text on every start, so seeding twice adds nothing.
 *
 * @example
 * demoReviews([{ sku: 'TEA-LJ-100', tags: ['tea'] }], Date.now()).length // 42
 */
export function demoReviews(products: readonly DemoReviewProduct[], now: number): Review[] {
  return products.flatMap((product) => [
    ...RATINGS.map((rating, index) => demoReview(product, index, rating, now, false)),
    ...PENDING.map((rating, n) => demoReview(product, RATINGS.length + n, rating, now, true)),
  ]);
}

/**
 * Adds the demo's reviews (`--demo-reviews`, for `npm start` only) to a store
 * that lacks them; returns how many were new. Reviews a marketer already
 * moderated keep their state: an existing id is never overwritten.
 *
 * @example
 * await seedDemoReviews(store, catalog.products, Date.now()) // 168 on the first start, then 0
 */
export async function seedDemoReviews(store: Store, products: readonly DemoReviewProduct[], now: number): Promise<number> {
  // In bulk: one statement and one topic refresh per product, not one per review.
  return store.addReviews(demoReviews(products, now));
}

/**
 * The products of a catalog that can be listed: a list, `{ products }`, or a
 * loaded catalog (the config file's); none for a callback catalog.
 *
 * @example
 * listedProducts(await loadCatalogFile('examples/catalog.json')).length // 4
 */
export function listedProducts(catalog: CatalogSource | Catalog): readonly DemoReviewProduct[] {
  if (Array.isArray(catalog)) return catalog;
  if ('all' in catalog && typeof catalog.all === 'function') return catalog.all() ?? [];
  return 'products' in catalog && Array.isArray(catalog.products) ? catalog.products : [];
}
