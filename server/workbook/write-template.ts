// The workbooks people fill in: a council's return (About + Contributions, Skills, Projects) and the
// CDO's partnership workbook (Settings + five sheets). Each data sheet is an Excel table laid out by its
// SheetLayout, with the layout's formats and drop-down lists (kept on a hidden Lists sheet, so lists of
// any length and values with commas work), optionally pre-filled with earlier data.
import { financialYearOf, periodLabel } from '../../shared/dates.js';
import {
  ABOUT_LABELS,
  ABOUT_SHEET,
  COUNCIL_LAYOUTS,
  COUNCIL_SHEET_KEYS,
  PARTNERSHIP_LAYOUTS,
  PARTNERSHIP_SHEET_KEYS,
  SETTINGS_LABELS,
  SETTINGS_SHEET,
  TEXT_FORMAT,
  listValues,
  type ListSource,
  type SheetLayout,
} from '../../shared/layouts.js';
import type { CouncilSubmission, Partnership } from '../../shared/schemas.js';
import { COST_SHARE_METHODS, LAYOUT_VERSION } from '../../shared/vocabulary.js';
import { columnLetter } from './columns.js';
import { layoutSheet } from './layout-sheet.js';
import { writeXlsx, type Cell, type SheetSpec, type Validation } from './xlsx-writer.js';

export interface CouncilTemplateOptions {
  council: string;
  period: string;
  partnership?: Partnership;
  /** Rows to pre-fill, e.g. the council's last return. */
  submission?: CouncilSubmission;
}

const LISTS_SHEET = 'Lists';

const LIST_TITLES: Record<ListSource, string> = {
  skills: 'Skills',
  skillLevels: 'Levels',
  phases: 'Phases',
  rags: 'RAG',
  themes: 'Themes',
  organisationTypes: 'Organisation types',
  contributionTypes: 'Contribution types',
  memberships: 'Memberships',
  fundingStatuses: 'Funding statuses',
  costShareMethods: 'Cost-share methods',
  budgetLines: 'Budget lines',
  councils: 'Councils',
};

/** The drop-down lists of one workbook, as columns of its hidden Lists sheet. */
class Lists {
  private readonly columns: { title: string; values: string[] }[] = [];
  private readonly refs = new Map<ListSource, string | undefined>();

  constructor(
    private readonly partnership: Partnership | undefined,
    private readonly financialYear: string | undefined,
  ) {}

  /** A range for the list, or undefined when it has no values (no partnership to take them from). */
  ref(source: ListSource): string | undefined {
    if (!this.refs.has(source)) {
      const values = listValues(source, this.partnership, this.financialYear);
      let ref: string | undefined;
      if (values.length) {
        this.columns.push({ title: LIST_TITLES[source], values });
        const letter = columnLetter(this.columns.length);
        ref = `${LISTS_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`;
      }
      this.refs.set(source, ref);
    }
    return this.refs.get(source);
  }

  sheet(): SheetSpec {
    const height = Math.max(0, ...this.columns.map((c) => c.values.length));
    const rows = Array.from({ length: height }, (_, i) => this.columns.map((c) => c.values[i]));
    return {
      name: LISTS_SHEET,
      columns: this.columns.map((c) => ({ header: c.title, width: 28, numberFormat: TEXT_FORMAT })),
      rows,
      rowCount: rows.length,
      hidden: true,
    };
  }
}

/**
 * Every column's input prompt (its one sentence from the layout), with its drop-down list or number
 * check where it has one.
 */
function validationsFor(layout: SheetLayout, lists: Lists): Validation[] {
  return layout.columns.map((column, index): Validation => {
    const prompt = column.prompt ? { prompt: { title: column.header, text: column.prompt } } : {};
    if (column.list) {
      const ref = lists.ref(column.list);
      const message = `Choose ${column.header} from the list.`;
      if (ref) return { column: index, type: 'list', formula1: ref, message, ...prompt };
    }
    const numeric = column.type === 'money' || column.type === 'number' || column.type === 'percent';
    if ((!numeric && column.type !== 'integer') || column.min === undefined) {
      return { column: index, type: 'any', ...prompt };
    }
    const range = column.max === undefined ? `${column.min} or more` : `from ${column.min} to ${column.max}`;
    return {
      column: index,
      type: numeric ? 'decimal' : 'whole',
      formula1: String(column.min),
      ...(column.max === undefined ? {} : { formula2: String(column.max) }),
      message: `${column.header} must be a ${numeric ? 'number' : 'whole number'} ${range}.`,
      ...prompt,
    };
  });
}

function dataSheet(layout: SheetLayout, rows: readonly object[], lists: Lists): SheetSpec {
  return layoutSheet(layout, rows, { validations: validationsFor(layout, lists) });
}

