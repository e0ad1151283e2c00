// The workbooks people fill in: a council's return (About + Contributions, Skills, Projects) and the
// CDO's partnership workbook (Settings + five sheets). Each data sheet is an Excel table laid out by its
// sheet definition, with its formats, input prompts and rules (drop-down lists kept on a hidden Lists
// sheet, so lists of any length and values with commas work), optionally pre-filled with earlier data.
import { financialYearOf, periodLabel } from '../../shared/dates.js';
import {
  ABOUT_LABELS,
  ABOUT_SHEET,
  columnRule,
  COUNCIL_LAYOUTS,
  COUNCIL_SHEET_KEYS,
  dropDownLists,
  PARTNERSHIP_LAYOUTS,
  PARTNERSHIP_SHEET_KEYS,
  SETTINGS_FIELDS,
  SETTINGS_SHEET,
  TEXT_FORMAT,
  type ColumnLayout,
  type DropDownList,
  type ListSource,
  type Partnership,
  type SheetLayout,
} from '../../shared/sheets/index.js';
import type { CouncilSubmission } from '../../shared/schemas.js';
import { rowsToGrid } from '../../shared/parse/index.js';
import { LAYOUT_VERSION } from '../../shared/vocabulary.js';
import { columnLetter } from '../xlsx/cell-ref.js';
import type { Cell, SheetSpec, Validation } from '../xlsx/write/index.js';
import { layoutSheet } from './layout-sheet.js';
import { writeXlsx } from './write.js';

export interface CouncilTemplateOptions {
  council: string;
  period: string;
  partnership?: Partnership;
  /** Rows to pre-fill, e.g. the council's last return. */
  submission?: CouncilSubmission;
}

const LISTS_SHEET = 'Lists';

/** A workbook's drop-down lists as the hidden Lists sheet, and the range each list's rule points at. */
function listsSheet(lists: readonly DropDownList[]): {
  sheet: SheetSpec;
  range: (source: ListSource) => string | undefined;
} {
  const height = Math.max(0, ...lists.map((l) => l.values.length));
  const rows = Array.from({ length: height }, (_, i) => lists.map((l) => l.values[i]));
  const ranges = new Map(
    lists.map((l, i) => {
      const letter = columnLetter(i + 1);
      return [l.source, `${LISTS_SHEET}!$${letter}$2:$${letter}$${l.values.length + 1}`];
    }),
  );
  return {
    sheet: {
      name: LISTS_SHEET,
      columns: lists.map((l) => ({ header: l.title, width: 28, numberFormat: TEXT_FORMAT })),
      rows,
      rowCount: rows.length,
      hidden: true,
    },
    range: (source) => ranges.get(source),
  };
}

/** A column's rule from its definition (shared with the add-in's Set up), as the writer takes it. */
function validation(
  column: ColumnLayout,
  index: number,
  range: (source: ListSource) => string | undefined,
  rows?: Validation['rows'],
): Validation | undefined {
  const rule = columnRule(column, range);
  if (!rule) return undefined;
  const prompt = rule.prompt ? { prompt: { title: rule.prompt.title, text: rule.prompt.message } } : {};
  const at = { column: index, ...(rows ? { rows } : {}) };
  const alert = rule.alert ? { alert: rule.alert } : {};
  if (rule.list) return { ...at, type: 'list', formula1: rule.list, ...alert, ...prompt };
  if (!rule.number) return { ...at, type: 'any', ...prompt };
  const { whole, min, max } = rule.number;
  return {
    ...at,
    type: whole ? 'whole' : 'decimal',
    formula1: String(min),
    ...(max === undefined ? {} : { formula2: String(max) }),
    ...alert,
    ...prompt,
  };
}

const validationsFor = (layout: SheetLayout, range: (source: ListSource) => string | undefined) =>
  layout.columns.flatMap((column, index) => validation(column, index, range) ?? []);

function dataSheet(
  layout: SheetLayout,
  rows: readonly object[],
  range: (source: ListSource) => string | undefined,
): SheetSpec {
  return layoutSheet(layout, rows, { validations: validationsFor(layout, range) });
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
  const lists = listsSheet(dropDownLists(COUNCIL_LAYOUTS, partnership, financialYear));
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
      'To send it: on the Home tab choose Shared CDO, then Check, then Submit. Without the add-in, e-mail this workbook to your Chief Digital Officer, who will submit it for you.',
    ],
  ]);
  const sheets = COUNCIL_LAYOUTS.map((layout) =>
    dataSheet(
      layout,
      submission?.[COUNCIL_SHEET_KEYS[layout.sheet as keyof typeof COUNCIL_SHEET_KEYS]] ?? [],
      lists.range,
    ),
  );
  await writeXlsx([about, ...sheets, lists.sheet], out, {
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
  const lists = listsSheet(dropDownLists([SETTINGS_FIELDS, ...PARTNERSHIP_LAYOUTS], partnership));
  const [, values = []] = rowsToGrid(SETTINGS_FIELDS, [partnership], { dates: 'serial' });
  // Each setting is a row under the header, with its rule and prompt on its value cell.
  const settings = labelValueSheet(
    SETTINGS_SHEET,
    'Setting',
    SETTINGS_FIELDS.columns.map((c, i) => [c.header, values[i] as Cell]),
    {
      validations: SETTINGS_FIELDS.columns.flatMap(
        (c, i) => validation(c, 1, lists.range, { first: i + 2, last: i + 2 }) ?? [],
      ),
    },
  );
  const sheets = PARTNERSHIP_LAYOUTS.map((layout) =>
    dataSheet(
      layout,
      partnership[PARTNERSHIP_SHEET_KEYS[layout.sheet as keyof typeof PARTNERSHIP_SHEET_KEYS]],
      lists.range,
    ),
  );
  await writeXlsx([settings, ...sheets, lists.sheet], out, {
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
