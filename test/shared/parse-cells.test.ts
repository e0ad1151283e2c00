import { describe, expect, it } from 'vitest';
import { isoDateToExcelSerial } from '../../shared/dates.js';
import type { SheetLayout } from '../../shared/sheets/index.js';
import { CONTRIBUTIONS_LAYOUT, PROJECTS_LAYOUT, SKILLS_LAYOUT } from '../../shared/sheets/index.js';
import { isPercentFormat, percentText, shownValue } from '../../shared/parse/cells.js';
import { parseCouncilWorkbook, rowsToGrid } from '../../shared/parse/index.js';
import { at, context, submission, withSheet } from './parse-fixtures.js';

const error = (sheet: string, column: string, code: string, message: string) =>
  at(sheet, 2, column, code, message);

/** A sheet holding one valid row (from the fixture) with some cells replaced, by header. */
function oneRow(layout: SheetLayout, base: object, cells: Record<string, unknown>): unknown[][] {
  const [head, row] = rowsToGrid(layout, [base]) as [string[], unknown[]];
  for (const [header, value] of Object.entries(cells)) {
    const i = head.indexOf(header);
    if (i === -1) throw new Error(`no column ${header}`);
    row[i] = value;
  }
  return [head, row];
}

const sheets = {
  Projects: [PROJECTS_LAYOUT, submission.projects[0]!],
  Skills: [SKILLS_LAYOUT, submission.skills[1]!],
  Contributions: [CONTRIBUTIONS_LAYOUT, submission.contributions[0]!],
} as const;

function parseRow(sheet: keyof typeof sheets, cells: Record<string, unknown>) {
  const [layout, base] = sheets[sheet];
  const result = parseCouncilWorkbook(withSheet(sheet, oneRow(layout, base, cells)), context);
  const rows =
    result.submission[sheet === 'Projects' ? 'projects' : sheet === 'Skills' ? 'skills' : 'contributions'];
  const problems = result.problems.filter((p) => p.sheet === sheet);
  const row = problems.some((p) => p.severity === 'error') ? undefined : rows[rows.length - 1];
  return { row: row as Record<string, unknown> | undefined, problems };
}

describe('cells as exceljs and Office.js give them', () => {
  it('takes rich text, hyperlink text and formula results', () => {
    const { row, problems } = parseRow('Projects', {
      Title: { richText: [{ text: 'Joint ' }, { font: { bold: true }, text: 'website' }] },
      Owner: { text: 'Ann Lee', hyperlink: 'mailto:ann.lee@cherwell.gov.uk' },
      'Budget (£)': { formula: 'B2*2', result: 50000 },
      'Spent to date (£)': { sharedFormula: 'K2', result: '£12,500.50' },
      Start: { formula: 'DATE(2026,4,1)', result: new Date(Date.UTC(2026, 3, 1)) },
    });
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      title: 'Joint website',
      owner: 'Ann Lee',
      budgetPence: 5_000_000,
      spentPence: 1_250_050,
      start: '2026-04-01',
    });
  });

  it('reports error cells from either library', () => {
    const { problems } = parseRow('Projects', {
      'Budget (£)': { formula: '1/0', result: { error: '#DIV/0!' } },
      'Spent to date (£)': '#N/A',
    });
    expect(problems).toEqual([
      error(
        'Projects',
        'Budget (£)',
        'cell-error',
        'Budget (£) shows the Excel error #DIV/0!; correct the formula or type the value.',
      ),
      error(
        'Projects',
        'Spent to date (£)',
        'cell-error',
        'Spent to date (£) shows the Excel error #N/A; correct the formula or type the value.',
      ),
    ]);
  });

  it('keeps text that looks like a formula as text', () => {
    const { row } = parseRow('Projects', { Title: '=HYPERLINK("http://evil")', Update: '+44 1295 227001' });
    expect(row).toMatchObject({ title: '=HYPERLINK("http://evil")', update: '+44 1295 227001' });
  });

  it('reads numbers typed into text columns as their text', () => {
    const { row } = parseRow('Contributions', { Reference: 1001 });
    expect(row).toMatchObject({ reference: '1001' });
  });
});

