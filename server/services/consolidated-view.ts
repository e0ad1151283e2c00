// The consolidated view for a period, from the stored partnership and returns (DESIGN §4).
import {
  comparisonProblem,
  Consolidation,
  ConsolidationError,
  defaultComparison,
} from '../../shared/consolidate/index.js';
import type { Period } from '../../shared/dates.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { problem } from '../../shared/parse/problems.js';
import { badRequest, InvalidInput } from '../errors.js';
import type { Store } from '../store/index.js';
import { withPartnershipYear } from './year-in-view.js';
import { requirePartnership } from '../returns/submit-return.js';

/** The view for `period`, compared with `compare` (a month of its FY before it) or else the month before. */
export async function consolidatedView(
  store: Store,
  period: Period,
  compare?: Period,
): Promise<ConsolidatedView> {
  // Checked here, once, so that a bad compare is a 400 (before a missing partnership's 409).
  const wrongCompare = compare === undefined ? null : comparisonProblem(period, compare);
  if (wrongCompare !== null) throw badRequest('invalid-compare', wrongCompare);
  const partnership = await requirePartnership(store);
  try {
    const consolidation = new Consolidation(partnership, period, compare ?? defaultComparison(period));
    // Only returns for the months that can count are read (DESIGN §4), one at a time: each is folded
    // into the view as it is read, so the returns of a large partnership are never all in memory.
    for await (const record of store.eachLatestVersion(consolidation.year.months)) {
      consolidation.add(record);
    }
    return await withPartnershipYear(store, consolidation.view());
  } catch (error) {
    if (!(error instanceof ConsolidationError)) throw error;
    throw new InvalidInput([problem(error.sheet, null, null, 'consolidation', 'error', error.say)]);
  }
}
