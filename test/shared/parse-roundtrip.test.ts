import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asPeriod, isoDateToExcelSerial } from '../../shared/dates.js';
import { CONTRIBUTIONS_LAYOUT, PROJECTS_LAYOUT, SKILLS_LAYOUT } from '../../shared/sheets/index.js';
import { CONSOLIDATED_PROJECTS_LAYOUT } from '../../shared/report/index.js';
import { formatPounds } from '../../shared/money.js';
import { parseCouncilWorkbook, rowsToGrid } from '../../shared/parse/index.js';
import type { ContributionRow, CouncilSubmission, ProjectRow } from '../../shared/schemas.js';
import { councilSubmissionSchema } from '../../shared/schemas.js';
import { PHASES, RAGS, THEMES } from '../../shared/vocabulary.js';
import { aboutGrid, context, mutatedSheet, submission } from './parse-fixtures.js';

const pence = fc.integer({ min: 0, max: 100_000_000_000 });
/** Text as a person types it into a cell: no surrounding spaces, sometimes starting with "=". */
const cellText = (max: number) =>
  fc
    .string({ minLength: 1, maxLength: max, unit: 'grapheme-ascii' })
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
const isoDay = fc
  .integer({ min: isoDateToExcelSerial('2020-01-01'), max: isoDateToExcelSerial('2035-12-31') })
  .map((serial) => new Date(Date.UTC(1899, 11, 30 + serial)).toISOString().slice(0, 10));

const cashRow: fc.Arbitrary<ContributionRow> = fc.record(
  {
    month: fc.constantFrom('2026-04', '2026-05', '2026-06', '2026-07').map(asPeriod),
    type: fc.constant('Cash' as const),
    budgetLine: fc.constantFrom('CDO salary', 'Shared team'),
    amountPence: pence,
    reference: cellText(100),
    notes: fc.oneof(cellText(500), fc.constant('=SUM(A1:A9)')),
  },
  { requiredKeys: ['month', 'type', 'budgetLine', 'amountPence'] },
);

const projectRow: fc.Arbitrary<ProjectRow> = fc
  .record(
    {
      id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/),
      title: cellText(200),
      theme: fc.constantFrom(...THEMES),
      lead: fc.constantFrom('cherwell', 'oxford-city'),
      partners: fc.uniqueArray(fc.constantFrom('cherwell', 'oxford-city', 'west-oxfordshire'), {
        maxLength: 3,
      }),
      phase: fc.constantFrom(...PHASES),
      rag: fc.constantFrom(...RAGS),
      start: isoDay,
      due: isoDay,
      budgetPence: pence,
      spentPence: pence,
      savingsTargetPence: pence,
      savingsRealisedPence: pence,
      investmentPence: pence,
      owner: cellText(200),
      update: cellText(1000),
    },
    { requiredKeys: ['id', 'title', 'theme', 'lead', 'partners', 'phase', 'rag'] },
  )
  .map((p) => (p.start && p.due && p.due < p.start ? { ...p, start: p.due, due: p.start } : p));

const uniqueProjects = fc.uniqueArray(projectRow, {
  maxLength: 8,
  selector: (p) => p.id.toUpperCase(),
});

function parseBack(s: CouncilSubmission, dates: 'Date' | 'serial') {
  return parseCouncilWorkbook(
    {
      About: aboutGrid(),
      Contributions: { values: rowsToGrid(CONTRIBUTIONS_LAYOUT, s.contributions, { dates }) },
      Skills: { values: rowsToGrid(SKILLS_LAYOUT, s.skills, { dates }) },
      Projects: { values: rowsToGrid(PROJECTS_LAYOUT, s.projects, { dates }) },
    },
    context,
  );
}

