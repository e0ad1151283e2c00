// Month on month (DESIGN §4): what changed since the previous month (or a chosen earlier one) and the
// year's trend, on small returns whose changes are known.
import { describe, expect, it } from 'vitest';
import { comparisonProblem, consolidate } from '../../shared/consolidate/index.js';
import { consolidatedViewSchema, type ProjectRow, type SkillRow } from '../../shared/schemas.js';
import { demoPartnership, record } from './consolidate.fixtures.js';
import {
  OCTOBER,
  SEPTEMBER,
  septemberPartnership,
  septemberStartReturns,
} from './september-start.fixtures.js';

const project = (id: string, over: Partial<ProjectRow> = {}): ProjectRow => ({
  id,
  title: `Project ${id}`,
  theme: 'Digital government',
  lead: 'cherwell',
  partners: [],
  phase: 'Discovery',
  rag: 'Green',
  ...over,
});

const practitioner = (email: string, skill: SkillRow['skill']): SkillRow => ({
  person: email,
  email,
  organisationType: 'Council',
  organisation: 'Cherwell',
  skill,
  level: 'Practitioner',
  daysPerMonth: 4,
});

const cash = (month: string, pounds: number) => ({
  month,
  type: 'Cash' as const,
  budgetLine: 'CDO salary',
  amountPence: pounds * 100,
});

/** Cherwell's returns for May and June 2026, and South Oxfordshire's May return carried into June. */
function returns() {
  return [
    record('cherwell', '2026-05', {
      contributions: [cash('2026-04', 1_000), cash('2026-05', 500)],
      skills: [practitioner('a@c.gov.uk', 'User research'), practitioner('b@c.gov.uk', 'User research')],
      projects: [
        project('P-1'),
        project('P-2', { phase: 'Alpha', rag: 'Amber' }),
        project('P-3', { due: '2026-06-15' }),
        project('P-4', { phase: 'Beta' }),
      ],
    }),
    record('cherwell', '2026-06', {
      contributions: [cash('2026-04', 1_000), cash('2026-05', 500), cash('2026-06', 250)],
      skills: [practitioner('a@c.gov.uk', 'User research'), practitioner('b@c.gov.uk', 'Development')],
      projects: [
        project('P-1'),
        project('P-2', { phase: 'Beta', rag: 'Red' }),
        project('P-3', { due: '2026-06-15' }),
        project('P-5', { title: 'Brand new' }),
      ],
    }),
    record('south-oxfordshire', '2026-05', { contributions: [cash('2026-05', 300)] }),
  ];
}

describe('changes since the previous month', () => {
  const june = returns();
  const view = consolidate(demoPartnership(), june, '2026-06');

  it('match the contract shape', () => {
    expect(consolidatedViewSchema.parse(view)).toEqual(view);
    expect(view.changes.since).toBe('2026-05');
  });

  it('list projects new, removed, moved in phase and RAG, and newly overdue, by ID then kind', () => {
    expect(view.changes.projects).toEqual([
      { project: 'P-2', title: 'Project P-2', kind: 'phase', from: 'Alpha', to: 'Beta' },
      { project: 'P-2', title: 'Project P-2', kind: 'rag', from: 'Amber', to: 'Red' },
      // Due 15 June: not overdue at the end of May, overdue at the end of June.
      { project: 'P-3', title: 'Project P-3', kind: 'overdue', from: false, to: true },
      { project: 'P-4', title: 'Project P-4', kind: 'removed', from: 'Beta', to: null },
      { project: 'P-5', title: 'Brand new', kind: 'new', from: null, to: 'Discovery' },
    ]);
  });

  it('give every council what its ledger dates in the month, a carried-forward return adding nothing', () => {
    expect(view.changes.firstReturns).toEqual([]);
    expect(view.changes.contributions).toEqual([
      { council: 'cherwell', receivedPence: 25_000, restatedPence: 0 },
      { council: 'south-oxfordshire', receivedPence: 0, restatedPence: 0 },
      { council: 'vale-of-white-horse', receivedPence: 0, restatedPence: 0 },
      { council: 'west-oxfordshire', receivedPence: 0, restatedPence: 0 },
    ]);
  });

  it('list skills whose coverage changed', () => {
    expect(view.changes.skills).toEqual([
      { skill: 'User research', from: 'covered', to: 'fragile' },
      { skill: 'Development', from: 'gap', to: 'fragile' },
    ]);
  });

  it('compare with an earlier month of the year when asked', () => {
    const sinceApril = consolidate(demoPartnership(), june, '2026-06', { compare: '2026-04' });
    expect(sinceApril.changes.since).toBe('2026-04');
    // Nothing was returned for April, so both returns are first returns: their projects are not news,
    // and of their ledgers only what they date after April was received since.
    expect(sinceApril.changes.firstReturns).toEqual(['cherwell', 'south-oxfordshire']);
    expect(sinceApril.changes.projects).toEqual([]);
    expect(sinceApril.changes.skills).toEqual([]);
    expect(sinceApril.changes.contributions.slice(0, 2)).toEqual([
      { council: 'cherwell', receivedPence: 75_000, restatedPence: 0 },
      { council: 'south-oxfordshire', receivedPence: 30_000, restatedPence: 0 },
    ]);
    // The rest of the view does not depend on the month compared with.
    expect({ ...sinceApril, changes: view.changes }).toEqual(view);
  });
});

