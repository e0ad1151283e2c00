// Sheets the add-in owns (its drop-down lists, the consolidated Summary) are named in a
// workbook setting: that marker, not the name, is what lets the pane rewrite them. A sheet of the same
// name without the marker is the user's and is never touched: the pane takes the next free name.
import { CONSOLIDATED_SHEETS } from '../../../shared/report/index.js';
import { t as say } from '../words.js';

export const OWNED_SHEETS_SETTING = 'SharedCdo.ownedSheets';

/**
 * Earlier versions also owned a Dashboard of charts; the charts are on the Summary now, and a Dashboard
 * recorded before is no longer the add-in's to rewrite (it is left as it is).
 */
export type OwnedRole = 'lists' | 'summary';

/** The name each owned sheet gets when it is free; the lists' name is the product's, to avoid clashes. */
export const OWNED_SHEET_NAMES: Readonly<Record<OwnedRole, string>> = {
  lists: 'SharedCdoLists',
  summary: CONSOLIDATED_SHEETS.summary,
};

export interface OwnedSheet {
  name: string;
  sheet: Excel.Worksheet;
  /** False when the sheet is added by this batch. */
  existed: boolean;
  /** A sentence for the user when their own sheet had the usual name and was left alone. */
  notice?: string;
}

const EXCEL_SHEET_NAME_MAX = 31;

function parseOwned(value: unknown): Partial<Record<OwnedRole, string>> {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (e): e is [OwnedRole, string] => e[0] in OWNED_SHEET_NAMES && typeof e[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/**
 * The workbook's structure is protected (Review › Protect Workbook): Excel refuses to add sheets, so
 * the pane stops before changing anything and says which sheets it needed.
 */
export class WorkbookProtected extends Error {
  constructor(readonly sheets: readonly string[]) {
    const names = sheets.map((s) => `“${s}”`).join(', ');
    super(
      sheets.length === 1
        ? say('excel.workbookProtectedOne', { sheet: names })
        : say('excel.workbookProtectedMany', { sheets: names }),
    );
    this.name = 'WorkbookProtected';
  }
}

/** `base`, else `base (2)`, `base (3)`… — the first name no sheet has (Excel compares names case-blind). */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, EXCEL_SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Finds or adds the owned sheets for `roles` (one round trip) and queues recording them in the
 * workbook's settings; the caller's next sync adds the sheets and saves the marker.
 */
export async function claimOwnedSheets<R extends OwnedRole>(
  context: Excel.RequestContext,
  roles: readonly R[],
): Promise<Record<R, OwnedSheet>> {
  const { worksheets, settings, protection } = context.workbook;
  const marker = settings.getItemOrNullObject(OWNED_SHEETS_SETTING);
  marker.load('value');
  worksheets.load('items/name');
  protection.load('protected');
  await context.sync();

  const owned = marker.isNullObject ? {} : parseOwned(marker.value);
  const taken = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
  const claimed = {} as Record<R, OwnedSheet>;
  for (const role of roles) {
    const recorded = owned[role];
    if (recorded && taken.has(recorded.toLowerCase())) {
      claimed[role] = { name: recorded, sheet: worksheets.getItem(recorded), existed: true };
      continue;
    }
    const base = OWNED_SHEET_NAMES[role];
    const name = freeSheetName(base, taken);
    if (protection.protected) throw new WorkbookProtected([name]);
    taken.add(name.toLowerCase());
    owned[role] = name;
    claimed[role] = {
      name,
      sheet: worksheets.add(name),
      existed: false,
      ...(name === base
        ? {}
        : {
            notice: say('excel.sheetNameTaken', { sheet: base, instead: name }),
          }),
    };
  }
  settings.add(OWNED_SHEETS_SETTING, JSON.stringify(owned));
  return claimed;
}
