import { describe, expect, it } from 'vitest';
import {
  apportionLargestRemainder,
  consolidate,
  ConsolidationError,
} from '../../shared/consolidate/index.js';
import { consolidatedViewSchema, type PartnershipInput } from '../../shared/schemas.js';
import { demoPartnership, duesOf, record } from './consolidate.fixtures.js';

const cdo = (month: string, council: string, days: number) => ({ month, council, days });
const shares = (...percents: number[]) =>
  ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'].map((council, i) => ({
    financialYear: '2026-27',
    council,
    sharePercent: percents[i] ?? 0,
  }));

describe('worked example (DESIGN §4), FY 2026-27', () => {
  it('adds budget lines and only confirmed funding', () => {
    const view = consolidate(demoPartnership(), [], '2026-06');
    expect(view.financialYear).toBe('2026-27');
    expect(view.contributions).toMatchObject({
      budgetPence: 33_917_263,
      fundingPence: 8_000_000,
      netCostPence: 25_917_263,
      surplusPence: 0,
    });
    expect(() => consolidatedViewSchema.parse(view)).not.toThrow();
  });

  it('shares the net cost equally', () => {
    const view = consolidate(demoPartnership({ costShareMethod: 'Equal' }), [], '2026-06');
    expect(duesOf(view)).toEqual([6_479_316, 6_479_316, 6_479_316, 6_479_315]);
    expect(view.contributions.method).toBe('Equal');
    expect(view.contributions.totals.duePence).toBe(25_917_263);
  });

  it('shares the net cost by population', () => {
    const view = consolidate(demoPartnership({ costShareMethod: 'Population' }), [], '2026-06');
    expect(duesOf(view)).toEqual([7_408_800, 6_849_304, 6_411_635, 5_247_524]);
  });

  it('shares the net cost half equally and half by population', () => {
    const view = consolidate(demoPartnership({ costShareMethod: 'Hybrid' }), [], '2026-06');
    expect(duesOf(view)).toEqual([6_944_058, 6_664_310, 6_445_475, 5_863_420]);
    expect(view.contributions.appliedMethod).toBe('Hybrid');
  });

  it('ignores budget and funding of other financial years', () => {
    const base = demoPartnership();
    const partnership = demoPartnership({
      budget: [...base.budget, { financialYear: '2027-28', budgetLine: 'CDO salary', amountPence: 99_999 }],
      funding: [
        ...base.funding,
        { financialYear: '2025-26', funder: 'Old grant', amountPence: 77_777, status: 'Confirmed' },
      ],
    });
    expect(consolidate(partnership, [], '2027-03').contributions.netCostPence).toBe(25_917_263);
  });
});

