// Writes one of the service's workbooks: the xlsx library's streaming writer (server/xlsx/write/), with
// the service named as the application that made it.
import { writeXlsx as writeWorkbook, type SheetSpec, type WorkbookInfo } from '../xlsx/write/index.js';

const CREATOR = 'Shared CDO';

/** Writes the sheets as an .xlsx to `out`, resolving once the last byte is written. */
export function writeXlsx(
  sheets: readonly SheetSpec[],
  out: NodeJS.WritableStream,
  info: Omit<WorkbookInfo, 'creator'>,
): Promise<void> {
  return writeWorkbook(sheets, out, { ...info, creator: CREATOR });
}
