export type { ReviewFilterUse, ReviewsElementOptions } from './element.js';
export { defineReviewsElement } from './element.js';
export { toDom } from './dom.js';