describe('rowsToGrid then parse gives the same rows', () => {
  it.each(['Date', 'serial'] as const)('for the fixture return, dates as %s', (dates) => {
    const result = parseBack(submission, dates);
    expect(result.problems).toEqual([]);
    expect(result.submission).toEqual(submission);
  });

  it('for any cash contributions and projects', () => {
    fc.assert(
      fc.property(
        fc.array(cashRow, { maxLength: 6 }),
        uniqueProjects,
        fc.constantFrom('Date' as const, 'serial' as const),
        (contributions, projects, dates) => {
          // Identical cash rows are legitimately warned about; the rows themselves must survive.
          const s = { ...submission, contributions, projects };
          const result = parseBack(s, dates);
          expect(result.problems.filter((p) => p.code !== 'duplicate-row')).toEqual([]);
          expect(result.submission).toEqual(s);
          expect(councilSubmissionSchema.parse(result.submission)).toEqual(s);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads money written as "£1,234.56" text back to the same pence', () => {
    fc.assert(
      fc.property(pence, (amountPence) => {
        const grid = rowsToGrid(CONTRIBUTIONS_LAYOUT, [submission.contributions[0]!]);
        grid[1]![3] = formatPounds(amountPence);
        const result = parseCouncilWorkbook({ Contributions: { values: grid } }, context);
        expect(result.submission.contributions[0]?.amountPence).toBe(amountPence);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rowsToGrid cells', () => {
  it('writes pounds, dates, first-of-month months, lists and Yes/No as the sheet shows them', () => {
    const [head, row] = rowsToGrid(CONSOLIDATED_PROJECTS_LAYOUT, [
      {
        id: 'OX-001',
        title: '=1+1',
        lead: 'cherwell',
        partners: ['oxford-city', 'west-oxfordshire'],
        start: '2026-04-01',
        due: null,
        budgetPence: 123_456,
        overdue: true,
        reportedBy: ['cherwell'],
      },
    ]);
    expect(head).toEqual(CONSOLIDATED_PROJECTS_LAYOUT.columns.map((c) => c.header));
    const cell = (header: string) => row![head!.indexOf(header)];
    expect(cell('Title')).toBe('=1+1');
    expect(cell('Partners')).toBe('oxford-city; west-oxfordshire');
    expect(cell('Start')).toEqual(new Date(Date.UTC(2026, 3, 1)));
    expect(cell('Due')).toBe('');
    expect(cell('Budget (£)')).toBe(1234.56);
    expect(cell('Overdue')).toBe('Yes');
    expect(cell('Update')).toBe('');

    const [, contribution] = rowsToGrid(CONTRIBUTIONS_LAYOUT, [submission.contributions[0]!], {
      dates: 'serial',
    });
    expect(contribution![0]).toBe(isoDateToExcelSerial('2026-04-01'));
  });
});

describe('whatever the cells hold', () => {
  it('parses without throwing into a submission the schema accepts', () => {
    fc.assert(
      fc.property(
        mutatedSheet(CONTRIBUTIONS_LAYOUT, submission.contributions),
        mutatedSheet(SKILLS_LAYOUT, submission.skills),
        mutatedSheet(PROJECTS_LAYOUT, submission.projects),
        (contributions, skills, projects) => {
          const result = parseCouncilWorkbook(
            {
              About: aboutGrid(),
              Contributions: { values: contributions },
              Skills: { values: skills },
              Projects: { values: projects },
            },
            context,
          );
          expect(councilSubmissionSchema.safeParse(result.submission).success).toBe(true);
          // A row is left out exactly when an error names it; warnings keep it.
          const rows = contributions.length + skills.length + projects.length - 3;
          const kept = Object.values(result.submission).reduce(
            (n, v) => n + (Array.isArray(v) ? v.length : 0),
            0,
          );
          const refused = new Set(
            result.problems
              .filter((p) => p.severity === 'error' && p.sheet !== 'About')
              .map((p) => `${p.sheet}:${p.row}`),
          );
          expect(kept).toBe(rows - refused.size);
          for (const p of result.problems) expect(p.message).toMatch(/\.$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
