/** Why a workbook was refused before any of its data was used; `status` is the HTTP status to answer with. */
export class WorkbookRejected extends Error {
  override readonly name = 'WorkbookRejected';
  constructor(
    readonly code: string,
    readonly status: 413 | 422 | 400,
    message: string,
    /** Where the problem is, when it is one sheet or cell (row as Excel shows it, column as a letter). */
    readonly where?: { sheet: string; row?: number; column?: string },
  ) {
    super(message);
  }
}

/** What a reader that cannot make sense of a part throws; it is answered as a damaged workbook. */
export const damaged = (): WorkbookRejected =>
  new WorkbookRejected('unreadable', 422, 'This workbook is damaged and could not be read.');

/** A workbook that breaks Excel's own rules or limits, refused before it is read. */
export const badWorkbook = (message: string, where?: WorkbookRejected['where']): WorkbookRejected =>
  new WorkbookRejected('bad-workbook', 422, message, where);
