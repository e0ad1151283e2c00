// Largest remainder apportionment (DESIGN §4 rule 4): every payer gets the floor of its exact share and
// the pennies left over go one each to the largest remainders, ties to the lower council ID.
import { gcd } from './rational.js';

export interface ApportionWeight {
  council: string;
  numerator: bigint;
  denominator: bigint;
}

const byCouncilId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Largest remainder: integer pence by exact rational weights; ties by council ID ascending. */
export function apportionLargestRemainder(
  totalPence: number,
  weights: readonly ApportionWeight[],
): Map<string, number> {
  if (!Number.isSafeInteger(totalPence) || totalPence < 0) {
    throw new RangeError(`The amount to share must be whole pence, not ${totalPence}`);
  }
  const seen = new Set<string>();
  let common = 1n;
  for (const w of weights) {
    if (seen.has(w.council)) throw new RangeError(`Council ${w.council} has two weights`);
    seen.add(w.council);
    if (w.denominator <= 0n || w.numerator < 0n) {
      throw new RangeError(`The weight of ${w.council} must be a non-negative fraction`);
    }
    common = (common / gcd(common, w.denominator)) * w.denominator;
  }
  // On the common denominator each weight is an integer, and exact share_i = total × scaled_i / sum.
  const scaled = weights.map((w) => (w.numerator * common) / w.denominator);
  const sum = scaled.reduce((a, b) => a + b, 0n);
  const result = new Map<string, number>(weights.map((w) => [w.council, 0]));
  if (totalPence === 0) return result;
  if (sum === 0n) throw new RangeError('Cannot share an amount when every weight is zero');

  const total = BigInt(totalPence);
  let allotted = 0n;
  const remainders = weights.map((w, i) => {
    const exact = total * (scaled[i] ?? 0n);
    const floor = exact / sum;
    allotted += floor;
    result.set(w.council, Number(floor));
    return { council: w.council, remainder: exact % sum };
  });
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? byCouncilId(a.council, b.council) : a.remainder > b.remainder ? -1 : 1,
  );
  const leftover = Number(total - allotted);
  for (const { council } of remainders.slice(0, leftover))
    result.set(council, (result.get(council) ?? 0) + 1);
  return result;
}
