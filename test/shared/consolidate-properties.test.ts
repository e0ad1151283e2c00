// Property tests over random partnerships and returns (DESIGN §4 rule 4): the dues always add up to the
// net cost, are never negative, stay within a penny of the exact share and ignore input order; month on
// month, what councils received and restated adds up to what they contributed, and comparing is symmetric.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apportionLargestRemainder,
  compareMonths,
  consolidate,
  consolidateMonth,
} from '../../shared/consolidate/index.js';
import { monthsOfFinancialYear } from '../../shared/dates.js';
import {
  consolidatedViewSchema,
  partnershipSchema,
  submissionRecordSchema,
  type Partnership,
  type SubmissionRecord,
} from '../../shared/schemas.js';
import { COST_SHARE_METHODS, PHASES, RAGS, SKILL_LEVELS, SKILLS, THEMES } from '../../shared/vocabulary.js';

const MONTHS = monthsOfFinancialYear('2026-27');
const DAY_MS = 86_400_000;
const isoDay = (offset: number) =>
  new Date(Date.UTC(2025, 6, 1) + offset * DAY_MS).toISOString().slice(0, 10);

const councilIds = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,5}(-[a-z0-9]{1,3})?$/), {
  minLength: 1,
  maxLength: 9,
});

const councilArb = (id: string) =>
  fc
    .record({
      observer: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      population: fc.integer({ min: 0, max: 2_000_000 }),
      joined: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
      stay: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
    })
    .map(({ observer, population, joined, stay }) => ({
      id,
      name: id.toUpperCase(),
      membership: observer ? 'Observer' : 'Member',
      population,
      joined: joined === undefined ? undefined : isoDay(joined),
      left: stay === undefined ? undefined : isoDay((joined ?? 0) + stay),
    }));

/** Shares in hundredths of a percent adding up to exactly 100 %. */
const fixedSharesArb = (ids: readonly string[]) =>
  fc
    .array(fc.integer({ min: 0, max: 10_000 }), { minLength: ids.length - 1, maxLength: ids.length - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return ids.map((council, i) => ({
        financialYear: '2026-27',
        council,
        sharePercent: ((points[i + 1] ?? 0) - (points[i] ?? 0)) / 100,
      }));
    });

const partnershipArb: fc.Arbitrary<Partnership> = councilIds.chain((ids) =>
  fc
    .record({
      councils: fc.tuple(...ids.map(councilArb)),
      costShareMethod: fc.constantFrom(...COST_SHARE_METHODS),
      hybridEqualPercent: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
      budget: fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 4 }),
      funding: fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { maxLength: 2 }),
      cdoTime: fc.array(
        fc.record({
          month: fc.constantFrom(...MONTHS),
          council: fc.constantFrom(...ids),
          days: fc.integer({ min: 0, max: 20 }).map((n) => n / 2),
        }),
        { maxLength: 12 },
      ),
      costShares: fixedSharesArb(ids),
    })
    .map((p) => {
      // Fixed needs a share for every paying member and a paying member with a share above 0.
      const paying = (p.councils as { id: string; membership: string }[]).filter(
        (c) => c.membership === 'Member',
      );
      if (p.costShareMethod === 'Fixed' && paying.length === 0) p.costShareMethod = 'Equal';
      return partnershipSchema.parse({
        name: 'Random partnership',
        ...p,
        budget: p.budget.map((amountPence, i) => ({
          financialYear: '2026-27',
          budgetLine: `Line ${i}`,
          amountPence,
        })),
        funding: p.funding.map((amountPence, i) => ({
          financialYear: '2026-27',
          funder: `Funder ${i}`,
          amountPence,
          status: 'Confirmed',
        })),
      });
    }),
);

const emails = ['ann@a.gov.uk', 'ben@b.gov.uk', 'cat@c.co.uk', 'dan@d.net'];

