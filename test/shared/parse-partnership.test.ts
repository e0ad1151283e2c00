import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asPeriod } from '../../shared/dates.js';
import {
  BUDGET_LAYOUT,
  CDO_TIME_LAYOUT,
  COST_SHARES_LAYOUT,
  COUNCILS_LAYOUT,
  FUNDING_LAYOUT,
} from '../../shared/sheets/index.js';
import type { WorkbookGrids } from '../../shared/parse/index.js';
import { parsePartnershipWorkbook, rowsToGrid, validatePartnership } from '../../shared/parse/index.js';
import type { Partnership } from '../../shared/schemas.js';
import { partnershipSchema } from '../../shared/schemas.js';
import { at, mutatedSheet, partnership } from './parse-fixtures.js';

const full: Partnership = partnershipSchema.parse({
  ...partnership,
  hybridEqualPercent: 40,
  submissionDeadlineDay: 12,
  rollupRecipients: ['cdo@oxfordshire.gov.uk', 'chairs@oxfordshire.gov.uk'],
  reminderDaysBeforeDeadline: 5,
  councils: [
    { ...partnership.councils[0]!, contactEmail: 'digital@cherwell.gov.uk', joined: '2025-04-01' },
    { ...partnership.councils[1]!, left: '2027-03-31' },
    partnership.councils[2]!,
  ],
  funding: [
    { financialYear: '2026-27', funder: 'Local Digital Fund', amountPence: 8_000_000, status: 'Confirmed' },
  ],
  cdoTime: [
    { month: '2026-04', council: 'cherwell', days: 4.5 },
    { month: '2026-04', council: 'oxford-city', days: 3, notes: 'Strategy day' },
  ],
  costShares: [
    { financialYear: '2026-27', council: 'cherwell', sharePercent: 60 },
    { financialYear: '2026-27', council: 'oxford-city', sharePercent: 40 },
  ],
});

function settingsValues(p: Partnership): unknown[][] {
  return [
    ['Setting', 'Value'],
    ['Partnership name', p.name],
    ['Cost-share method', p.costShareMethod],
    ['Hybrid equal part (%)', p.hybridEqualPercent],
    ['Submission deadline (day of month)', p.submissionDeadlineDay],
    ['Roll-up recipients', p.rollupRecipients.join('; ')],
    ['Reminder days before deadline', p.reminderDaysBeforeDeadline],
  ];
}

function partnershipGrids(p: Partnership, settings = settingsValues(p)): WorkbookGrids {
  return {
    Settings: { values: settings },
    Councils: { values: rowsToGrid(COUNCILS_LAYOUT, p.councils) },
    Budget: { values: rowsToGrid(BUDGET_LAYOUT, p.budget) },
    Funding: { values: rowsToGrid(FUNDING_LAYOUT, p.funding) },
    'CDO time': { values: rowsToGrid(CDO_TIME_LAYOUT, p.cdoTime, { dates: 'serial' }) },
    'Cost shares': { values: rowsToGrid(COST_SHARES_LAYOUT, p.costShares) },
  };
}

