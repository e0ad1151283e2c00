// The problems a check finds, in the reader's language (DESIGN §12). A problem keeps its English message
// as it always has (a 422's errors, stored receipts, every client) and carries what it says as a key and
// values (`say`), so its Welsh is rendered from the catalogue wherever it is shown. A problem without a
// `say` (a receipt stored by an earlier version) or with one this catalogue does not know stays in
// English, never blank.
import type { Locale, PlainKey } from './index.js';
import { saidIn, type Say } from './say.js';

/** What a cell of a column type must be, after "<Column> must be ". */
export type ExpectedKey = Extract<PlainKey, `problem.expected.${string}`>;

/** A problem's message in `locale`. */
export function problemMessage(
  locale: Locale,
  problem: { readonly message: string; readonly say?: Say | undefined },
): string {
  return saidIn(locale, problem);
}
