export type {
  MerchantReply,
  Rating,
  RatingHistogram,
  Review,
  ReviewFacets,
  ReviewPage,
  ReviewPhoto,
  ReviewQuery,
  ReviewSort,
  ReviewStatus,
  ReviewSummary,
} from './model.js';
export { RATINGS, REVIEW_SORTS } from './model.js';
export type { ReviewQueryProblem } from './query.js';
export { DEFAULT_REVIEW_LIMIT, MAX_REVIEW_LIMIT, MAX_REVIEW_SEARCH, parseReviewQuery, reviewQueryParams } from './query.js';
export { averageRating, helpfulScore, ratingRankingScore } from './rank.js';