describe('parsePartnershipWorkbook', () => {
  it('reads every sheet back to the same partnership', () => {
    expect(parsePartnershipWorkbook(partnershipGrids(full))).toEqual({
      partnership: full,
      problems: [],
      errorCount: 0,
    });
  });

  it('fills the settings defaults and notes sheets that are not there', () => {
    const grids: WorkbookGrids = {
      Settings: {
        values: [
          ['Partnership name', 'Oxfordshire Digital Partnership'],
          ['Cost-share method', 'equal'],
        ],
      },
      Councils: { values: rowsToGrid(COUNCILS_LAYOUT, partnership.councils) },
    };
    const { partnership: read, problems } = parsePartnershipWorkbook(grids);
    expect(read).toMatchObject({
      costShareMethod: 'Equal',
      hybridEqualPercent: 50,
      submissionDeadlineDay: 10,
      rollupRecipients: [],
      reminderDaysBeforeDeadline: 3,
      budget: [],
      costShares: [],
    });
    expect(problems.map((p) => [p.sheet, p.code, p.severity, p.message])).toEqual([
      ['Budget', 'missing-sheet', 'note', 'The workbook has no sheet named "Budget"; it is read as empty.'],
      ['Funding', 'missing-sheet', 'note', 'The workbook has no sheet named "Funding"; it is read as empty.'],
      [
        'CDO time',
        'missing-sheet',
        'note',
        'The workbook has no sheet named "CDO time"; it is read as empty.',
      ],
      [
        'Cost shares',
        'missing-sheet',
        'note',
        'The workbook has no sheet named "Cost shares"; it is read as empty.',
      ],
    ]);
  });

  it('names the Settings value cell that is wrong', () => {
    const settings = settingsValues(full);
    settings[2]![1] = 'Random';
    settings[3]![1] = 150;
    settings[4]![1] = '31';
    settings[5]![1] = 'cdo@oxfordshire.gov.uk; chairs';
    settings.splice(1, 1); // no Partnership name row
    const { partnership: read, problems } = parsePartnershipWorkbook(partnershipGrids(full, settings));
    expect(read).toBeUndefined();
    expect(problems).toEqual([
      at(
        'Settings',
        null,
        'Value',
        'missing-label',
        'The Settings sheet has no "Partnership name" row; add that label with its value in the next cell.',
      ),
      at(
        'Settings',
        2,
        'Value',
        'not-in-list',
        'Cost-share method must be one of Equal, Population, Hybrid, Usage, Fixed — found "Random".',
      ),
      at(
        'Settings',
        3,
        'Value',
        'out-of-range',
        'Hybrid equal part (%) must be between 0 and 100 — found 150.',
      ),
      at(
        'Settings',
        4,
        'Value',
        'out-of-range',
        'Submission deadline (day of month) must be between 1 and 28 — found 31.',
      ),
      at(
        'Settings',
        5,
        'Value',
        'invalid-email',
        'Roll-up recipients must be email addresses separated by ; — found "chairs".',
      ),
    ]);
  });

  it('lower-cases council IDs, accepts council names in other sheets and checks identifiers', () => {
    const grids = partnershipGrids(full);
    grids.Councils!.values[1]![0] = 'Cherwell';
    grids['Cost shares']!.values[2]![1] = 'Oxford City Council';
    const read = parsePartnershipWorkbook(grids);
    expect(read.problems).toEqual([]);
    expect(read.partnership?.councils[0]!.id).toBe('cherwell');
    expect(read.partnership?.costShares[1]!.council).toBe('oxford-city');

    grids.Councils!.values[2]![0] = 'Oxford City';
    grids.Budget!.values[1]![0] = '2026-28';
    expect(parsePartnershipWorkbook(grids).problems).toEqual([
      at(
        'Councils',
        3,
        'Council ID',
        'invalid-id',
        'Council ID must be a council ID: lower-case letters and digits joined by hyphens, like vale-of-white-horse — found "Oxford City".',
      ),
      at(
        'Budget',
        2,
        'Financial year',
        'invalid-financial-year',
        'Financial year must be a financial year, like 2026-27 — found "2026-28".',
      ),
      // The council whose row was refused is unknown wherever it is named.
      at(
        'CDO time',
        3,
        'Council ID',
        'unknown-council',
        'Council ID must be a council of the partnership (cherwell, west-oxfordshire) — found "oxford-city".',
      ),
      at(
        'Cost shares',
        3,
        'Council ID',
        'unknown-council',
        'Council ID must be a council of the partnership (cherwell, west-oxfordshire) — found "Oxford City Council".',
      ),
    ]);
  });

  it('refuses Fixed shares that do not total 100%, naming the Cost shares sheet', () => {
    const fixed = { ...full, costShareMethod: 'Fixed' as const };
    const grids = partnershipGrids(fixed);
    grids['Cost shares']!.values[2]![2] = '30%';
    expect(parsePartnershipWorkbook(grids)).toEqual({
      problems: [
        at(
          'Cost shares',
          null,
          'Share (%)',
          'shares-missing',
          "Cost shares has no rows for 2025-26; the Fixed cost-share method needs each financial year's shares to total 100%.",
        ),
        at(
          'Cost shares',
          null,
          'Share (%)',
          'shares-not-100',
          'Cost shares for 2026-27 total 90%; the Fixed cost-share method needs them to total 100%.',
        ),
      ],
      errorCount: 2,
    });
  });
});

