// The one way a partnership comes in, for PUT /partnership (in a decode worker) and for the CLI's
// --partnership file alike: JSON checked against the schema, or the partnership workbook read and
// parsed, then the checks across its sheets. Every error found is thrown at once as InvalidInput.
import { parsePartnershipWorkbook, validatePartnership } from '../../shared/parse/index.js';
import { partnershipSchema, type Partnership, type Problem } from '../../shared/schemas.js';
import { InvalidInput } from '../errors.js';
import { readWorkbookGrids } from '../workbook/read.js';
import { PARTNERSHIP_JSON, refuseTooManyRows, zodRefusal } from './json-problems.js';
import type { DecodedUpload } from '../returns/upload.js';

/** Throws InvalidInput with every error; a workbook the reader refuses throws WorkbookRejected. */
export async function readPartnership(input: DecodedUpload): Promise<Partnership> {
  let partnership: Partnership | undefined;
  if (input.kind === 'json') {
    refuseTooManyRows(input.body, PARTNERSHIP_JSON);
    const parsed = partnershipSchema.safeParse(input.body);
    if (!parsed.success) throw zodRefusal(parsed.error.issues, PARTNERSHIP_JSON);
    partnership = parsed.data;
  } else {
    const parsed = parsePartnershipWorkbook(await readWorkbookGrids(input.bytes));
    refuseErrors(parsed.problems, parsed.errorCount);
    partnership = parsed.partnership;
  }
  if (!partnership) throw new InvalidInput([]);
  refuseErrors(validatePartnership(partnership));
  return partnership;
}

function refuseErrors(problems: readonly Problem[], errorCount?: number): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length || errorCount) throw new InvalidInput(errors, errorCount ?? errors.length);
}
