// Exact fractions for money shares: a weight such as 33.3 % or 2.5 days becomes 333/10 or 5/2, so that
// apportioning pence never depends on binary floating point.

export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

/**
 * The exact value of a finite, non-negative number as written in decimal (JavaScript's shortest
 * round-trip form), so 0.1 is 1/10 rather than the binary value nearest to it.
 */
export function decimalToFraction(value: number): Fraction {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`Not a finite non-negative number: ${value}`);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`Cannot read ${value} as a decimal`);
  const [, whole = '0', decimals = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - decimals.length;
  const digits = BigInt(whole + decimals);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

/** Rounds numerator / denominator (both ≥ 0, denominator > 0) half away from zero to an integer. */
export function roundFraction(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  const numerator = a.numerator * b.denominator + b.numerator * a.denominator;
  const denominator = a.denominator * b.denominator;
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}
