// Stored returns for the demo partnership as consolidation reads them: Cherwell and the Vale for the
// month (with what the demo's latest month brings), West Oxfordshire only for the month before (carried
// forward), South Oxfordshire none (missing); optionally one project title with markup in it.
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import type { SubmissionRecord } from '../../../shared/schemas.js';

export const HOSTILE_TITLE = '<script>alert("x")</script> Bins & <b>recycling</b>';

export function demoRecords(
  options: { hostile: boolean },
  period = '2027-03',
  previous = '2027-02',
): SubmissionRecord[] {
  const record = (council: string, p: string): SubmissionRecord => ({
    council,
    period: p,
    version: 1,
    submittedAt: `${p}-28T09:00:00.000Z`,
    review: 'pending',
    data: demoCouncilSubmission(council, p, { latest: p === period }),
  });
  const cherwell = record('cherwell', period);
  const [first, ...rest] = cherwell.data.projects;
  if (first && options.hostile) cherwell.data.projects = [{ ...first, title: HOSTILE_TITLE }, ...rest];
  return [cherwell, record('vale-of-white-horse', period), record('west-oxfordshire', previous)];
}
