// Cells marked by Check. The marked addresses are kept in the workbook's settings so that the next
// Check can clear exactly those cells and leave every other fill the user made alone.

/** A cell (or row) marked as holding an error: a local address on a sheet. */
export interface Mark {
  sheet: string;
  address: string;
}

export const MARK_FILL = '#FDE7E9';
export const MARKS_SETTING = 'SharedCdo.marks';

export function parseMarks(value: unknown): Mark[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((m): m is Mark => typeof m?.sheet === 'string' && typeof m?.address === 'string');
  } catch {
    return [];
  }
}

/**
 * Queues clearing the previous marks and setting the new ones (no sync). Marks on sheets that no longer
 * exist are dropped: the sheet (and its fills) went with them.
 */
export function queueMarks(
  context: Excel.RequestContext,
  previous: readonly Mark[],
  next: readonly Mark[],
  presentSheets: ReadonlySet<string>,
): void {
  const sheets = context.workbook.worksheets;
  for (const mark of previous) {
    if (presentSheets.has(mark.sheet)) sheets.getItem(mark.sheet).getRange(mark.address).format.fill.clear();
  }
  for (const mark of next) sheets.getItem(mark.sheet).getRange(mark.address).format.fill.color = MARK_FILL;
  context.workbook.settings.add(MARKS_SETTING, JSON.stringify(next));
}
