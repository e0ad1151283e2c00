// The Excel adapter's face to the rest of the pane: each function is one Excel.run batch built from
// the modules beside it. Nothing outside addin/src/excel/ calls Office.js.
import { message } from '../../../shared/i18n/index.js';
import { t as say } from '../words.js';
import type { ConsolidatedView, CouncilSubmission } from '../../../shared/schemas.js';
import type { CheckContext, CheckResult } from './check.js';
import { checkWorkbook } from './check.js';
import type { ConsolidatedReport } from './consolidated-sheets.js';
import { writeConsolidatedView } from './consolidated-sheets.js';
import type { CellTarget } from './locate.js';
import { selectCell } from './select-cell.js';
import type { SetupOptions, SetupReport } from './setup-sheets.js';
import { SheetsProtected, setUpCouncilSheets } from './setup-sheets.js';
import { WorkbookProtected } from './owned-sheets.js';
import { writeSubmission } from './submission-sheets.js';
import type { WorkbookChoices } from './workbook-settings.js';
import { readWorkbookChoices, saveWorkbookChoices } from './workbook-settings.js';

export type { CheckResult, LocatedProblem } from './check.js';
export { locateAll } from './check.js';
export type { CellTarget } from './locate.js';
export type { SetupReport } from './setup-sheets.js';
export type { DropDownLists } from './lists-sheet.js';
export { WorkbookConflict } from './consolidated-sheets.js';
export type { WorkbookChoices } from './workbook-settings.js';
export { versionKey } from './workbook-settings.js';

export interface HostInfo {
  inExcel: boolean;
  partitionKey?: string;
  /** Office's theme colours, when the host gives them. */
  theme?: { background: string; foreground: string };
  /** ExcelApi 1.8: data validation and the rest of what the pane uses. */
  supported: boolean;
  /**
   * Whether the pane's web view saves a file the pane hands it (a blob link). Excel for Mac's and
   * iPad's web views ignore such a download; there the file opens in the system browser instead.
   */
  savesDownloads: boolean;
  /**
   * Office's display language (File > Options > Language), a tag such as en-GB or cy-GB; absent
   * outside Excel. The pane speaks Welsh when it is Welsh (DESIGN §12).
   */
  displayLanguage?: string;
}

/** Opens `url` in the user's default browser, outside Office (Office.context.ui, requirement set 1.1). */
export const openInBrowser = (url: string): void => Office.context.ui.openBrowserWindow(url);

/** What the pane says when Excel refuses because the user is still typing in a cell. */
export const CELL_EDIT_MODE_MESSAGE = message('en', 'excel.cellEditMode');

/**
 * A sentence for Excel's refusals the user can act on, or undefined. Codes are Excel.ErrorCodes
 * ("Error handling with the application-specific JavaScript APIs"). AccessDenied is Excel's answer to
 * a change in a workbook open read-only (View mode, a file shared to read) or a protected sheet the
 * pane did not know of; InvalidOperationInCellEditMode comes while the user is still typing in a cell
 * (office-js #625, #856, #3020); a FilteredRangeConflict the pane did not prevent means a filter was
 * turned on while it worked.
 */
export function excelRefusal(error: unknown): string | undefined {
  if (error instanceof SheetsProtected || error instanceof WorkbookProtected) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'InvalidOperationInCellEditMode') return say('excel.cellEditMode');
  if (code === 'AccessDenied') return say('excel.accessDenied');
  if (code === 'FilteredRangeConflict') return say('excel.filtered');
  return undefined;
}

/** False when Microsoft's office.js did not load (the CDN is blocked or unreachable). */
export const officeLoaded = (): boolean => typeof Office !== 'undefined' && typeof Excel !== 'undefined';

export async function connectToHost(): Promise<HostInfo> {
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return { inExcel: false, supported: false, savesDownloads: true };
  const theme = Office.context.officeTheme;
  const platform = Office.context.platform;
  return {
    inExcel: true,
    supported: Office.context.requirements.isSetSupported('ExcelApi', '1.8'),
    savesDownloads: platform === Office.PlatformType.PC || platform === Office.PlatformType.OfficeOnline,
    ...(Office.context.displayLanguage ? { displayLanguage: Office.context.displayLanguage } : {}),
    ...(Office.context.partitionKey ? { partitionKey: Office.context.partitionKey } : {}),
    ...(theme?.bodyBackgroundColor
      ? { theme: { background: theme.bodyBackgroundColor, foreground: theme.bodyForegroundColor } }
      : {}),
  };
}

export const check = (ctx: CheckContext): Promise<CheckResult> =>
  Excel.run((context) => checkWorkbook(context, ctx));

export const setUpSheets = (options: SetupOptions): Promise<SetupReport> =>
  Excel.run((context) => setUpCouncilSheets(context, options));

export const loadSubmission = (submission: CouncilSubmission, setup: SetupOptions): Promise<void> =>
  Excel.run((context) => writeSubmission(context, submission, setup));

export const showConsolidated = (view: ConsolidatedView): Promise<ConsolidatedReport> =>
  Excel.run((context) => writeConsolidatedView(context, view));

export const goTo = (target: CellTarget): Promise<void> =>
  Excel.run((context) => selectCell(context, target.sheet, target.address));

export const readChoices = (): Promise<WorkbookChoices> =>
  Excel.run((context) => readWorkbookChoices(context));

export const saveChoices = (choices: WorkbookChoices): Promise<void> =>
  Excel.run((context) => saveWorkbookChoices(context, choices));
