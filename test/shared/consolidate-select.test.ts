import { describe, expect, it } from 'vitest';
import { consolidate } from '../../shared/consolidate/index.js';
import { demoPartnership, record } from './consolidate.fixtures.js';

const cash = (month: string, amountPence: number) => ({
  month,
  type: 'Cash' as const,
  budgetLine: 'CDO salary',
  amountPence,
});

const base = demoPartnership();
const partnership = demoPartnership({
  councils: [
    ...base.councils,
    { id: 'oxfordshire', name: 'Oxfordshire County Council', membership: 'Observer', population: 0 },
    { id: 'banbury', name: 'Banbury Town Council', membership: 'Member', joined: '2026-10-01' },
    { id: 'abingdon', name: 'Abingdon Town Council', membership: 'Member', left: '2026-05-31' },
  ],
});

const returns = [
  record('cherwell', '2026-06', { contributions: [cash('2026-06', 100)] }, { version: 1 }),
  record(
    'cherwell',
    '2026-06',
    { contributions: [cash('2026-06', 300)] },
    { version: 3, review: 'returned' },
  ),
  record(
    'cherwell',
    '2026-06',
    { contributions: [cash('2026-06', 200)] },
    { version: 2, review: 'accepted' },
  ),
  record('cherwell', '2026-07', { contributions: [cash('2026-07', 999)] }, { version: 1 }), // later period
  record('south-oxfordshire', '2026-04', { contributions: [cash('2026-04', 40)] }, { version: 1 }),
  record('south-oxfordshire', '2026-05', { contributions: [cash('2026-05', 50)] }, { version: 1 }),
  record(
    'south-oxfordshire',
    '2026-05',
    { contributions: [cash('2026-04', 40), cash('2026-05', 55)] },
    { version: 2, submittedAt: '2026-06-09T10:00:00.000Z' },
  ),
  record('vale-of-white-horse', '2026-03', { contributions: [cash('2026-03', 70)] }), // previous FY
  record('elsewhere', '2026-06', { contributions: [cash('2026-06', 1)] }),
];

describe('which return counts', () => {
  const view = consolidate(partnership, returns, '2026-06');
  const paid = Object.fromEntries(view.contributions.councils.map((c) => [c.council, c.cashPaidPence]));

  it("takes each council's latest version for the period, whatever its review status", () => {
    expect(view.submissions[0]).toEqual({
      council: 'cherwell',
      period: '2026-06',
      version: 3,
      submittedAt: returns[1]?.submittedAt,
      review: 'returned',
    });
    expect(paid.cherwell).toBe(300);
  });

  it('carries forward the latest earlier return of the same financial year', () => {
    expect(view.dataQuality.carriedForward).toEqual([{ council: 'south-oxfordshire', from: '2026-05' }]);
    expect(view.submissions[1]).toEqual({
      council: 'south-oxfordshire',
      period: '2026-05',
      version: 2,
      submittedAt: '2026-06-09T10:00:00.000Z',
      review: 'pending',
    });
    expect(paid['south-oxfordshire']).toBe(95);
  });

  it('lists members without a return this year as missing, but not observers or non-members that month', () => {
    expect(view.dataQuality.missing).toEqual(['vale-of-white-horse', 'west-oxfordshire']);
    expect(paid['vale-of-white-horse']).toBe(0);
    expect(view.submissions.map((s) => s.council)).toEqual(['cherwell', 'south-oxfordshire']);
  });

  it('leaves out returns from a council that is not in the partnership, with a warning', () => {
    expect(view.dataQuality.warnings).toEqual([
      {
        code: 'unknown-council',
        council: 'elsewhere',
        project: null,
        message: 'Returns from "elsewhere" were left out because no council has that ID in the partnership.',
        say: expect.any(Object),
      },
    ]);
  });

  it('does not depend on the order of the stored versions', () => {
    expect(consolidate(partnership, [...returns].reverse(), '2026-06')).toEqual(view);
  });

  it('expects a return from a member only in the months it belongs to the partnership', () => {
    const may = consolidate(partnership, returns, '2026-05');
    expect(may.dataQuality.missing).toEqual([
      'cherwell',
      'vale-of-white-horse',
      'west-oxfordshire',
      'abingdon',
    ]);
    const october = consolidate(partnership, returns, '2026-10');
    expect(october.dataQuality.missing).toEqual(['vale-of-white-horse', 'west-oxfordshire', 'banbury']);
    expect(october.dataQuality.carriedForward).toEqual([
      { council: 'cherwell', from: '2026-07' },
      { council: 'south-oxfordshire', from: '2026-05' },
    ]);
  });

  it('refuses a period that is not YYYY-MM', () => {
    expect(() => consolidate(partnership, returns, '2026-6')).toThrow(
      '"2026-6" is not a period written YYYY-MM',
    );
  });
});
