import { describe, expect, it } from 'vitest';
import { consolidate } from '../../shared/consolidate/index.js';
import { projectRowSchema, type ProjectRow } from '../../shared/schemas.js';
import { demoPartnership, record } from './consolidate.fixtures.js';

type RowInput = Partial<ProjectRow> & Pick<ProjectRow, 'id' | 'lead'>;
const row = (r: RowInput): ProjectRow =>
  projectRowSchema.parse({
    title: 'Untitled',
    theme: 'Digital government',
    phase: 'Beta',
    rag: 'Green',
    ...r,
  });

const website = {
  title: 'Shared website',
  theme: 'Digital government' as const,
  lead: 'cherwell',
  partners: ['south-oxfordshire'],
  phase: 'Beta' as const,
  rag: 'Amber' as const,
};
const hub = {
  title: 'Digital inclusion hub',
  theme: 'Digital inclusion' as const,
  lead: 'vale-of-white-horse',
  partners: ['cherwell'],
  phase: 'Discovery' as const,
  rag: 'Green' as const,
};

const returns = [
  record('cherwell', '2026-06', {
    projects: [
      row({
        ...website,
        id: 'p-1',
        start: '2026-01-01',
        due: '2026-06-29',
        budgetPence: 5_000_000,
        spentPence: 1_000_000,
        savingsTargetPence: 2_000_000,
        savingsRealisedPence: 100_000,
        update: 'On track for go-live',
      }),
      row({ ...hub, id: 'P-2', due: '2026-06-30', spentPence: 50_000 }),
    ],
  }),
  record('south-oxfordshire', '2026-06', {
    projects: [
      row({
        ...website,
        id: 'P-1',
        phase: 'Alpha',
        rag: 'Red',
        budgetPence: 9_999_999,
        savingsTargetPence: 1,
        spentPence: 500_000,
        savingsRealisedPence: 50_000,
        investmentPence: 300_000,
      }),
      row({
        id: 'P-3',
        title: 'Cloud move',
        theme: 'Digital infrastructure',
        lead: 'south-oxfordshire',
        phase: 'Live',
        due: '2026-01-01',
        budgetPence: 100,
        spentPence: 100,
      }),
    ],
  }),
  // Vale also claims to lead P-1, and does not list the hub it is named lead of.
  record('vale-of-white-horse', '2026-06', {
    projects: [row({ ...website, id: 'P-1', lead: 'vale-of-white-horse' })],
  }),
  record('west-oxfordshire', '2026-06', {
    projects: [
      row({ ...hub, id: 'p-2', title: 'Inclusion hub', phase: 'Alpha', spentPence: 20_000 }),
      row({
        id: 'P-4',
        title: 'Old portal',
        theme: 'Digital strategy',
        lead: 'west-oxfordshire',
        phase: 'Retired',
        due: '2025-01-01',
      }),
      row({
        id: 'P-5',
        title: 'Funding bid',
        theme: 'Digital funding',
        lead: 'west-oxfordshire',
        phase: 'Concept',
        rag: 'Red',
        due: '2026-06-01',
      }),
    ],
  }),
];

