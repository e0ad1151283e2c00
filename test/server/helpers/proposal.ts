// A proposal of a partnership's cost shares as the service would store it, for tests of what is drawn
// from one (the pane's breakdown, the agreement e-mails) without a store.
import { agreementSnapshot } from '../../../shared/agreement-snapshot.js';
import type { Agreement } from '../../../shared/agreements.js';
import type { Partnership } from '../../../shared/schemas.js';

/** A proposal of `partnership`'s 2026-27 cost shares made in November 2026. */
export function proposal(partnership: Partnership): Agreement {
  const snapshot = agreementSnapshot(partnership, 1, '2026-27', '2026-11');
  return {
    id: 1,
    fy: '2026-27',
    status: 'proposed',
    proposedAt: '2026-11-05T10:00:00.000Z',
    proposedBy: 'test cdo',
    note: '',
    agreedAt: null,
    supersededBy: null,
    dues: snapshot.dues,
    decisions: [],
    awaiting: snapshot.dues.map((d) => d.council),
    snapshot,
  };
}
