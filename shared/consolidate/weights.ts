// Cost-share weights (DESIGN §4 rule 3) as exact fractions, one per paying council.
import type { YearToDate } from '../dates.js';
import type { Council, DataQualityWarning, Partnership } from '../schemas.js';
import type { CostShareMethod } from '../vocabulary.js';
import type { ApportionWeight } from './apportion.js';
import type { WarningKey } from '../i18n/en-warnings.js';
import { say, type Say } from '../i18n/say.js';
import { ConsolidationError } from './errors.js';
import { warning } from './warning.js';
import { addFractions, decimalToFraction, type Fraction } from './rational.js';

export interface Payer {
  council: Council;
  months: number;
}

export interface CostShareWeights {
  weights: ApportionWeight[];
  /** Usage (or a population-based method without populations) falls back to Equal. */
  appliedMethod: CostShareMethod;
  warnings: DataQualityWarning[];
}

const ZERO: Fraction = { numerator: 0n, denominator: 1n };

function equalWeights(payers: readonly Payer[]): ApportionWeight[] {
  return payers.map((p) => ({ council: p.council.id, numerator: BigInt(p.months), denominator: 12n }));
}

const populationMonths = (p: Payer): bigint => BigInt(p.council.population) * BigInt(p.months);

function populationWeights(payers: readonly Payer[]): ApportionWeight[] {
  return payers.map((p) => ({ council: p.council.id, numerator: populationMonths(p), denominator: 12n }));
}

/**
 * h/100 × (m/12)/Σ(m/12) + (1 − h/100) × (pop × m/12)/Σ(pop × m/12), put over the one denominator
 * 100 · hd · Σm · Σ(pop × m) where h = hn/hd exactly (the twelfths cancel).
 */
function hybridWeights(payers: readonly Payer[], equalPercent: number, sumPopulationMonths: bigint) {
  const h = decimalToFraction(equalPercent);
  const sumMonths = payers.reduce((sum, p) => sum + BigInt(p.months), 0n);
  const denominator = 100n * h.denominator * sumMonths * sumPopulationMonths;
  return payers.map((p): ApportionWeight => ({
    council: p.council.id,
    numerator:
      h.numerator * BigInt(p.months) * sumPopulationMonths +
      (100n * h.denominator - h.numerator) * populationMonths(p) * sumMonths,
    denominator,
  }));
}

/** CDO-time days recorded for each payer in the months of `year` counted so far. */
export function usageDays(
  partnership: Partnership,
  payers: readonly Payer[],
  year: YearToDate,
): Map<string, Fraction> {
  const days = new Map<string, Fraction>(payers.map((p) => [p.council.id, ZERO]));
  for (const entry of partnership.cdoTime) {
    const sofar = days.get(entry.council);
    if (sofar === undefined || !year.counts(entry.month)) continue;
    days.set(entry.council, addFractions(sofar, decimalToFraction(entry.days)));
  }
  return days;
}

/** Share (%) of the financial year; a missing share or a total other than 100 ± 0.01 stops consolidation. */
function fixedWeights(partnership: Partnership, payers: readonly Payer[], financialYear: string) {
  const shares = new Map<string, Fraction>();
  let total = ZERO;
  for (const row of partnership.costShares) {
    if (row.financialYear !== financialYear) continue;
    if (shares.has(row.council)) {
      throw new ConsolidationError(
        'Cost shares',
        say('problem.shares.duplicate', { council: row.council, year: financialYear }),
      );
    }
    const share = decimalToFraction(row.sharePercent);
    shares.set(row.council, share);
    total = addFractions(total, share);
  }
  // |total − 100| ≤ 0.01, i.e. |100 · total − 10000| ≤ 1 in hundredths of a percent.
  const offBy = 100n * total.numerator - 10000n * total.denominator;
  if (offBy > total.denominator || offBy < -total.denominator) {
    const shown = (Number(total.numerator) / Number(total.denominator)).toFixed(2);
    throw new ConsolidationError(
      'Cost shares',
      shares.size === 0
        ? say('problem.shares.none', { year: financialYear })
        : say('problem.shares.total', { year: financialYear, total: shown }),
    );
  }
  const unshared = payers.filter((p) => !shares.has(p.council.id)).map((p) => p.council.id);
  if (unshared.length > 0) {
    throw new ConsolidationError(
      'Cost shares',
      say('problem.shares.unshared', { year: financialYear, councils: unshared.join(', ') }),
    );
  }
  if (payers.length > 0 && payers.every((p) => (shares.get(p.council.id)?.numerator ?? 0n) === 0n)) {
    throw new ConsolidationError('Cost shares', say('problem.shares.allZero', { year: financialYear }));
  }
  const paying = new Set(payers.map((p) => p.council.id));
  const warnings = [...shares]
    .filter(([council, share]) => !paying.has(council) && share.numerator > 0n)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([council]) =>
      warning(
        'share-not-paying',
        council,
        null,
        say('warning.shareNotPaying', { council, year: financialYear }),
      ),
    );
  const weights = payers.map((p): ApportionWeight => ({
    council: p.council.id,
    ...(shares.get(p.council.id) ?? ZERO),
  }));
  return { weights, warnings };
}

export function costShareWeights(
  partnership: Partnership,
  payers: readonly Payer[],
  year: YearToDate,
): CostShareWeights {
  const method = partnership.costShareMethod;
  const { financialYear, period } = year;
  const equal = (code: string, said: Say<WarningKey>): CostShareWeights => ({
    weights: equalWeights(payers),
    appliedMethod: 'Equal',
    warnings: [warning(code, null, null, said)],
  });
  switch (method) {
    case 'Equal':
      return { weights: equalWeights(payers), appliedMethod: method, warnings: [] };
    case 'Population':
    case 'Hybrid': {
      const sumPopulationMonths = payers.reduce((sum, p) => sum + populationMonths(p), 0n);
      if (sumPopulationMonths === 0n && payers.length > 0) {
        return equal('population-missing', say('warning.populationMissing', { method: { word: method } }));
      }
      const weights =
        method === 'Population'
          ? populationWeights(payers)
          : hybridWeights(payers, partnership.hybridEqualPercent, sumPopulationMonths);
      return { weights, appliedMethod: method, warnings: [] };
    }
    case 'Usage': {
      const days = usageDays(partnership, payers, year);
      if ([...days.values()].every((d) => d.numerator === 0n) && payers.length > 0) {
        return equal(
          'usage-fallback',
          say('warning.usageFallback', { year: financialYear, month: { month: period } }),
        );
      }
      const weights = payers.map((p): ApportionWeight => ({
        council: p.council.id,
        ...(days.get(p.council.id) ?? ZERO),
      }));
      return { weights, appliedMethod: method, warnings: [] };
    }
    case 'Fixed':
      return { ...fixedWeights(partnership, payers, financialYear), appliedMethod: method };
  }
}