describe('cost-share methods', () => {
  it('Usage shares by CDO days recorded in the financial year up to the period', () => {
    const partnership = demoPartnership({
      costShareMethod: 'Usage',
      cdoTime: [
        cdo('2026-04', 'cherwell', 3),
        cdo('2026-05', 'cherwell', 2),
        cdo('2026-05', 'south-oxfordshire', 2.5),
        cdo('2026-07', 'vale-of-white-horse', 4), // after the period
        cdo('2025-12', 'west-oxfordshire', 10), // previous financial year
        cdo('2026-06', 'west-oxfordshire', 0.5),
      ],
    });
    const view = consolidate(partnership, [], '2026-06');
    // Exact shares 16,198,289.375 / 8,099,144.6875 / 0 / 1,619,828.9375: two pennies left over.
    expect(duesOf(view)).toEqual([16_198_289, 8_099_145, 0, 1_619_829]);
    expect(view.contributions.appliedMethod).toBe('Usage');
    expect(view.dataQuality.warnings).toEqual([]);
  });

  it('Usage without any CDO time falls back to Equal and says so', () => {
    const partnership = demoPartnership({
      costShareMethod: 'Usage',
      cdoTime: [cdo('2026-07', 'cherwell', 5)],
    });
    const view = consolidate(partnership, [], '2026-06');
    expect(duesOf(view)).toEqual([6_479_316, 6_479_316, 6_479_316, 6_479_315]);
    expect(view.contributions).toMatchObject({ method: 'Usage', appliedMethod: 'Equal' });
    expect(view.dataQuality.warnings).toEqual([
      expect.objectContaining({ code: 'usage-fallback', council: null, project: null }),
    ]);
    expect(view.dataQuality.warnings[0]?.message).toContain('shared equally');
  });

  it('Fixed uses the Share (%) of the financial year', () => {
    const view = consolidate(
      demoPartnership({ costShareMethod: 'Fixed', costShares: shares(40, 30, 20, 10) }),
      [],
      '2026-06',
    );
    expect(duesOf(view)).toEqual([10_366_905, 7_775_179, 5_183_453, 2_591_726]);
  });

  it('Fixed reads shares with two decimals exactly', () => {
    const view = consolidate(
      demoPartnership({ costShareMethod: 'Fixed', costShares: shares(33.33, 33.33, 33.33, 0.01) }),
      [],
      '2026-06',
    );
    expect(duesOf(view)).toEqual([8_638_224, 8_638_224, 8_638_224, 2_591]);
  });

  it('Fixed accepts a total within 0.01 of 100 and shares the whole net cost', () => {
    const view = consolidate(
      demoPartnership({ costShareMethod: 'Fixed', costShares: shares(40, 30, 20, 10.01) }),
      [],
      '2026-06',
    );
    expect(duesOf(view)).toEqual([10_365_869, 7_774_401, 5_182_934, 2_594_059]);
  });

  it('Fixed shares not totalling 100 stop consolidation with a plain message', () => {
    const partnership = demoPartnership({ costShareMethod: 'Fixed', costShares: shares(40, 30, 20, 9.98) });
    let caught: unknown;
    try {
      consolidate(partnership, [], '2026-06');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConsolidationError);
    expect(caught).toMatchObject({
      sheet: 'Cost shares',
      message: 'The shares for 2026-27 add up to 99.98% but must add up to 100%.',
    });
  });

  it('Fixed without a share for a paying member, or without any shares, is refused', () => {
    const missingOne = demoPartnership({
      costShareMethod: 'Fixed',
      costShares: shares(50, 30, 20).filter((s) => s.council !== 'west-oxfordshire'),
    });
    expect(() => consolidate(missingOne, [], '2026-06')).toThrow(
      'No share is set for 2026-27 for west-oxfordshire; every paying member needs one.',
    );
    const allZero = demoPartnership({ costShareMethod: 'Fixed', costShares: shares(0, 0, 0, 0) });
    expect(() => consolidate(allZero, [], '2026-06')).toThrow(
      'The shares for 2026-27 add up to 0.00% but must add up to 100%.',
    );
    const none = demoPartnership({ costShareMethod: 'Fixed', costShares: [] });
    expect(() => consolidate(none, [], '2026-06')).toThrow(
      'The cost-share method is Fixed but no shares are set for 2026-27.',
    );
  });

  it('Fixed gives nothing to an Observer that has a share, and warns', () => {
    const base = demoPartnership();
    const partnership = demoPartnership({
      costShareMethod: 'Fixed',
      councils: base.councils.map((c) =>
        c.id === 'west-oxfordshire' ? { ...c, membership: 'Observer' as const } : c,
      ),
      costShares: shares(25, 25, 25, 25),
    });
    const view = consolidate(partnership, [], '2026-06');
    // The three members share the whole cost equally: 8,639,087.67 each, one penny left over.
    expect(duesOf(view)).toEqual([8_639_088, 8_639_088, 8_639_087, 0]);
    expect(view.dataQuality.warnings.map((w) => [w.code, w.council])).toEqual([
      ['share-not-paying', 'west-oxfordshire'],
    ]);
    const observerOnly = demoPartnership({
      costShareMethod: 'Fixed',
      councils: partnership.councils,
      costShares: shares(0, 0, 0, 100),
    });
    expect(() => consolidate(observerOnly, [], '2026-06')).toThrow(
      'Every paying member has a share of 0% for 2026-27, so nobody would pay the net cost.',
    );
  });

  it('Hybrid with another equal part breaks a tie of remainders by council ID', () => {
    const partnership = demoPartnership({
      costShareMethod: 'Hybrid',
      hybridEqualPercent: 25,
      councils: [
        { id: 'b', name: 'B', membership: 'Member', population: 300 },
        { id: 'a', name: 'A', membership: 'Member', population: 100 },
      ],
      budget: [{ financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: 1000 }],
      funding: [],
    });
    // a: 0.25 × 1/2 + 0.75 × 1/4 = 0.3125 → 312.5p; b: 687.5p; the odd penny goes to "a".
    expect(duesOf(consolidate(partnership, [], '2026-06'))).toEqual([687, 313]);
  });

  it('Population and Hybrid without any population fall back to Equal and say so', () => {
    const base = demoPartnership();
    const partnership = demoPartnership({
      costShareMethod: 'Population',
      councils: base.councils.map((c) => ({ ...c, population: 0 })),
    });
    const view = consolidate(partnership, [], '2026-06');
    expect(duesOf(view)).toEqual([6_479_316, 6_479_316, 6_479_316, 6_479_315]);
    expect(view.contributions.appliedMethod).toBe('Equal');
    expect(view.dataQuality.warnings.map((w) => w.code)).toEqual(['population-missing']);
  });
});