/** Some versions of some councils' returns, with rows that overlap across councils. */
const returnsArb = (p: Partnership): fc.Arbitrary<SubmissionRecord[]> => {
  const ids = p.councils.map((c) => c.id);
  const data = fc.record({
    contributions: fc.array(
      fc.record({
        month: fc.constantFrom(...MONTHS),
        type: fc.constantFrom('Cash' as const, 'In-kind' as const),
        budgetLine: fc.constant('Line 0'),
        amountPence: fc.integer({ min: 0, max: 10_000_000 }),
        days: fc.integer({ min: 1, max: 20 }).map((n) => n / 2),
        dayRatePence: fc.integer({ min: 1, max: 100_000 }),
      }),
      { maxLength: 5 },
    ),
    skills: fc.uniqueArray(
      fc.record({
        person: fc.constantFrom('A', 'B'),
        email: fc.constantFrom(...emails),
        organisationType: fc.constantFrom('Council' as const, 'SME' as const, 'Freelancer' as const),
        organisation: fc.constant('Org'),
        skill: fc.constantFrom(...SKILLS),
        level: fc.constantFrom(...SKILL_LEVELS),
        daysPerMonth: fc.integer({ min: 0, max: 46 }).map((n) => n / 2),
      }),
      { maxLength: 6, selector: (s) => `${s.email}|${s.skill}` },
    ),
    projects: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('p1', 'P1', 'p2', 'X-9'),
        title: fc.constantFrom('One', 'Two'),
        theme: fc.constantFrom(...THEMES),
        lead: fc.constantFrom(...ids),
        partners: fc.subarray(ids),
        phase: fc.constantFrom(...PHASES),
        rag: fc.constantFrom(...RAGS),
        due: fc.option(fc.constantFrom('2026-05-31', '2026-09-30'), { nil: undefined }),
        spentPence: fc.integer({ min: 0, max: 1_000_000 }),
      }),
      { maxLength: 3, selector: (r) => r.id.toUpperCase() },
    ),
  });
  const version = fc.record({
    council: fc.constantFrom(...ids),
    period: fc.constantFrom(...MONTHS),
    review: fc.constantFrom('pending' as const, 'accepted' as const, 'returned' as const),
    data,
  });
  return fc
    .uniqueArray(fc.tuple(version, fc.integer({ min: 1, max: 3 })), {
      maxLength: 12,
      selector: ([v, n]) => `${v.council}|${v.period}|${n}`,
    })
    .map((versions) =>
      versions.map(([v, n], i) =>
        submissionRecordSchema.parse({
          ...v,
          version: n,
          submittedAt: isoDay(i),
          data: { period: v.period, ...v.data },
        }),
      ),
    );
};

// Fixed shares that give every paying member 0 % are refused, as an example test shows.
const usablePartnershipArb = partnershipArb.filter(
  (p) => p.costShareMethod !== 'Fixed' || floatShares(p, '2027-03', 1, 'Fixed').total > 0,
);

const caseArb = usablePartnershipArb.chain((partnership) =>
  fc.record({
    partnership: fc.constant(partnership),
    returns: returnsArb(partnership),
    period: fc.constantFrom(...MONTHS),
    seed: fc.integer(),
  }),
);

/** A deterministic shuffle, so a failing case can be replayed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Each paying council's exact share in floating point, restating DESIGN §4 rule 3 independently. */
function floatShares(
  p: Partnership,
  period: string,
  net: number,
  appliedMethod: string,
): { total: number; shares: Map<string, number> } {
  const months = (c: Partnership['councils'][number]) =>
    MONTHS.filter(
      (m) =>
        (c.joined === undefined || c.joined <= `${m}-01`) &&
        (c.left === undefined ||
          c.left >= `${m}-${new Date(Date.UTC(+m.slice(0, 4), +m.slice(5), 0)).getUTCDate()}`),
    ).length;
  const payers = p.councils.filter((c) => c.membership === 'Member' && months(c) > 0);
  const sumM = payers.reduce((s, c) => s + months(c), 0);
  const sumPM = payers.reduce((s, c) => s + c.population * months(c), 0);
  const h = p.hybridEqualPercent / 100;
  const weight = (c: Partnership['councils'][number]): number => {
    switch (appliedMethod) {
      case 'Equal':
        return months(c) / sumM;
      case 'Population':
        return (c.population * months(c)) / sumPM;
      case 'Hybrid':
        return (h * months(c)) / sumM + ((1 - h) * c.population * months(c)) / sumPM;
      case 'Usage':
        return p.cdoTime
          .filter((t) => t.council === c.id && t.month <= period)
          .reduce((s, t) => s + t.days, 0);
      default:
        return p.costShares.find((s) => s.council === c.id)?.sharePercent ?? 0;
    }
  };
  const total = payers.reduce((s, c) => s + weight(c), 0);
  return { total, shares: new Map(payers.map((c) => [c.id, (net * weight(c)) / total])) };
}

