// Month on month (DESIGN §4): what changed since the previous month (or a chosen earlier one) and the
// year's trend, on small returns whose changes are known.
import { describe, expect, it } from 'vitest';
import { comparisonProblem, consolidate } from '../../shared/consolidate/index.js';
import { consolidatedViewSchema, type ProjectRow, type SkillRow } from '../../shared/schemas.js';
import { demoPartnership, record } from './consolidate.fixtures.js';

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

  it('give every council what it contributed in the month, a carried-forward return adding nothing', () => {
    expect(view.changes.contributions).toEqual([
      { council: 'cherwell', receivedPence: 25_000 },
      { council: 'south-oxfordshire', receivedPence: 0 },
      { council: 'vale-of-white-horse', receivedPence: 0 },
      { council: 'west-oxfordshire', receivedPence: 0 },
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
    // Nothing was returned for April, so every June project is new and all June's money arrived since.
    expect(sinceApril.changes.projects.map((c) => `${c.project} ${c.kind}`)).toEqual([
      'P-1 new',
      'P-2 new',
      'P-3 new',
      'P-5 new',
    ]);
    expect(sinceApril.changes.contributions.slice(0, 2)).toEqual([
      { council: 'cherwell', receivedPence: 175_000 },
      { council: 'south-oxfordshire', receivedPence: 30_000 },
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
    expect(view.changes).toEqual({ since: null, projects: [], contributions: [], skills: [] });
    expect(view.trend.months).toEqual(['2026-04']);
    expect(view.trend.rag).toEqual({ Red: [0], Amber: [0], Green: [1] });
  });
});

describe('the year’s trend', () => {
  it('has one entry per month from April to P, each as that month’s view gives it', () => {
    const view = consolidate(demoPartnership(), returns(), '2026-07');
    expect(view.trend).toEqual({
      months: ['2026-04', '2026-05', '2026-06', '2026-07'],
      contributedPence: [0, 180_000, 205_000, 205_000],
      profiledDuePence: [2_159_772, 4_319_544, 6_479_316, 8_639_088],
      rag: { Red: [0, 0, 1, 1], Amber: [0, 1, 0, 0], Green: [0, 3, 3, 3] },
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
