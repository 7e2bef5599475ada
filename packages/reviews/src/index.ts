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
export { DEFAULT_REVIEW_LIMIT, MAX_REVIEW_LIMIT, MAX_REVIEW_SEARCH, parseReviewQuery, readReviewFilters, reviewQueryParams } from './query.js';
export { averageRating, helpfulScore, ratingRankingScore } from './rank.js';
export { escapeHtml, safePhotoUrl, serializeJsonLd } from './escape.js';
export { isoDate } from './dates.js';
export type { ProductJsonLd, ReviewProduct } from './json-ld.js';
export { productJsonLd } from './json-ld.js';
export type { ReviewsLocale } from './render-text.js';
export { reviewsText } from './render-text.js';
export type { RenderReviewsOptions, RenderedReviews } from './render.js';
export { renderReviews } from './render.js';
export type { ReviewAttributeChoices, ReviewSubmission, ReviewSubmissionProblem } from './submission.js';
export { MAX_REVIEW_AUTHOR, MAX_REVIEW_BODY, MAX_REVIEW_PHOTOS, MAX_REVIEW_TITLE, reviewSubmissionProblems } from './submission.js';
export { foldText, isCjk, textSegments, type TextSegment } from './text-segments.js';
export { matchesSearch, querySearchTerms, reviewSearchTerms } from './search-terms.js';
export { chooseTopics, reviewTopics, topicCandidates, type TopicCount } from './topics.js';
export { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stop-words.js';
export type { ReviewsViewOptions } from './view.js';
export { filterLabel, reviewsView } from './view.js';
export type { Child, VNode } from './vnode.js';
export { h, toHtml } from './vnode.js';
export type { ActiveFilter, ReviewFilter } from './filters.js';
export { URL_PREFIX, activeFilters, queryFromUrl, reviewsUrlSearch, toggleFilter } from './filters.js';