function labelValueSheet(
  name: string,
  labelHeader: string,
  rows: Cell[][],
  extra: Partial<SheetSpec> = {},
): SheetSpec {
  return {
    name,
    columns: [
      { header: labelHeader, width: 36 },
      { header: 'Value', width: 48 },
    ],
    rows,
    rowCount: rows.length,
    freezeHeader: true,
    ...extra,
  };
}

/** A council's return workbook for a period, with its drop-down lists and, when given, its rows. */
export async function writeCouncilTemplate(
  out: NodeJS.WritableStream,
  options: CouncilTemplateOptions,
): Promise<void> {
  const { council, period, partnership, submission } = options;
  const financialYear = financialYearOf(period);
  const councilName = partnership?.councils.find((c) => c.id === council)?.name ?? council;
  const month = periodLabel(period);
  const lists = new Lists(partnership, financialYear);
  const about = labelValueSheet(ABOUT_SHEET, 'Label', [
    [ABOUT_LABELS.council, council],
    [ABOUT_LABELS.period, period],
    [ABOUT_LABELS.layoutVersion, LAYOUT_VERSION],
    [],
    [{ value: `How to fill in this return for ${periodLabel(period)}`, bold: true }],
    [
      `Contributions: one row per cash payment or in-kind allocation, for months of ${financialYear} up to ${periodLabel(period)}.`,
    ],
    [
      'Skills: one row per person and skill, with their level and the days a month they give the partnership.',
    ],
    ['Projects: one row per project your council leads or takes part in.'],
    ['Keep the sheet names and column headers. Columns you add for your own working are kept and ignored.'],
    ['Money is in pounds; dates are dates or dd/mm/yyyy; pick listed values from the drop-downs.'],
    [
      `Submit with the Shared CDO add-in, or: shared-cdo submit --council ${council} --period ${period} FILE.xlsx`,
    ],
  ]);
  const sheets = COUNCIL_LAYOUTS.map((layout) =>
    dataSheet(
      layout,
      submission?.[COUNCIL_SHEET_KEYS[layout.sheet as keyof typeof COUNCIL_SHEET_KEYS]] ?? [],
      lists,
    ),
  );
  await writeXlsx([about, ...sheets, lists.sheet()], out, {
    title: `${councilName}: return for ${month}`,
    subject: `Shared CDO return for ${month}`,
    footer: [partnership?.name, councilName, `Return for ${month}`].filter(Boolean).join(' · '),
  });
}

/** The CDO's partnership workbook: Settings and the Councils, Budget, Funding, CDO time and Cost shares tables. */
export async function writePartnershipWorkbook(
  out: NodeJS.WritableStream,
  partnership: Partnership,
): Promise<void> {
  const lists = new Lists(partnership, undefined);
  const methods = lists.ref('costShareMethods');
  const settings = labelValueSheet(
    SETTINGS_SHEET,
    'Setting',
    [
      [SETTINGS_LABELS.name, partnership.name],
      [SETTINGS_LABELS.costShareMethod, partnership.costShareMethod],
      [SETTINGS_LABELS.hybridEqualPercent, partnership.hybridEqualPercent],
      [SETTINGS_LABELS.submissionDeadlineDay, partnership.submissionDeadlineDay],
      [SETTINGS_LABELS.rollupRecipients, partnership.rollupRecipients.join('; ')],
      [SETTINGS_LABELS.reminderDaysBeforeDeadline, partnership.reminderDaysBeforeDeadline],
    ],
    {
      validations: methods
        ? [
            {
              column: 1,
              type: 'list',
              formula1: methods,
              message: `Choose one of ${COST_SHARE_METHODS.join(', ')}.`,
              // The method is the second setting, under the header: only its cell gets the list.
              rows: { first: 3, last: 3 },
            },
          ]
        : [],
    },
  );
  const sheets = PARTNERSHIP_LAYOUTS.map((layout) =>
    dataSheet(
      layout,
      partnership[PARTNERSHIP_SHEET_KEYS[layout.sheet as keyof typeof PARTNERSHIP_SHEET_KEYS]],
      lists,
    ),
  );
  await writeXlsx([settings, ...sheets, lists.sheet()], out, {
    title: `${partnership.name}: partnership settings`,
    subject: `Partnership settings, councils and budget (${financialYears(partnership)})`,
    footer: `${partnership.name} · Partnership settings`,
  });
}

/** "2026-27" or "2026-27 to 2027-28": the financial years the budget covers. */
function financialYears(partnership: Partnership): string {
  const years = [...new Set(partnership.budget.map((b) => b.financialYear))].sort();
  if (years.length === 0) return 'no budget yet';
  return years.length === 1 ? years[0]! : `${years[0]} to ${years[years.length - 1]}`;
}
