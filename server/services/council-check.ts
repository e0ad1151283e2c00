// A council named for a token, user or tenant must be one of the partnership's (before the partnership
// is set up, any council ID is taken: tokens are often made first).
import { phrase, type Phrase } from '../../shared/i18n/say.js';
import type { Store } from '../store/index.js';

/** Why `council` cannot be used, or undefined when it can. */
export async function unknownCouncil(store: Store, council: string): Promise<Phrase | undefined> {
  const partnership = (await store.currentPartnership())?.partnership;
  if (partnership && !partnership.councils.some((c) => c.id === council))
    return phrase('problem.json.notACouncil', { council });
  return undefined;
}
