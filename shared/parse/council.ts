// The council workbook (DESIGN §3.1): About, Contributions, Skills and Projects to a submission, and
// the same row rules for a submission that arrives as JSON.
import { asPeriod, type Period } from '../dates.js';
import { say, type Say } from '../i18n/say.js';
import type { Problem } from '../schemas.js';
import {
  ABOUT_FIELDS,
  ABOUT_LABELS,
  ABOUT_SHEET,
  CONTRIBUTIONS_LAYOUT,
  PROJECTS_LAYOUT,
  SKILLS_LAYOUT,
  type About,
  type ContributionRow,
  type CouncilSubmission,
  type Partnership,
  type ProjectRow,
  type SheetLayout,
  type SkillRow,
} from '../sheets/index.js';
import { LAYOUT_VERSION } from '../vocabulary.js';
import { unknownCouncilSay, type ReadContext } from './cell-reader.js';
import { canonicalBudgetLines, councilRowProblems, inKindPence } from './council-rules.js';
import type { CouncilRows } from './council-rules.js';
import { readLabelValues, VALUE_COLUMN } from './label-values.js';
import { problem, ProblemList, sortProblems } from './problems.js';
import { locate, wholeRows } from './row-rules.js';
import type { Located, WorkbookGrids } from './sheet.js';
import { findGrid, readWorkbookSheet } from './sheet.js';

export interface CouncilContext {
  partnership?: Partnership;
  council?: string;
  /** The period it is submitted for, when known: a checked `YYYY-MM` (a RangeError otherwise). */
  period?: string;
  /** Problems of each kind to list (MAX_LISTED_PROBLEMS by default); the rest are only counted. */
  listAtMost?: number;
}

export interface ParsedCouncilWorkbook {
  about: About;
  /** The rows that parsed (rows with errors, in a cell or by a rule, are left out). */
  submission: CouncilSubmission;
  /** Errors, warnings and notes, in sheet and row order: the first found of each, when there are many. */
  problems: Problem[];
  /** Every error found, listed or not. */
  errorCount: number;
  /** No problem of severity 'error'. */
  ok: boolean;
}

const SHEET_ORDER = [ABOUT_SHEET, CONTRIBUTIONS_LAYOUT.sheet, SKILLS_LAYOUT.sheet, PROJECTS_LAYOUT.sheet];

interface AboutRead {
  about: ParsedCouncilWorkbook['about'];
  problems: Problem[];
}

function readAbout(grids: WorkbookGrids, context: CouncilContext, readContext: ReadContext): AboutRead {
  const grid = findGrid(grids, ABOUT_SHEET);
  const problems: Problem[] = [];
  const add = (row: number | null, code: string, said: Say) =>
    problems.push(problem(ABOUT_SHEET, row, row === null ? null : VALUE_COLUMN, code, 'error', said));
  if (!grid) {
    if (context.council === undefined || context.period === undefined) {
      add(null, 'about-missing', say('problem.aboutMissing', { sheet: ABOUT_SHEET }));
    }
    return { about: {}, problems };
  }
  const read = readLabelValues(ABOUT_SHEET, grid, ABOUT_FIELDS.columns, readContext);
  for (const p of read.problems) problems.push(p);
  const about: AboutRead['about'] = {};
  const { council, period, layoutVersion: version } = read.values as About;
  const rowOf = (key: string): number | null => read.rows[key] ?? null;

  for (const [key, label, given] of [
    ['council', ABOUT_LABELS.council, context.council],
    ['period', ABOUT_LABELS.period, context.period],
  ] as const) {
    if (!(key in read.rows) && given === undefined) {
      problems.push(
        problem(
          ABOUT_SHEET,
          null,
          VALUE_COLUMN,
          'about-missing',
          'error',
          say('problem.missingLabel', { sheet: ABOUT_SHEET, label }),
        ),
      );
    }
  }
  if (council !== undefined) {
    about.council = council;
    const partnership = context.partnership;
    if (partnership && !partnership.councils.some((c) => c.id === council)) {
      add(
        rowOf('council'),
        'unknown-council',
        unknownCouncilSay(ABOUT_LABELS.council, `"${council}"`, partnership.councils),
      );
    } else if (context.council !== undefined && context.council !== council) {
      add(
        rowOf('council'),
        'about-council-mismatch',
        say('problem.aboutCouncilMismatch', { sheet: ABOUT_SHEET, council, given: context.council }),
      );
    }
  }
  if (period !== undefined) {
    about.period = period;
    if (context.period !== undefined && context.period !== period) {
      add(
        rowOf('period'),
        'about-period-mismatch',
        say('problem.aboutPeriodMismatch', {
          sheet: ABOUT_SHEET,
          month: { month: period },
          given: { month: context.period },
        }),
      );
    }
  }
  if (version !== undefined) {
    about.layoutVersion = version;
    if (version !== LAYOUT_VERSION) {
      add(
        rowOf('layoutVersion'),
        'about-layout-version',
        say('problem.layoutVersion', {
          label: ABOUT_LABELS.layoutVersion,
          version,
          supported: LAYOUT_VERSION,
        }),
      );
    }
  }
  return { about, problems };
}

