export type { ReviewFormOptions } from './review-form.js';
export { REVIEW_PARAM, openReviewForm } from './review-form.js';
export { humanize, problemText } from './form-text.js';
