/**
 * The drawer's payment views: the checkout sheet, the wallet buttons and the
 * thank-you screen, with everything paying needs. A chunk of its own, fetched
 * as the drawer opens, so the cart shows without waiting for it.
 */
export { ExpressSlot } from './express-slot.js';
export { Paid } from './paid.js';
export { Sheet } from './sheet.js';
