// Check: read the council sheets (three round trips for a usual return, more for one whose values
// would pass Excel on the web's 5 MB answer limit), validate them with the shared parser, then clear
// the previous marks and mark the cells in error (one more round trip).
import type { ParsedCouncilWorkbook, WorkbookGrids } from '../../../shared/parse/index.js';
import { parseCouncilWorkbook } from '../../../shared/parse/index.js';
import type { Partnership, Problem } from '../../../shared/schemas.js';
import type { CouncilSnapshot } from './council-sheets.js';
import { readCouncilSheets } from './council-sheets.js';
import type { Mark } from './marks.js';
import { queueMarks } from './marks.js';
import type { CellTarget } from './locate.js';
import { locateProblem } from './locate.js';

/** More marks than this would only slow Excel down; the list in the pane still shows every problem. */
export const MAX_MARKS = 2000;

export interface LocatedProblem {
  problem: Problem;
  target?: CellTarget;
}

export interface CheckResult {
  parsed: ParsedCouncilWorkbook;
  problems: LocatedProblem[];
  marked: number;
  /** What was read, to place problems the service reports later (a 422) on their cells too. */
  snapshot: CouncilSnapshot;
}

export const locateAll = (problems: readonly Problem[], snapshot: CouncilSnapshot): LocatedProblem[] =>
  problems.map((problem) => {
    const target = locateProblem(problem, snapshot);
    return target ? { problem, target } : { problem };
  });

export interface CheckContext {
  partnership: Partnership;
  council: string;
  period: string;
}

export function snapshotGrids(snapshot: CouncilSnapshot): WorkbookGrids {
  return Object.fromEntries(
    Object.entries(snapshot.sheets).map(([name, s]) => [name, { values: s.values, firstRow: s.firstRow }]),
  );
}

export async function checkWorkbook(context: Excel.RequestContext, ctx: CheckContext): Promise<CheckResult> {
  const snapshot = await readCouncilSheets(context);
  // The officer's own sheets, checked on their own machine: every problem is listed and marked.
  const parsed = parseCouncilWorkbook(snapshotGrids(snapshot), { ...ctx, listAtMost: Infinity });
  const problems = locateAll(parsed.problems, snapshot);
  const seen = new Set<string>();
  const marks: Mark[] = [];
  for (const { problem, target } of problems) {
    if (problem.severity !== 'error' || !target || marks.length >= MAX_MARKS) continue;
    const key = `${target.sheet}!${target.address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    marks.push(target);
  }
  const present = new Set(Object.values(snapshot.sheets).map((s) => s.sheet));
  queueMarks(context, snapshot.marks, marks, present);
  await context.sync();
  return { parsed, problems, marked: marks.length, snapshot };
}
