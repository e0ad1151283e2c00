// What a proposal of a year's cost shares fixes (DESIGN §10): the settings of that FY in force and each
// paying Member's due computed from them, and whether a later partnership version changed any of them.
import type { AgreementSettings, AgreementSnapshot } from './agreements.js';
import { dueShares } from './consolidate/contributions.js';
import type { Fraction } from './consolidate/rational.js';
import { usageDays } from './consolidate/weights.js';
import { monthsOfFinancialYear, yearToDate, type Period } from './dates.js';
import type { Partnership } from './schemas.js';

/** Rows in a stable order, so that two snapshots compare equal whatever order the sheet had them in. */
const sorted = <T>(rows: readonly T[]): T[] =>
  rows
    .map((row) => [JSON.stringify(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);

export function agreementSettings(partnership: Partnership, fy: string): AgreementSettings {
  return {
    costShareMethod: partnership.costShareMethod,
    hybridEqualPercent: partnership.hybridEqualPercent,
    budget: sorted(partnership.budget.filter((b) => b.financialYear === fy)),
    funding: sorted(partnership.funding.filter((f) => f.financialYear === fy && f.status === 'Confirmed')),
    costShares: sorted(partnership.costShares.filter((s) => s.financialYear === fy)),
    councils: [...partnership.councils]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((c) => ({
        id: c.id,
        name: c.name,
        membership: c.membership,
        population: c.population,
        joined: c.joined ?? null,
        left: c.left ?? null,
      })),
  };
}

/**
 * The month whose figures a proposal made at `today` (a period) uses: the current month within the FY,
 * April before it starts, March after it ends. Only Usage dues depend on it (CDO time so far).
 */
function monthFor(fy: string, today: string): Period {
  const months = monthsOfFinancialYear(fy);
  if (today < months[0]!) return months[0]!;
  return months.find((month) => month === today) ?? months[11]!;
}

/** Days as a person reads them: the decimal the CDO-time rows added up to (9.5, never 19/2). */
const daysOf = (days: Fraction | undefined): number =>
  days ? Number(days.numerator) / Number(days.denominator) : 0;

export function agreementSnapshot(
  partnership: Partnership,
  partnershipVersion: number,
  fy: string,
  today: string,
): AgreementSnapshot {
  const year = yearToDate(monthFor(fy, today));
  const shares = dueShares(partnership, year);
  // What a Usage due weighed, for the Member to check: its CDO days so far.
  const payers = partnership.councils
    .filter((council) => shares.dues.has(council.id))
    .map((council) => ({ council, months: shares.monthsOfMembership.get(council.id) ?? 0 }));
  const days = shares.appliedMethod === 'Usage' ? usageDays(partnership, payers, year) : undefined;
  return {
    fy,
    partnershipVersion,
    netCostPence: shares.netCostPence,
    appliedMethod: shares.appliedMethod,
    settings: agreementSettings(partnership, fy),
    dues: [...shares.dues]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([council, duePence]) => ({
        council,
        duePence,
        monthsOfMembership: shares.monthsOfMembership.get(council) ?? 0,
        ...(days ? { usageDays: daysOf(days.get(council)) } : {}),
      })),
  };
}

export const settingsDiffer = (a: AgreementSettings, b: AgreementSettings): boolean =>
  JSON.stringify(a) !== JSON.stringify(b);
