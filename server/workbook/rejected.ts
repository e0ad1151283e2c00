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
