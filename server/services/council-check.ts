// A council named for a token, user or tenant must be one of the partnership's (before the partnership
// is set up, any council ID is taken: tokens are often made first).
import type { Store } from '../store/index.js';

/** Why `council` cannot be used, or undefined when it can. */
export async function unknownCouncil(store: Store, council: string): Promise<string | undefined> {
  const partnership = (await store.currentPartnership())?.partnership;
  if (partnership && !partnership.councils.some((c) => c.id === council))
    return `"${council}" is not a council of the partnership`;
  return undefined;
}