describe('validatePartnership', () => {
  it('accepts a consistent partnership', () => {
    expect(validatePartnership(full)).toEqual([]);
  });

  it('allows Fixed shares within 0.01 of 100', () => {
    const fixed: Partnership = {
      ...full,
      costShareMethod: 'Fixed',
      budget: full.budget.filter((b) => b.financialYear === '2026-27'),
      costShares: [
        { financialYear: '2026-27', council: 'cherwell', sharePercent: 33.33 },
        { financialYear: '2026-27', council: 'oxford-city', sharePercent: 33.33 },
        { financialYear: '2026-27', council: 'west-oxfordshire', sharePercent: 33.33 },
      ],
    };
    expect(validatePartnership(fixed)).toEqual([]);
    fixed.costShares[2]!.sharePercent = 33.32;
    expect(validatePartnership(fixed)).toEqual([
      at(
        'Cost shares',
        null,
        'Share (%)',
        'shares-not-100',
        'Cost shares for 2026-27 total 99.98%; the Fixed cost-share method needs them to total 100%.',
      ),
    ]);
  });

  it('refuses repeated council IDs, Left before Joined and unknown councils', () => {
    const broken: Partnership = {
      ...full,
      councils: [
        { ...full.councils[0]!, joined: '2026-04-01', left: '2026-03-31' },
        full.councils[1]!,
        { ...full.councils[2]!, id: 'cherwell' },
      ],
      cdoTime: [{ month: asPeriod('2026-05'), council: 'west-oxfordshire', days: 1 }],
    };
    expect(validatePartnership(broken)).toEqual([
      at(
        'Councils',
        2,
        'Left',
        'left-before-joined',
        'Left (31/03/2026) must not be before Joined (01/04/2026).',
      ),
      at(
        'Councils',
        4,
        'Council ID',
        'duplicate-row',
        'Same Council ID as row 2 (cherwell); each must appear only once on this sheet.',
      ),
      at(
        'CDO time',
        2,
        'Council ID',
        'unknown-council',
        'Council ID must be a council of the partnership (cherwell, oxford-city) — found "west-oxfordshire".',
      ),
    ]);
  });
});

describe('a partnership workbook whatever its cells hold', () => {
  it('is read without throwing, and a partnership is given exactly when nothing is in error', () => {
    fc.assert(
      fc.property(
        mutatedSheet(COUNCILS_LAYOUT, full.councils),
        mutatedSheet(BUDGET_LAYOUT, full.budget),
        mutatedSheet(FUNDING_LAYOUT, full.funding),
        mutatedSheet(CDO_TIME_LAYOUT, full.cdoTime),
        mutatedSheet(COST_SHARES_LAYOUT, full.costShares),
        fc.constantFrom('Equal', 'Fixed', 'fixed', 'Usage', 'Random'),
        (councils, budget, funding, cdoTime, costShares, method) => {
          const settings = settingsValues(full);
          settings[2]![1] = method;
          const grids: WorkbookGrids = {
            Settings: { values: settings },
            Councils: { values: councils },
            Budget: { values: budget },
            Funding: { values: funding },
            'CDO time': { values: cdoTime },
            'Cost shares': { values: costShares },
          };
          const { partnership: read, problems } = parsePartnershipWorkbook(grids);
          expect(problems.map((p) => p.code)).not.toContain('invalid-partnership');
          const errors = problems.filter((p) => p.severity === 'error');
          expect(read === undefined).toBe(errors.length > 0);
          if (read) expect(validatePartnership(read).filter((p) => p.severity === 'error')).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a partnership row with a faulty cell', () => {
  it('still gets the rules over the fields that were read, and no total over a share that was not', () => {
    const fixed = {
      ...full,
      costShareMethod: 'Fixed' as const,
      // Row 3: Oxford City left before it joined, and its Population cannot be read.
      councils: [full.councils[0]!, { ...full.councils[1]!, joined: '2027-04-01' }, full.councils[2]!],
    };
    const grids = partnershipGrids(fixed);
    const councils = grids.Councils!.values;
    councils[2]![councils[0]!.indexOf('Population')] = 'many';
    // Row 3: Oxford City's share cannot be read, so 2026-27's total is unknown; 2025-26 has no shares.
    grids['Cost shares']!.values[2]![2] = 'forty';
    const { problems, errorCount, partnership: read } = parsePartnershipWorkbook(grids);
    expect(problems.map((p) => `${p.sheet} ${p.row} ${p.column} ${p.code}`)).toEqual([
      'Councils 3 Population invalid-number',
      'Councils 3 Left left-before-joined',
      'Cost shares null Share (%) shares-missing',
      'Cost shares 3 Share (%) invalid-number',
    ]);
    expect(problems[1]!.message).toBe('Left (31/03/2027) must not be before Joined (01/04/2027).');
    expect(errorCount).toBe(4);
    expect(read).toBeUndefined();
  });
});
