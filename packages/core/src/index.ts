export { CartliftError } from './errors';
export type { Money } from './money';
export {
  allocate,
  assertCurrency,
  assertMinorUnits,
  currencyExponent,
  formatMoney,
  money,
  parseMinorUnits,
  toDecimalString,
} from './money';
export { isCurrency } from './currencies';