describe('April', () => {
  it('has nothing to compare with: since is null and the lists are empty', () => {
    const view = consolidate(
      demoPartnership(),
      [record('cherwell', '2026-04', { projects: [project('P-1')] })],
      '2026-04',
    );
    expect(view.changes).toEqual({
      since: null,
      firstReturns: [],
      projects: [],
      contributions: [],
      skills: [],
    });
    expect(view.trend.months).toEqual(['2026-04']);
    expect(view.trend.returns).toEqual([1]);
    expect(view.trend.rag).toEqual({ Red: [0], Amber: [0], Green: [1] });
  });
});

describe('the year’s trend', () => {
  it('has one entry per month from April to P: money from the ledgers of P’s returns, RAG from each month', () => {
    const view = consolidate(demoPartnership(), returns(), '2026-07');
    expect(view.trend).toEqual({
      months: ['2026-04', '2026-05', '2026-06', '2026-07'],
      returns: [0, 2, 2, 2],
      // July counts Cherwell's June return (£1,000 in April, £500 in May, £250 in June) and South
      // Oxfordshire's May return (£300 in May): April's £1,000 was paid though no return counted then.
      contributedPence: [100_000, 180_000, 205_000, 205_000],
      profiledDuePence: [2_159_772, 4_319_544, 6_479_316, 8_639_088],
      // No return counted for April: no data, not zero projects.
      rag: { Red: [null, 0, 1, 1], Amber: [null, 1, 0, 0], Green: [null, 3, 3, 3] },
    });
  });

  it('takes a project’s RAG from its lead’s own row, and a council’s first row of a repeated ID', () => {
    const rows = [
      record('cherwell', '2026-04', { projects: [project('X', { lead: 'west-oxfordshire', rag: 'Red' })] }),
      record('west-oxfordshire', '2026-04', {
        projects: [project('x', { lead: 'west-oxfordshire', rag: 'Amber' }), project('X', { rag: 'Red' })],
      }),
      record('cherwell', '2026-05', {
        projects: [project('Y', { rag: 'Red' }), project('y', { rag: 'Green' })],
      }),
    ];
    const view = consolidate(demoPartnership(), rows, '2026-06');
    expect(view.trend.rag).toEqual({ Red: [0, 1, 1], Amber: [1, 1, 1], Green: [0, 0, 0] });
  });
});

describe('the month compared with', () => {
  it('must be a month of the same financial year before P', () => {
    expect(comparisonProblem('2026-06', '2026-05')).toBeNull();
    expect(comparisonProblem('2026-06', '2026-04')).toBeNull();
    for (const compare of ['2026-06', '2026-07', '2026-03', '2025-06']) {
      expect(comparisonProblem('2026-06', compare)).toBe(
        `compare must be a month of 2026-27 before June 2026; ${compare} is not.`,
      );
      expect(() => consolidate(demoPartnership(), [], '2026-06', { compare })).toThrow(RangeError);
    }
  });
});

describe('a partnership that starts in September', () => {
  const partnership = septemberPartnership();
  const returns = septemberStartReturns();

  it('names September’s returns as first returns, with only what they date in September received', () => {
    const view = consolidate(partnership, returns, '2026-09');
    expect(consolidatedViewSchema.parse(view)).toEqual(view);
    expect(view.changes).toEqual(SEPTEMBER.changes);
    expect(view.trend).toEqual(SEPTEMBER.trend);
  });

  it('compares October without the first returns of West Oxfordshire and the observer', () => {
    const view = consolidate(partnership, returns, '2026-10');
    expect(view.changes).toEqual(OCTOBER.changes);
    expect(view.trend).toEqual(OCTOBER.trend);
    expect(view.contributions.totals).toEqual(OCTOBER.totals);
  });
});