describe('numbers shown as percentages, read alike by the pane and the service', () => {
  it('knows a percentage format: a % that scales, not one printed from quotes or an escape', () => {
    for (const code of ['0%', '0.00%', '[Red]0.0%', '#,##0.0%;-#,##0.0%', '0.00 %'])
      expect(isPercentFormat(code)).toBe(true);
    for (const code of ['General', '0.00', '0"%"', '0\\%', '£#,##0.00', '"%"0', '0;-0%', 'dd/mm/yyyy'])
      expect(isPercentFormat(code)).toBe(false);
  });

  it('writes the percentage as a person would type it, to full precision and without float noise', () => {
    expect(percentText(0.125)).toBe('12.5%');
    // 0.07 × 100 is 7.000000000000001 in floating point; Excel shows 7%.
    expect(percentText(0.07)).toBe('7%');
    expect(percentText(1 / 3)).toBe('33.3333333333333%');
    expect(percentText(-0.5)).toBe('-50%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(1e-9)).toBe('0.0000001%');
    expect(percentText(1e20)).toBe('10000000000000000000000%');
  });

  it('turns only a number with a percentage format into its text', () => {
    expect(shownValue(0.125, '0.00%')).toBe('12.5%');
    expect(shownValue(12.5, '0.00')).toBe(12.5);
    expect(shownValue('12.5%', '@')).toBe('12.5%');
    expect(shownValue(true, '0%')).toBe(true);
  });

  it('reads "12.5%" in a text column as typed, and refuses it where a number of days is asked', () => {
    expect(parseRow('Contributions', { Notes: '12.5%' }).row?.notes).toBe('12.5%');
    expect(parseRow('Skills', { 'Days per month': '50%' }).problems).toEqual([
      error(
        'Skills',
        'Days per month',
        'invalid-number',
        'Days per month must be a number, like 2.5 — found "50%".',
      ),
    ]);
  });
});

describe('dates and months', () => {
  const serial = isoDateToExcelSerial('2026-04-01');
  it.each([
    ['an Excel serial', serial],
    ['a Date at UTC midnight', new Date(Date.UTC(2026, 3, 1))],
    ['a Date at local midnight', new Date(2026, 3, 1)],
    ['ISO text', '2026-04-01'],
    ['dd/mm/yyyy text', '01/04/2026'],
    ['d/m/yyyy text', '1/4/2026'],
  ])('reads a date given as %s', (_, cell) => {
    expect(parseRow('Projects', { Start: cell }).row?.start).toBe('2026-04-01');
  });

  it('refuses a date that does not exist, naming the cell', () => {
    expect(parseRow('Projects', { Start: '31/02/2026' }).problems).toEqual([
      error(
        'Projects',
        'Start',
        'invalid-date',
        'Start must be a date, like 31/03/2027 — found "31/02/2026".',
      ),
    ]);
  });

  it.each([
    ['a date in the month', new Date(Date.UTC(2026, 4, 17))],
    ['an Excel serial', isoDateToExcelSerial('2026-05-31')],
    ['YYYY-MM text', '2026-05'],
    ['mm/yyyy text', '05/2026'],
  ])('reads a month given as %s', (_, cell) => {
    expect(parseRow('Contributions', { Month: cell }).row?.month).toBe('2026-05');
  });

  it('refuses a month it cannot read', () => {
    expect(parseRow('Contributions', { Month: 'May' }).problems).toEqual([
      error(
        'Contributions',
        'Month',
        'invalid-month',
        'Month must be a month, like 2026-04, or a date in that month — found "May".',
      ),
    ]);
  });
});

describe('money and numbers', () => {
  it.each([
    [1200.5, 120_050],
    ['£1,200.50', 120_050],
    ['1200', 120_000],
    [' £ 1,200 ', 120_000],
    [0.285, 29],
    ['0.125', 13],
    [0, 0],
  ])('reads %j as %i pence', (cell, pence) => {
    expect(parseRow('Contributions', { 'Amount (£)': cell }).row?.amountPence).toBe(pence);
  });

  it('explains money it cannot read', () => {
    expect(parseRow('Contributions', { 'Amount (£)': 'twelve' }).problems).toEqual([
      error(
        'Contributions',
        'Amount (£)',
        'invalid-number',
        'Amount (£) must be a number of pounds, like 1200.50 — found "twelve".',
      ),
    ]);
  });

  it('refuses negative and absurd amounts', () => {
    expect(parseRow('Projects', { 'Budget (£)': -5, 'Spent to date (£)': 1e15 }).problems).toEqual([
      error('Projects', 'Budget (£)', 'out-of-range', 'Budget (£) must be £0.00 or more — found -£5.00.'),
      error(
        'Projects',
        'Spent to date (£)',
        'out-of-range',
        'Spent to date (£) is too large to be an amount — found 1000000000000000.',
      ),
    ]);
  });

  it('reads numbers given as text and checks their range', () => {
    expect(parseRow('Skills', { 'Days per month': '12.5' }).row?.daysPerMonth).toBe(12.5);
    expect(parseRow('Skills', { 'Days per month': '30' }).problems).toEqual([
      error(
        'Skills',
        'Days per month',
        'out-of-range',
        'Days per month must be between 0 and 23 — found 30.',
      ),
    ]);
    expect(parseRow('Skills', { 'Days per month': 'two' }).problems).toEqual([
      error(
        'Skills',
        'Days per month',
        'invalid-number',
        'Days per month must be a number, like 2.5 — found "two".',
      ),
    ]);
  });
});

describe('choices, councils, text', () => {
  it('matches choices case-insensitively to their canonical spelling', () => {
    const { row } = parseRow('Projects', { Theme: 'digital  GOVERNMENT', Phase: 'beta', RAG: ' amber ' });
    expect(row).toMatchObject({ theme: 'Digital government', phase: 'Beta', rag: 'Amber' });
    expect(parseRow('Contributions', { Type: 'CASH' }).row?.type).toBe('Cash');
  });

  it('lists the allowed choices when a value is not one of them', () => {
    expect(parseRow('Skills', { Level: 'Guru' }).problems).toEqual([
      error(
        'Skills',
        'Level',
        'not-in-list',
        'Level must be one of Awareness, Working, Practitioner, Expert — found "Guru".',
      ),
    ]);
  });

  it('accepts a council ID in any case or a council name, and splits partners on , and ;', () => {
    const { row } = parseRow('Projects', {
      'Lead council': 'Oxford City Council',
      Partners: 'Cherwell; west-oxfordshire,, oxford-city',
    });
    expect(row).toMatchObject({
      lead: 'oxford-city',
      partners: ['cherwell', 'west-oxfordshire', 'oxford-city'],
    });
  });

  it('names the partnership councils when a council is not one of them', () => {
    expect(parseRow('Projects', { 'Lead council': 'Banbury Town' }).problems).toEqual([
      error(
        'Projects',
        'Lead council',
        'unknown-council',
        'Lead council must be a council of the partnership (cherwell, oxford-city, west-oxfordshire) — found "Banbury Town".',
      ),
    ]);
  });

  it('requires required cells and limits lengths', () => {
    expect(parseRow('Projects', { Title: '  ', 'Project ID': 'OX 1' }).problems).toEqual([
      error(
        'Projects',
        'Project ID',
        'invalid-id',
        'Project ID must be up to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit — found "OX 1".',
      ),
      error('Projects', 'Title', 'required', 'Title is required but the cell is blank.'),
    ]);
    expect(parseRow('Contributions', { Reference: 'R'.repeat(101) }).problems).toEqual([
      error(
        'Contributions',
        'Reference',
        'too-long',
        'Reference must be at most 100 characters — found 101.',
      ),
    ]);
  });

  it('checks e-mail addresses', () => {
    expect(parseRow('Skills', { Email: 'raj at pixel' }).problems).toEqual([
      error(
        'Skills',
        'Email',
        'invalid-email',
        'Email must be an email address, like name@council.gov.uk — found "raj at pixel".',
      ),
    ]);
  });
});