const missingCouncilSheet = (sheet: string) =>
  ({
    severity: 'error',
    say: say('problem.missingSheet.council', { sheet, sheets: SHEET_ORDER.join(', ') }),
  }) as const;

/** Reads a council workbook's sheets into a submission, checking every rule of DESIGN §3.1. */
export function parseCouncilWorkbook(grids: WorkbookGrids, context: CouncilContext): ParsedCouncilWorkbook {
  const { partnership } = context;
  const readContext: ReadContext = partnership ? { councils: partnership.councils } : {};
  const { about, problems: aboutProblems } = readAbout(grids, context, readContext);
  const problems = new ProblemList(context.listAtMost);
  problems.addAll(aboutProblems);
  const period: Period | undefined = context.period === undefined ? about.period : asPeriod(context.period);

  const read = <T>(layout: SheetLayout) =>
    readWorkbookSheet<T>(grids, layout, readContext, problems, missingCouncilSheet(layout.sheet));
  const contributions = read<ContributionRow>(CONTRIBUTIONS_LAYOUT) ?? [];
  const skills = read<SkillRow>(SKILLS_LAYOUT);
  const rows: CouncilRows = {
    contributions: partnership ? canonicalBudgetLines(contributions, partnership) : contributions,
    skills: skills ?? [],
    projects: read<ProjectRow>(PROJECTS_LAYOUT) ?? [],
  };
  const ruleProblems = councilRowProblems(rows, { partnership, period, skillsUnreadable: !skills });
  problems.addAll(ruleProblems);

  const failed = new Set(
    ruleProblems
      .filter((p) => p.severity === 'error' && p.row !== null)
      .map((p) => `${p.sheet}\u0000${p.row}`),
  );
  const kept = <T>(sheet: string, located: readonly Located<T>[]): T[] =>
    wholeRows(located)
      .filter((r) => !failed.has(`${sheet}\u0000${r.row}`))
      .map((r) => r.value);
  const submission: CouncilSubmission = {
    // No period known: a problem already says so, and the return is not ok.
    period: period ?? ('' as Period),
    contributions: kept(CONTRIBUTIONS_LAYOUT.sheet, rows.contributions).map(withInKindAmount),
    skills: kept(SKILLS_LAYOUT.sheet, rows.skills),
    projects: kept(PROJECTS_LAYOUT.sheet, rows.projects),
  };
  const sorted = sortProblems(problems.listed, SHEET_ORDER);
  return {
    about,
    submission,
    problems: sorted,
    errorCount: problems.errorCount,
    ok: problems.errorCount === 0,
  };
}

/** A blank In-kind Amount is Days × Day rate. */
function withInKindAmount(row: ContributionRow): ContributionRow {
  if (row.type !== 'In-kind' || row.amountPence !== undefined || !row.days || !row.dayRatePence) return row;
  return { ...row, amountPence: inKindPence(row.days, row.dayRatePence) };
}

/** Cross-row, cross-sheet and partnership rules for a JSON submission (row = index + 2). */
export function validateCouncilSubmission(
  s: CouncilSubmission,
  ctx: { partnership: Partnership; council: string; period: string },
): Problem[] {
  const rows: CouncilRows = {
    contributions: locate(s.contributions),
    skills: locate(s.skills),
    projects: locate(s.projects),
  };
  return sortProblems(
    councilRowProblems(rows, { partnership: ctx.partnership, period: ctx.period }),
    SHEET_ORDER,
  );
}
