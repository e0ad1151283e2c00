// A workbook the reader refused (too big, not a zip, a zip bomb, XXE, ...) becomes a clear 4xx.
import { HttpError } from '../../errors.js';
import { WorkbookRejected } from '../../workbook/read.js';

export function rejectedWorkbook(error: unknown): never {
  if (error instanceof WorkbookRejected) throw new HttpError(error.status, error.code, error.message);
  throw error;
}
