import { describe, expect, it } from 'vitest';
import { PROJECTS_LAYOUT } from '../../shared/sheets/index.js';
import { parseCouncilWorkbook, rowsToGrid } from '../../shared/parse/index.js';
import { context, councilGrids, SAYS, submission, withSheet } from './parse-fixtures.js';

const projectGrid = () => rowsToGrid(PROJECTS_LAYOUT, submission.projects);

/** Reorders every row's cells by the same permutation of columns. */
const permute = (grid: unknown[][], order: number[]) => grid.map((row) => order.map((i) => row[i]));

describe('finding columns by header text', () => {
  it('reads columns in any order, with headers in any case and spacing', () => {
    const grid = projectGrid();
    const order = grid[0]!.map((_, i) => i).reverse();
    const shuffled = permute(grid, order);
    shuffled[0] = shuffled[0]!.map((h, i) =>
      i % 2 === 0 ? String(h).toUpperCase() : ` ${String(h).replace(/ /g, '  ')} `,
    );
    const result = parseCouncilWorkbook(withSheet('Projects', shuffled), context);
    expect(result.problems).toEqual([]);
    expect(result.submission.projects).toEqual(submission.projects);
  });

  it('finds sheets by name whatever their case', () => {
    const grids = councilGrids();
    const { Projects, ...rest } = grids;
    const result = parseCouncilWorkbook({ ...rest, ' projects ': Projects! }, context);
    expect(result.ok).toBe(true);
    expect(result.submission.projects).toHaveLength(2);
  });

  it('notes extra columns once per sheet and ignores their cells', () => {
    const grid = projectGrid().map((row, i) =>
      i === 0 ? [...row, 'My notes', '', 'Check'] : [...row, 'call Sam', 'x', '=A2'],
    );
    const result = parseCouncilWorkbook(withSheet('Projects', grid), context);
    expect(result.problems).toEqual([
      {
        sheet: 'Projects',
        row: 1,
        column: null,
        code: 'extra-columns',
        severity: 'note',
        message: 'Extra columns "My notes" and "Check" are kept in your workbook and ignored.',
        say: SAYS,
      },
    ]);
    expect(result.ok).toBe(true);
    expect(result.submission.projects).toEqual(submission.projects);
  });

  it('names a missing required column, on the header row', () => {
    const grid = projectGrid().map((row) => row.filter((_, i) => i !== 2)); // Theme
    const result = parseCouncilWorkbook(withSheet('Projects', grid), context);
    expect(result.problems).toEqual([
      {
        sheet: 'Projects',
        row: 1,
        column: 'Theme',
        code: 'missing-column',
        severity: 'error',
        message: 'The column "Theme" is missing; add a column with that header.',
        say: SAYS,
      },
    ]);
    expect(result.ok).toBe(false);
    expect(result.submission.projects).toEqual([]);
  });

  it('reads a missing optional column as blank, with a note', () => {
    const grid = projectGrid().map((row) => row.slice(0, -2)); // Owner and Update
    const result = parseCouncilWorkbook(withSheet('Projects', grid), context);
    expect(result.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      [
        'missing-optional-columns',
        'note',
        'Optional columns "Owner" and "Update" are not in the sheet and are read as blank.',
      ],
    ]);
    expect(result.submission.projects[0]).not.toHaveProperty('owner');
    expect(result.submission.projects[0]!.title).toBe('Joint website');
  });

  it('refuses a header that appears twice', () => {
    const grid = projectGrid().map((row, i) => [...row, i === 0 ? 'TITLE' : 'Other title']);
    const result = parseCouncilWorkbook(withSheet('Projects', grid), context);
    expect(result.problems).toEqual([
      {
        sheet: 'Projects',
        row: 1,
        column: 'Title',
        code: 'duplicate-column',
        severity: 'error',
        message: 'The column "Title" appears more than once; keep one column with that header.',
        say: SAYS,
      },
    ]);
  });

  it('takes the first non-blank row as the header and numbers rows as Excel does', () => {
    const [head, ...data] = projectGrid();
    const blank = head!.map(() => '');
    const values = [
      blank,
      [null, undefined],
      head!,
      blank,
      data[0]!,
      [],
      data[1]!.map((v, i) => (i === 2 ? 'Nonsense' : v)),
    ];
    const result = parseCouncilWorkbook(withSheet('Projects', values, 5), context);
    expect(result.problems).toEqual([
      {
        sheet: 'Projects',
        row: 11,
        column: 'Theme',
        code: 'not-in-list',
        severity: 'error',
        message:
          'Theme must be one of Digital strategy, Digital government, Digital infrastructure, Digital funding, Digital inclusion — found "Nonsense".',
        say: SAYS,
      },
    ]);
    expect(result.submission.projects.map((p) => p.id)).toEqual(['OX-001']);
  });

  it('reports an empty sheet as having no header row', () => {
    const result = parseCouncilWorkbook(withSheet('Skills', [[], ['', null]]), context);
    expect(result.problems.map((p) => [p.sheet, p.row, p.code, p.message])).toEqual([
      [
        'Skills',
        null,
        'missing-header',
        'The Skills sheet is empty; its first row must hold the column headers (Person, Email, Organisation type, Organisation, Skill, Level, Days per month, Day rate (£), From, To, Notes).',
      ],
    ]);
  });

  it('reports a missing sheet by name', () => {
    const { Skills: _skills, ...grids } = councilGrids();
    const result = parseCouncilWorkbook(grids, context);
    expect(result.problems.filter((p) => p.code === 'missing-sheet')).toEqual([
      {
        sheet: 'Skills',
        row: null,
        column: null,
        code: 'missing-sheet',
        severity: 'error',
        message:
          'The workbook has no sheet named "Skills"; the council template has About, Contributions, Skills, Projects.',
        say: SAYS,
      },
    ]);
  });
});
