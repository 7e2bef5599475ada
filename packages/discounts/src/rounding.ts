/** Percent (up to two decimals) as an integer of hundredths of a percent: 12.5 -> 1250. */
export function basisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * `amount * bp / 10000`, rounded half to even to the currency's minor unit.
 * Amounts are already minor units (yen, fen, fils), so this is per-currency rounding.
 * BigInt takes over when the product could pass 2^53.
 *
 * @example
 * percentOf(1005, 1000) // 100 (100.5 rounds to the even 100)
 * percentOf(1015, 1000) // 102 (101.5 rounds to the even 102)
 */
export function percentOf(amount: number, bp: number): number {
  let q: number;
  let r: number;
  if (amount * bp <= Number.MAX_SAFE_INTEGER) {
    q = Math.floor((amount * bp) / 10000);
    r = amount * bp - q * 10000;
  } else {
    // bp <= 10000, so the quotient stays within amount: safe as a number again.
    const n = BigInt(amount) * BigInt(bp);
    q = Number(n / 10000n);
    r = Number(n % 10000n);
  }
  return r > 5000 || (r === 5000 && q % 2 === 1) ? q + 1 : q;
}
