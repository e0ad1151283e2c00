// The per-council contributions table every surface shows: paying Members, and any other council that has
// contributed, with each one's balance and status in words.
import { councilStatusWords, type CouncilStatus as ContributionStatus } from '../glossary.js';
import type { Locale } from '../i18n/index.js';
import type { ConsolidatedView } from '../schemas.js';

export interface CouncilLine {
  council: string;
  name: string;
  status: ContributionStatus;
  statusLabel: string;
  duePence: number;
  profiledDuePence: number;
  contributedPence: number;
  balancePence: number;
}

export function councilLines(view: ConsolidatedView, locale: Locale = 'en'): CouncilLine[] {
  const words = councilStatusWords(locale);
  return view.contributions.councils
    .filter((c) => c.membership === 'Member' || c.contributedPence > 0)
    .map((c) => ({
      council: c.council,
      name: c.name,
      status: c.status,
      statusLabel: words[c.status],
      duePence: c.duePence,
      profiledDuePence: c.profiledDuePence,
      contributedPence: c.contributedPence,
      balancePence: c.balancePence,
    }));
}

/** A council's name as the partnership settings give it (its ID if it is not a council of the view). */
export function councilNames(view: ConsolidatedView): (id: string) => string {
  const names = new Map(view.contributions.councils.map((c) => [c.council, c.name]));
  return (id) => names.get(id) ?? id;
}