describe('net cost and surplus', () => {
  it('funding above the budget leaves a surplus and nothing due', () => {
    const partnership = demoPartnership({
      funding: [
        { financialYear: '2026-27', funder: 'Big grant', amountPence: 40_000_000, status: 'Confirmed' },
      ],
    });
    const view = consolidate(partnership, [record('cherwell', '2026-06')], '2026-06');
    expect(view.contributions).toMatchObject({ netCostPence: 0, surplusPence: 6_082_737 });
    expect(duesOf(view)).toEqual([0, 0, 0, 0]);
    expect(view.contributions.councils.map((c) => c.status)).toEqual(['paid', 'paid', 'paid', 'paid']);
  });

  it('a partnership with no paying member owes nothing and warns', () => {
    const base = demoPartnership();
    const partnership = demoPartnership({
      councils: base.councils.map((c) => ({ ...c, membership: 'Observer' as const })),
    });
    const view = consolidate(partnership, [], '2026-06');
    expect(duesOf(view)).toEqual([0, 0, 0, 0]);
    expect(view.dataQuality.warnings.map((w) => w.code)).toEqual(['no-paying-councils']);
  });
});

describe('months of membership', () => {
  const council = (id: string, extra: Partial<PartnershipInput['councils'][number]> = {}) => ({
    id,
    name: id.toUpperCase(),
    membership: 'Member' as const,
    population: 1000,
    ...extra,
  });
  const partnership = demoPartnership({
    councils: [
      council('a', { joined: '2026-10-01' }), // October to March: 6
      council('b', { left: '2026-12-31' }), // April to December: 9
      council('c', { joined: '2026-04-15' }), // April is not whole: May to March, 11
      council('d', { left: '2026-06-15' }), // April and May: 2
      council('e'), // 12
      council('f', { left: '2026-03-31' }), // left before the year: 0
      council('g', { membership: 'Observer' }), // 12, but pays nothing
    ],
    budget: [{ financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: 1_000_001 }],
    funding: [],
  });

  it('counts whole months between Joined and Left', () => {
    const view = consolidate(partnership, [], '2026-06');
    expect(view.contributions.councils.map((c) => c.monthsOfMembership)).toEqual([6, 9, 11, 2, 12, 0, 12]);
  });

  it('Equal weights are months / 12 among members only', () => {
    // Exact shares of 1,000,001p by 6:9:11:2:12 (of 40): 150,000.15 / 225,000.225 / 275,000.275 /
    // 50,000.05 / 300,000.3 — the one leftover penny goes to e.
    const view = consolidate(partnership, [], '2026-06');
    expect(duesOf(view)).toEqual([150_000, 225_000, 275_000, 50_000, 300_001, 0, 0]);
  });

  it('Population weights are population × months / 12', () => {
    const two = demoPartnership({
      costShareMethod: 'Population',
      councils: [council('a', { population: 100 }), council('b', { population: 300, joined: '2026-10-01' })],
      budget: [{ financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: 1000 }],
      funding: [],
    });
    expect(duesOf(consolidate(two, [], '2026-06'))).toEqual([400, 600]);
  });
});