describe('projects', () => {
  const view = consolidate(demoPartnership(), returns, '2026-06');
  const items = view.projects.items;

  it('merges rows by upper-cased Project ID and sorts by ID', () => {
    expect(items.map((i) => [i.id, i.reportedBy])).toEqual([
      ['P-1', ['cherwell', 'south-oxfordshire', 'vale-of-white-horse']],
      ['P-2', ['cherwell', 'west-oxfordshire']],
      ['P-3', ['south-oxfordshire']],
      ['P-4', ['west-oxfordshire']],
      ['P-5', ['west-oxfordshire']],
    ]);
  });

  it("takes the lead council's own row as authoritative and sums spend, savings and investment", () => {
    expect(items[0]).toEqual({
      id: 'P-1',
      title: 'Shared website',
      theme: 'Digital government',
      lead: 'cherwell',
      partners: ['south-oxfordshire'],
      phase: 'Beta',
      rag: 'Amber',
      start: '2026-01-01',
      due: '2026-06-29',
      budgetPence: 5_000_000,
      spentPence: 1_500_000,
      savingsTargetPence: 2_000_000,
      savingsRealisedPence: 150_000,
      investmentPence: 300_000,
      overdue: true,
      reportedBy: ['cherwell', 'south-oxfordshire', 'vale-of-white-horse'],
      update: 'On track for go-live',
    });
  });

  it('uses the lowest council ID that reported a project when its lead did not, and warns', () => {
    expect(items[1]).toMatchObject({
      id: 'P-2',
      title: 'Digital inclusion hub',
      lead: 'vale-of-white-horse',
      phase: 'Discovery',
      start: null,
      due: '2026-06-30',
      budgetPence: 0,
      spentPence: 70_000,
      overdue: false, // due on the last day of the period is not overdue yet
      update: null,
    });
  });

  it('marks overdue projects that are not Live or Retired', () => {
    expect(items.map((i) => i.overdue)).toEqual([true, false, false, false, true]);
  });

  it('reports differences from the authoritative row as conflicts', () => {
    expect(view.projects.conflicts).toEqual([
      { project: 'P-1', field: 'phase', council: 'south-oxfordshire', value: 'Alpha', leadValue: 'Beta' },
      { project: 'P-1', field: 'rag', council: 'south-oxfordshire', value: 'Red', leadValue: 'Amber' },
      {
        project: 'P-1',
        field: 'lead',
        council: 'vale-of-white-horse',
        value: 'vale-of-white-horse',
        leadValue: 'cherwell',
      },
      {
        project: 'P-2',
        field: 'title',
        council: 'west-oxfordshire',
        value: 'Inclusion hub',
        leadValue: 'Digital inclusion hub',
      },
      { project: 'P-2', field: 'phase', council: 'west-oxfordshire', value: 'Alpha', leadValue: 'Discovery' },
    ]);
  });

  it('warns about a missing lead and about councils that are neither lead nor partner', () => {
    expect(view.dataQuality.warnings.map((w) => [w.code, w.project, w.council])).toEqual([
      ['not-a-partner', 'P-1', 'vale-of-white-horse'],
      ['lead-missing', 'P-2', 'vale-of-white-horse'],
      ['not-a-partner', 'P-2', 'west-oxfordshire'],
    ]);
    expect(view.dataQuality.warnings[1]?.message).toBe(
      "Project P-2 names vale-of-white-horse as lead council, but vale-of-white-horse's return does not " +
        'list it as its own; the details reported by cherwell are used.',
    );
  });

  it('counts by phase, RAG and theme with every key present, and totals', () => {
    expect(view.projects.byPhase).toEqual({
      Concept: 1,
      Discovery: 1,
      Alpha: 0,
      Beta: 1,
      Live: 1,
      Retired: 1,
    });
    expect(view.projects.byRag).toEqual({ Red: 1, Amber: 1, Green: 3 });
    expect(view.projects.byTheme).toEqual({
      'Digital strategy': 1,
      'Digital government': 1,
      'Digital infrastructure': 1,
      'Digital funding': 1,
      'Digital inclusion': 1,
    });
    expect(view.projects.totals).toEqual({
      count: 5,
      overdue: 2,
      budgetPence: 5_000_100,
      spentPence: 1_570_100,
      savingsTargetPence: 2_000_000,
      savingsRealisedPence: 150_000,
      investmentPence: 300_000,
    });
  });

  it('gives zero counts when no council reports a project', () => {
    const empty = consolidate(demoPartnership(), [], '2026-06').projects;
    expect(empty.items).toEqual([]);
    expect(empty.byRag).toEqual({ Red: 0, Amber: 0, Green: 0 });
    expect(empty.totals.count).toBe(0);
  });

  it('does not depend on the order of councils or rows', () => {
    const shuffled = returns
      .map((r) => ({ ...r, data: { ...r.data, projects: [...r.data.projects].reverse() } }))
      .reverse();
    const again = consolidate(demoPartnership(), shuffled, '2026-06');
    expect(again.projects).toEqual(view.projects);
    expect(again.dataQuality).toEqual(view.dataQuality);
  });
});