describe('dues over random partnerships', () => {
  it('add up to the net cost, are never negative and stay within a penny of the exact share', () => {
    fc.assert(
      fc.property(caseArb, ({ partnership, returns, period }) => {
        const view = consolidate(partnership, returns, period);
        expect(consolidatedViewSchema.safeParse(view).success).toBe(true);
        const { contributions } = view;
        const exact = floatShares(
          partnership,
          period,
          contributions.netCostPence,
          contributions.appliedMethod,
        ).shares;
        const total = contributions.councils.reduce((s, c) => s + c.duePence, 0);
        expect(total).toBe(exact.size > 0 ? contributions.netCostPence : 0);
        for (const c of contributions.councils) {
          expect(c.duePence).toBeGreaterThanOrEqual(0);
          const share = exact.get(c.council) ?? 0;
          expect(Math.abs(c.duePence - share)).toBeLessThan(1 + 1e-9 * contributions.netCostPence);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('do not depend on the order of councils, returns or rows', () => {
    fc.assert(
      fc.property(caseArb, ({ partnership, returns, period, seed }) => {
        const view = consolidate(partnership, returns, period);
        const reordered = returns.map((r, i) => ({
          ...r,
          data: {
            ...r.data,
            contributions: shuffle(r.data.contributions, seed + i),
            skills: shuffle(r.data.skills, seed - i),
            projects: shuffle(r.data.projects, seed ^ i),
          },
        }));
        expect(consolidate(partnership, shuffle(reordered, seed), period)).toEqual(view);

        const councilsShuffled = { ...partnership, councils: shuffle(partnership.councils, seed) };
        const dues = (v: typeof view) =>
          new Map(v.contributions.councils.map((c) => [c.council, c.duePence]));
        expect(dues(consolidate(councilsShuffled, returns, period))).toEqual(dues(view));
      }),
      { numRuns: 200 },
    );
  });
});

describe('month on month over random partnerships and returns', () => {
  const monthsTo = (period: string) => MONTHS.slice(0, MONTHS.findIndex((month) => month === period) + 1);

  it('accounts for each month’s change in what a council has contributed as received plus restated', () => {
    fc.assert(
      fc.property(caseArb, ({ partnership, returns, period }) => {
        fc.pre(period !== MONTHS[0]);
        const { changes } = consolidate(partnership, returns, period);
        const now = consolidateMonth(partnership, returns, period);
        const before = consolidateMonth(partnership, returns, MONTHS[MONTHS.indexOf(period) - 1]!);
        const counted = (view: typeof now) => new Set(view.submissions.map((s) => s.council));
        const [countedNow, countedBefore] = [counted(now), counted(before)];
        expect(changes.firstReturns).toEqual(
          [...countedNow].filter((c) => !countedBefore.has(c)).sort((a, b) => (a < b ? -1 : 1)),
        );
        const contributed = (view: typeof now, council: string) =>
          view.contributions.councils.find((c) => c.council === council)!.contributedPence;
        expect(changes.contributions.map((c) => c.council)).toEqual(partnership.councils.map((c) => c.id));
        for (const { council, receivedPence, restatedPence } of changes.contributions) {
          if (!countedNow.has(council)) {
            expect([receivedPence, restatedPence]).toEqual([0, 0]);
          } else if (changes.firstReturns.includes(council)) {
            expect(restatedPence).toBe(0);
          } else {
            expect(receivedPence + restatedPence).toBe(
              contributed(now, council) - contributed(before, council),
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('swaps new and removed, and reverses every move, when the two months are swapped', () => {
    fc.assert(
      fc.property(caseArb, ({ partnership, returns, period }) => {
        fc.pre(period !== MONTHS[0]);
        const now = consolidateMonth(partnership, returns, period);
        const before = consolidateMonth(partnership, returns, MONTHS[MONTHS.indexOf(period) - 1]!);
        const forward = compareMonths(before, now).projects;
        const backward = compareMonths(now, before).projects;
        const of = (changes: typeof forward, kind: string) =>
          changes.filter((c) => c.kind === kind).map((c) => [c.project, c.title, c.from, c.to]);
        const swapped = (rows: unknown[][]) =>
          rows.map(([project, title, from, to]) => [project, title, to, from]);
        expect(of(backward, 'removed')).toEqual(swapped(of(forward, 'new')));
        expect(of(backward, 'new')).toEqual(swapped(of(forward, 'removed')));
        for (const kind of ['phase', 'rag'])
          expect(of(backward, kind).map((r) => r.slice(0, 1).concat(r.slice(2)))).toEqual(
            swapped(of(forward, kind)).map((r) => r.slice(0, 1).concat(r.slice(2))),
          );
      }),
      { numRuns: 200 },
    );
  });

  it("compares the earlier month's view with P's own view without the first returns", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ partnership, returns, period }, pick) => {
        fc.pre(period !== MONTHS[0]);
        const compare = MONTHS[pick % MONTHS.indexOf(period)]!;
        const { changes } = consolidate(partnership, returns, period, { compare });
        const before = consolidateMonth(partnership, returns, compare);
        const first = new Set(changes.firstReturns);
        const settled = consolidateMonth(
          partnership,
          returns.filter((r) => !first.has(r.council)),
          period,
        );
        expect({ projects: changes.projects, skills: changes.skills }).toEqual(
          compareMonths(before, settled),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("gives each month of the trend its returns, the ledgers of P's returns and that month's own RAG", () => {
    fc.assert(
      fc.property(caseArb, ({ partnership, returns, period }) => {
        const view = consolidate(partnership, returns, period);
        const { trend } = view;
        const months = monthsTo(period);
        expect(trend.months).toEqual(months);
        expect(trend.contributedPence.at(-1)).toBe(view.contributions.totals.contributedPence);
        months.forEach((month, i) => {
          const own = consolidateMonth(partnership, returns, month);
          expect(trend.returns[i]).toBe(own.submissions.length);
          expect(trend.profiledDuePence[i]).toBe(own.contributions.totals.profiledDuePence);
          for (const rag of RAGS)
            expect(trend.rag[rag][i]).toBe(own.submissions.length === 0 ? null : own.projects.byRag[rag]);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('largest remainder over random weights', () => {
  const weightsArb = fc.uniqueArray(
    fc.record({
      council: fc.stringMatching(/^[a-z]{1,4}$/),
      numerator: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      denominator: fc.bigInt({ min: 1n, max: 10n ** 6n }),
    }),
    { minLength: 1, maxLength: 30, selector: (w) => w.council },
  );

  it('gives each the floor or ceiling of its exact share, the extra pennies to the largest remainders', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), weightsArb, (total, weights) => {
        fc.pre(weights.some((w) => w.numerator > 0n));
        const dues = apportionLargestRemainder(total, weights);
        // Exact share_i = total × w_i / W; compare over the common denominator Π d.
        const product = weights.reduce((p, w) => p * w.denominator, 1n);
        const scaled = weights.map((w) => (w.numerator * product) / w.denominator);
        const sum = scaled.reduce((a, b) => a + b, 0n);
        const rows = weights.map((w, i) => {
          const exact = BigInt(total) * (scaled[i] ?? 0n);
          const due = BigInt(dues.get(w.council) ?? -1);
          expect(due === exact / sum || due === exact / sum + 1n).toBe(true);
          return { council: w.council, extra: due > exact / sum, remainder: exact % sum };
        });
        expect([...dues.values()].reduce((a, b) => a + b, 0)).toBe(total);
        for (const got of rows.filter((r) => r.extra)) {
          for (const other of rows.filter((r) => !r.extra && r.remainder > 0n)) {
            const before =
              got.remainder > other.remainder ||
              (got.remainder === other.remainder && got.council < other.council);
            expect(before).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
