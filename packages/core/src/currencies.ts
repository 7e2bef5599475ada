// ISO 4217 minor-unit exponents that differ from the common 2. Kept as a short
// table rather than read from Intl, because ICU rounds some currencies for
// display (ISK, HUF...) differently from the exponent ISO 4217 fixes for amounts.
const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ');
const THREE = 'BHD IQD JOD KWD LYD OMR TND'.split(' ');
const FOUR = ['CLF', 'UYW'];

let known: Set<string> | undefined;

function knownCurrencies(): Set<string> {
  // Built on first use: nothing runs at import.
  if (!known) {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
    known = new Set([...list, ...ZERO, ...THREE, ...FOUR, 'USD', 'EUR', 'CNY', 'GBP', 'HKD', 'TWD']);
  }
  return known;
}

/** True when `code` is an ISO 4217 code this runtime knows. */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && knownCurrencies().has(code);
}

/** Exponent for an already-validated code: JPY 0, USD 2, KWD 3. */
export function exponentOf(code: string): number {
  if (ZERO.includes(code)) return 0;
  if (THREE.includes(code)) return 3;
  if (FOUR.includes(code)) return 4;
  return 2;
}
