// A small partnership and a valid council return, for the parsing and validation tests.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { SheetLayout } from '../../shared/sheets/index.js';
import { CONTRIBUTIONS_LAYOUT, PROJECTS_LAYOUT, SKILLS_LAYOUT } from '../../shared/sheets/index.js';
import type { SheetGrid, WorkbookGrids } from '../../shared/parse/index.js';
import { rowsToGrid } from '../../shared/parse/index.js';
import type { CouncilSubmission, Partnership, Problem } from '../../shared/schemas.js';
import { councilSubmissionSchema, partnershipSchema } from '../../shared/schemas.js';

export const partnership: Partnership = partnershipSchema.parse({
  name: 'Oxfordshire Digital Partnership',
  costShareMethod: 'Equal',
  councils: [
    { id: 'cherwell', name: 'Cherwell District Council', membership: 'Member', population: 164200 },
    { id: 'oxford-city', name: 'Oxford City Council', membership: 'Member', population: 162100 },
    { id: 'west-oxfordshire', name: 'West Oxfordshire District Council', membership: 'Observer' },
  ],
  budget: [
    { financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: 10_695_200 },
    { financialYear: '2026-27', budgetLine: 'Shared team', amountPence: 18_000_000 },
    { financialYear: '2025-26', budgetLine: 'Discovery', amountPence: 500_000 },
  ],
});

export const context = { partnership, council: 'cherwell', period: '2026-07' };

export const submission: CouncilSubmission = councilSubmissionSchema.parse({
  period: '2026-07',
  contributions: [
    { month: '2026-04', type: 'Cash', budgetLine: 'CDO salary', amountPence: 120_050, reference: 'PO-1001' },
    {
      month: '2026-05',
      type: 'In-kind',
      budgetLine: 'Shared team',
      amountPence: 100_000,
      days: 2.5,
      dayRatePence: 40_000,
      personEmail: 'Ann.Lee@cherwell.gov.uk',
    },
    { month: '2026-07', type: 'Cash', budgetLine: 'Shared team', amountPence: 0, notes: '=SUM(A1:A3)' },
  ],
  skills: [
    {
      person: 'Ann Lee',
      email: 'ann.lee@cherwell.gov.uk',
      organisationType: 'Council',
      organisation: 'Cherwell District Council',
      skill: 'Service design',
      level: 'Practitioner',
      daysPerMonth: 4,
      from: '2026-04-01',
    },
    {
      person: 'Raj Patel',
      email: 'raj@pixel.example.com',
      organisationType: 'SME',
      organisation: 'Pixel Ltd',
      skill: 'Development',
      level: 'Expert',
      daysPerMonth: 10.5,
      dayRatePence: 55_000,
      from: '2026-04-01',
      to: '2027-03-31',
    },
  ],
  projects: [
    {
      id: 'OX-001',
      title: 'Joint website',
      theme: 'Digital government',
      lead: 'cherwell',
      partners: ['oxford-city', 'west-oxfordshire'],
      externalPartners: 'Improvement Service; NHS NSS',
      phase: 'Beta',
      rag: 'Amber',
      start: '2026-04-01',
      due: '2027-01-31',
      budgetPence: 5_000_000,
      spentPence: 1_250_050,
      savingsTargetPence: 2_000_000,
      owner: 'Ann Lee',
      update: 'Private beta live',
    },
    {
      id: 'ox-002',
      title: 'Inclusion hubs',
      theme: 'Digital inclusion',
      lead: 'oxford-city',
      partners: [],
      phase: 'Discovery',
      rag: 'Green',
    },
  ],
});

export const aboutGrid = (council = 'cherwell', period: unknown = '2026-07'): SheetGrid => ({
  values: [
    ['Council ID', council],
    ['Period', period],
    ['Layout version', 1],
  ],
});

/** A council workbook's grids holding the given return, as the template writer would lay it out. */
export function councilGrids(s: CouncilSubmission = submission): WorkbookGrids {
  return {
    About: aboutGrid(),
    Contributions: { values: rowsToGrid(CONTRIBUTIONS_LAYOUT, s.contributions) },
    Skills: { values: rowsToGrid(SKILLS_LAYOUT, s.skills) },
    Projects: { values: rowsToGrid(PROJECTS_LAYOUT, s.projects) },
  };
}

/** A one-sheet workbook: the valid return with one sheet replaced by the given cells. */
export function withSheet(sheet: string, values: unknown[][], firstRow?: number): WorkbookGrids {
  return { ...councilGrids(), [sheet]: firstRow === undefined ? { values } : { values, firstRow } };
}

/** Any `say` a problem carries. */
export const SAYS: Problem['say'] = expect.any(Object);

/**
 * An expected problem, written in the order a reader scans it: its English message, and what it says
 * for other languages (test/shared/problem-keys.test.ts checks that).
 */
export const at = (
  sheet: string,
  row: number | null,
  column: string | null,
  code: string,
  message: string,
  severity: Problem['severity'] = 'error',
): Problem => ({ sheet, row, column, code, severity, message, say: SAYS });

/** Anything a cell may hold, from either library, valid or not. */
const anyCell = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    '',
    ' ',
    true,
    '#N/A',
    '=1+1',
    'In-kind',
    'cash',
    'Beta',
    'amber',
    'x@y.uk',
  ),
  fc.constantFrom(
    'CDO salary',
    'Digital inclusion',
    'Expert',
    'SME',
    'cherwell; oxford-city',
    '2026-05',
    '1.5',
  ),
  fc.double({ min: -1e16, max: 1e16, noNaN: true }),
  fc.integer({ min: -5, max: 60_000 }),
  fc.string({ maxLength: 40 }),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
  fc.record({ richText: fc.array(fc.record({ text: fc.string({ maxLength: 8 }) }), { maxLength: 3 }) }),
  fc.record({ formula: fc.constant('A1'), result: fc.oneof(fc.integer(), fc.string({ maxLength: 8 })) }),
  fc.record({ error: fc.constantFrom('#REF!', '#VALUE!') }),
);
const KEEP = Symbol('keep');
/** Sheets of the given valid rows, repeated in any order, with some cells replaced by anything at all. */
export const mutatedSheet = (layout: SheetLayout, valid: readonly object[]) => {
  const [head, ...rows] = rowsToGrid(layout, valid);
  const mutation = fc.array(
    fc.oneof({ weight: 8, arbitrary: fc.constant(KEEP) }, { weight: 1, arbitrary: anyCell }),
    {
      minLength: head!.length,
      maxLength: head!.length,
    },
  );
  return fc
    .array(fc.tuple(fc.constantFrom(...rows), mutation), { maxLength: 8 })
    .map((pairs) => [
      head!,
      ...pairs.map(([row, change]) => row.map((cell, i) => (change[i] === KEEP ? cell : change[i]))),
    ]);
};
