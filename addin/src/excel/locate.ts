// Where a problem lives in the workbook, for the pane's links and the error marks.
import { ABOUT_SHEET, normaliseHeader } from '../../../shared/sheets/index.js';
import type { Problem } from '../../../shared/schemas.js';
import { blockAddress } from './addresses.js';
import type { CouncilSnapshot } from './council-sheets.js';

export interface CellTarget {
  sheet: string;
  address: string;
}

export function locateProblem(problem: Problem, snapshot: CouncilSnapshot): CellTarget | undefined {
  const found = Object.entries(snapshot.sheets).find(
    ([name]) => name.toLowerCase() === problem.sheet.toLowerCase(),
  )?.[1];
  if (!found || problem.row === null) return undefined;
  const headers = (found.values[0] ?? []).map((h) => normaliseHeader(String(h ?? '')));
  const width = Math.max(headers.length, 1);
  const index = problem.column === null ? -1 : headers.indexOf(normaliseHeader(problem.column));
  if (index >= 0) {
    return {
      sheet: found.sheet,
      address: blockAddress({ column: found.firstColumn + index, row: problem.row }, 1, 1),
    };
  }
  if (problem.sheet.toLowerCase() === ABOUT_SHEET.toLowerCase()) {
    // About is label | value: the value is what the user must change.
    return {
      sheet: found.sheet,
      address: blockAddress({ column: found.firstColumn + 1, row: problem.row }, 1, 1),
    };
  }
  return {
    sheet: found.sheet,
    address: blockAddress({ column: found.firstColumn, row: problem.row }, 1, width),
  };
}
