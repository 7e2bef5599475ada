export type { CartElementOptions, CartliftCartElement } from './cart-element';
export { defineCartElement, loadDrawer, openCart } from './cart-element';
export type { Locale, Localized } from './i18n';
export { pick, resolveLocale } from './i18n';
export { adoptStyles } from './styles';
