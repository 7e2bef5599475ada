/** A star rating: 1 (worst) to 5 (best). */
export type Rating = 1 | 2 | 3 | 4 | 5;

/** The five ratings, lowest first. */
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

/** Where a review is in moderation: only `published` reviews are ever shown or marked up. */
export type ReviewStatus = 'pending' | 'published' | 'rejected';

/** How a page of reviews is ordered; `helpful` is the default. */
export type ReviewSort = 'helpful' | 'newest' | 'highest' | 'lowest' | 'photos';

/** Every sort, the default first. */
export const REVIEW_SORTS: readonly ReviewSort[] = ['helpful', 'newest', 'highest', 'lowest', 'photos'];

/** A count per star: `{ 1: 3, 2: 0, 3: 5, 4: 40, 5: 120 }`. */
export type RatingHistogram = Record<Rating, number>;

/** A shopper's photo. The server stores and serves it; `url` is where it is served. */
export interface ReviewPhoto {
  readonly url: string;
  readonly width?: number;
  readonly height?: number;
  /** The reviewer's description of the photo, if they gave one. */
  readonly alt?: string;
}

/** The shop's public answer to a review. */
export interface MerchantReply {
  readonly body: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** One review of one product, as the server keeps it. All text in it is untrusted. */
export interface Review {
  readonly id: string;
  readonly sku: string;
  readonly variant?: string;
  readonly rating: Rating;
  readonly title: string;
  readonly body: string;
  /** The display name the reviewer chose, shown and marked up as the author. */
  readonly author: string;
  /** BCP-47 tag of the review's text: "en", "zh-CN", or another language. */
  readonly language: string;
  /** At most 3. */
  readonly photos: readonly ReviewPhoto[];
  /** The merchant's fit-style questions and the reviewer's answers, e.g. `{ size: 'runs_small' }`. */
  readonly attributes: Readonly<Record<string, string>>;
  /** "Helpful" votes. */
  readonly helpful: number;
  /** "Not helpful" votes, where the shop asks for them; absent means 0. */
  readonly notHelpful?: number;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly status: ReviewStatus;
  /** Why a moderator rejected it (status `rejected` only). */
  readonly rejectionReason?: string;
  readonly reply?: MerchantReply;
  /** Written through a signed invitation from a paid order of this product. */
  readonly verified: boolean;
  /** Why the review waits for a person instead of being published, e.g. "profanity: <word>". */
  readonly heldFor?: string;
}

/** What a shopper asked to see: the filters, the order and the page. Read from a URL by `parseReviewQuery`. */
export interface ReviewQuery {
  /** The product's SKU. */
  readonly product: string;
  /** Only these ratings, ascending and without repeats. */
  readonly rating?: readonly Rating[];
  /** true: only reviews with photos; false: only reviews without. */
  readonly media?: boolean;
  /** true: only verified purchases; false: only unverified reviews. */
  readonly verified?: boolean;
  readonly variant?: string;
  /** Attribute answers that must all match, e.g. `{ size: 'runs_small' }`. */
  readonly attr?: Readonly<Record<string, string>>;
  readonly topic?: string;
  /** Words to search for in titles and bodies, trimmed, at most 100 characters. */
  readonly q?: string;
  readonly sort: ReviewSort;
  /** Opaque: the previous page's `nextCursor`. */
  readonly cursor?: string;
  /** Reviews per page, 1 to 25 (default 10). */
  readonly limit: number;
}

/**
 * Counts of the published reviews matching the current filters, one per choice a
 * shopper could make next. Each facet is counted without its own filter (the
 * rating bars ignore `rating`, the variants ignore `variant`), so choosing a
 * second star keeps the first one's count in view.
 */
export interface ReviewFacets {
  readonly ratings: RatingHistogram;
  readonly withPhotos: number;
  readonly verified: number;
  readonly variants: Readonly<Record<string, number>>;
  /** Per attribute, per answer: `{ size: { runs_small: 4, true_to_size: 30 } }`. */
  readonly attributes: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Most frequent first. */
  readonly topics: readonly { readonly topic: string; readonly count: number }[];
}

/** The product's published reviews as a whole, whatever the filters. */
export interface ReviewSummary {
  readonly count: number;
  /** Mean rating, 0 when there are none. */
  readonly average: number;
  /** `ratingRankingScore` of the product's histogram: for ordering products, not for display. */
  readonly rankingScore: number;
}

/** One page of an answer to a `ReviewQuery`. */
export interface ReviewPage {
  readonly reviews: readonly Review[];
  /** Pass as `cursor` for the next page; absent on the last one. */
  readonly nextCursor?: string;
  /** Reviews matching the current filters, on every page. */
  readonly total: number;
  readonly facets: ReviewFacets;
  readonly summary: ReviewSummary;
}
