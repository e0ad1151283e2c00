// A council's return as the template the service writes, optionally filled in: what the upload tests,
// the hostile corpus and its bench send. Apart from the test service (helpers/service.ts), which needs
// vitest, so the benches can use it too.
import { writtenBytes } from '../../../server/xlsx/write/bytes.js';
import { writeCouncilTemplate } from '../../../server/workbook/write-template.js';
import type { CouncilSubmission, Partnership } from '../../../shared/schemas.js';

export function councilWorkbook(
  council: string,
  period: string,
  partnership: Partnership,
  submission?: CouncilSubmission,
): Promise<Buffer> {
  return writtenBytes(async (out) => {
    await writeCouncilTemplate(out, { council, period, partnership, ...(submission ? { submission } : {}) });
    out.end();
  });
}
