/** Percent (up to two decimals) as basis points, whole hundredths of a percent: 12.5 -> 1250. */
export function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * `amount * basisPoints / 10000`, rounded half to even to the currency's minor unit.
 * Amounts are already minor units (yen, fen, fils), so this is per-currency rounding.
 * BigInt takes over when the product could pass 2^53.
 *
 * @example
 * percentOf(1005, 1000) // 100 (100.5 rounds to the even 100)
 * percentOf(1015, 1000) // 102 (101.5 rounds to the even 102)
 */
export function percentOf(amount: number, basisPoints: number): number {
  let quotient: number;
  let remainder: number;
  if (amount * basisPoints <= Number.MAX_SAFE_INTEGER) {
    quotient = Math.floor((amount * basisPoints) / 10000);
    remainder = amount * basisPoints - quotient * 10000;
  } else {
    // basisPoints <= 10000, so the quotient stays within amount: safe as a number again.
    const product = BigInt(amount) * BigInt(basisPoints);
    quotient = Number(product / 10000n);
    remainder = Number(product % 10000n);
  }
  return remainder > 5000 || (remainder === 5000 && quotient % 2 === 1) ? quotient + 1 : quotient;
}
