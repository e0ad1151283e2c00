// The one demo: the partnership and every council's returns for a month and the month before, as a new
// service loads them on its first start and as `shared-cdo demo --out` writes them, so the figures
// offline and in the service are the same; and the March of the year before, which the service closes
// so that a newcomer sees last year's statements beside this year's agreement (DESIGN §10).
import { addMonths, financialYearOf } from '../shared/dates.js';
import type { CouncilSubmission, Partnership } from '../shared/schemas.js';
import { demoPartnershipFor, type DemoCouncil } from './partnership.js';
import { demoSubmissions } from './submissions.js';

export interface DemoMonth {
  period: string;
  returns: Record<DemoCouncil, CouncilSubmission>;
}

export interface Demo {
  partnership: Partnership;
  /** The month before `latest`, then `latest` (which adds a project and turns one Red). */
  months: [DemoMonth, DemoMonth];
  /** The March of the financial year before the latest month's: its returns count for that year's close. */
  lastYear: DemoMonth & { financialYear: string };
}

export function demoUpTo(latest: string): Demo {
  const periods = [addMonths(latest, -1), latest];
  const [before, last] = periods.map((period) => ({
    period,
    returns: demoSubmissions(period, { latest: period === latest }),
  })) as [DemoMonth, DemoMonth];
  const march = `${financialYearOf(latest).slice(0, 4)}-03`;
  const lastYear = { financialYear: financialYearOf(march), period: march, returns: demoSubmissions(march) };
  return {
    partnership: demoPartnershipFor([march, ...periods].map(financialYearOf)),
    months: [before, last],
    lastYear,
  };
}