describe('paid to date, profiled due and status', () => {
  const cash = (month: string, amountPence: number) => ({
    month,
    type: 'Cash' as const,
    budgetLine: 'CDO salary',
    amountPence,
  });
  const inKind = (month: string, days: number, dayRatePence: number) => ({
    month,
    type: 'In-kind' as const,
    budgetLine: 'Shared team',
    days,
    dayRatePence,
    personEmail: 'alex@south-oxon.gov.uk',
  });
  const returns = [
    record('cherwell', '2026-09', {
      contributions: [cash('2026-04', 3_000_000), cash('2026-09', 3_479_316)],
    }),
    record('south-oxfordshire', '2026-09', {
      contributions: [
        cash('2026-05', 3_000_000),
        inKind('2026-05', 2.5, 45_001), // 112,502.5p → 112,503p
        inKind('2026-10', 3, 45_000), // after the period
        cash('2025-12', 1_000_000), // previous financial year
      ],
    }),
    record('vale-of-white-horse', '2026-09', { contributions: [cash('2026-08', 3_239_658)] }),
    record('west-oxfordshire', '2026-09', { contributions: [cash('2026-07', 3_239_657)] }),
  ];

  it('profiles the due over the months so far, rounding half away from zero', () => {
    const view = consolidate(demoPartnership(), returns, '2026-09');
    // k = 6: 6,479,316 × 6/12 = 3,239,658 and 6,479,315 × 6/12 = 3,239,657.5 → 3,239,658.
    expect(view.contributions.councils.map((c) => c.profiledDuePence)).toEqual([
      3_239_658, 3_239_658, 3_239_658, 3_239_658,
    ]);
  });

  it('adds cash and in-kind of the year up to the period and sets the status', () => {
    const view = consolidate(demoPartnership(), returns, '2026-09');
    expect(
      view.contributions.councils.map((c) => [
        c.council,
        c.cashPaidPence,
        c.inKindPence,
        c.contributedPence,
        c.balancePence,
        c.status,
      ]),
    ).toEqual([
      ['cherwell', 6_479_316, 0, 6_479_316, 0, 'paid'],
      ['south-oxfordshire', 3_000_000, 112_503, 3_112_503, 3_366_813, 'behind'],
      ['vale-of-white-horse', 3_239_658, 0, 3_239_658, 3_239_658, 'on-track'],
      ['west-oxfordshire', 3_239_657, 0, 3_239_657, 3_239_658, 'behind'],
    ]);
    expect(view.contributions.totals).toEqual({
      duePence: 25_917_263,
      profiledDuePence: 12_958_632,
      cashPaidPence: 15_958_631,
      inKindPence: 112_503,
      contributedPence: 16_071_134,
      outstandingPence: 9_846_129,
      // Behind profile: South Oxfordshire 3,239,658 − 3,112,503 and West Oxfordshire 3,239,658 − 3,239,657.
      arrearsPence: 127_156,
      overpaidPence: 0,
    });
  });

  it('values in-kind time exactly even where floating point could not', () => {
    const view = consolidate(
      demoPartnership(),
      [
        record('cherwell', '2026-06', {
          contributions: [inKind('2026-06', 2.5, 2_000_000_000_000_001)],
        }),
      ],
      '2026-06',
    );
    // 2.5 × 2,000,000,000,000,001p = 5,000,000,000,000,002.5p → rounded half away from zero.
    expect(view.contributions.councils[0]?.inKindPence).toBe(5_000_000_000_000_003);
  });

  it('an overpayment gives a negative balance and counts as paid', () => {
    const view = consolidate(
      demoPartnership(),
      [record('cherwell', '2026-04', { contributions: [cash('2026-04', 7_000_000)] })],
      '2026-04',
    );
    expect(view.contributions.councils[0]).toMatchObject({
      profiledDuePence: 539_943, // 6,479,316 / 12 = 539,943
      balancePence: -520_684,
      status: 'paid',
    });
    // The overpayment is its own total: it does not reduce what the other three councils still owe.
    expect(view.contributions.totals).toMatchObject({
      outstandingPence: 6_479_316 * 2 + 6_479_315,
      overpaidPence: 520_684,
    });
  });

  it('an Observer has a row with nothing due, and what it pays is still shown', () => {
    const base = demoPartnership();
    const partnership = demoPartnership({
      councils: [
        ...base.councils,
        {
          id: 'oxfordshire',
          name: 'Oxfordshire County Council',
          membership: 'Observer',
          population: 700_000,
        },
      ],
    });
    const view = consolidate(
      partnership,
      [record('oxfordshire', '2026-06', { contributions: [cash('2026-06', 10_000)] })],
      '2026-06',
    );
    expect(duesOf(view)).toEqual([6_479_316, 6_479_316, 6_479_316, 6_479_315, 0]);
    expect(view.contributions.councils[4]).toMatchObject({
      council: 'oxfordshire',
      membership: 'Observer',
      cashPaidPence: 10_000,
      balancePence: -10_000,
      status: 'paid',
    });
    expect(view.dataQuality.missing).not.toContain('oxfordshire');
  });
});

describe('apportionLargestRemainder', () => {
  const w = (council: string, numerator: bigint, denominator = 1n) => ({ council, numerator, denominator });

  it('gives leftover pennies to the largest remainders, ties to the lower council ID', () => {
    const dues = apportionLargestRemainder(10, [w('c', 1n), w('a', 1n), w('b', 1n)]);
    expect([...dues]).toEqual([
      ['c', 3],
      ['a', 4],
      ['b', 3],
    ]);
    const uneven = apportionLargestRemainder(100, [w('x', 1n, 3n), w('y', 1n, 6n), w('z', 1n, 2n)]);
    expect([...uneven]).toEqual([
      ['x', 33],
      ['y', 17],
      ['z', 50],
    ]);
  });

  it('never gives a penny to a zero weight and refuses impossible input', () => {
    expect([...apportionLargestRemainder(7, [w('a', 0n), w('b', 2n), w('c', 1n)])]).toEqual([
      ['a', 0],
      ['b', 5],
      ['c', 2],
    ]);
    expect(() => apportionLargestRemainder(5, [w('a', 0n)])).toThrow(RangeError);
    expect(() => apportionLargestRemainder(1.5, [w('a', 1n)])).toThrow(RangeError);
    expect(() => apportionLargestRemainder(5, [w('a', 1n), w('a', 1n)])).toThrow(RangeError);
    expect(() => apportionLargestRemainder(5, [w('a', 1n, 0n)])).toThrow(RangeError);
  });
});
