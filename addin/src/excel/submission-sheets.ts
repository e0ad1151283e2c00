// Load last submission: a stored return written back into the council tables (after the user agreed).
import { COUNCIL_LAYOUTS, COUNCIL_SHEET_KEYS } from '../../../shared/sheets/index.js';
import { rowsToGrid } from '../../../shared/parse/index.js';
import type { CouncilSubmission } from '../../../shared/schemas.js';
import type { SetupOptions } from './setup-sheets.js';
import { setUpCouncilSheets } from './setup-sheets.js';
import { replaceTableRows } from './write-table.js';

export async function writeSubmission(
  context: Excel.RequestContext,
  submission: CouncilSubmission,
  setup: SetupOptions,
): Promise<void> {
  // The tables must exist (and have every column) before rows go in; this repairs without deleting.
  await setUpCouncilSheets(context, setup);
  for (const layout of COUNCIL_LAYOUTS) {
    const grid = rowsToGrid(
      layout,
      submission[COUNCIL_SHEET_KEYS[layout.sheet as keyof typeof COUNCIL_SHEET_KEYS]],
      { dates: 'serial' },
    );
    await replaceTableRows(context, layout.table, { headers: grid[0] as string[], rows: grid.slice(1) });
  }
}
