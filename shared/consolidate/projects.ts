// What we are doing together (DESIGN §4 Projects): one item per upper-cased Project ID, with the lead
// council's own row as the authority and every council's spend, savings and investment added up.
import { lastDayOf } from '../dates.js';
import type {
  ConsolidatedProject,
  ConsolidatedView,
  DataQualityWarning,
  ProjectConflict,
  ProjectRow,
  SubmissionRecord,
} from '../schemas.js';
import { PHASES, RAGS, THEMES } from '../vocabulary.js';

export type ProjectsView = ConsolidatedView['projects'];

interface Report {
  council: string;
  row: ProjectRow;
}

const CONFLICT_FIELDS = ['title', 'phase', 'rag', 'lead'] as const;
const FINISHED_PHASES: readonly string[] = ['Live', 'Retired'];

/** Overdue in a month ending `endOfPeriod`: due before its last day and neither Live nor Retired. */
export const isOverdue = (row: Pick<ProjectRow, 'due' | 'phase'>, endOfPeriod: string): boolean =>
  row.due !== undefined && row.due < endOfPeriod && !FINISHED_PHASES.includes(row.phase);

interface Group {
  id: string;
  reports: Report[];
}

/** Reports per upper-cased Project ID, sorted by ID (UTF-16 code units, as council IDs are compared). */
function groupById(councilOrder: readonly string[], chosen: ReadonlyMap<string, SubmissionRecord>): Group[] {
  const byId = new Map<string, Group>();
  for (const council of councilOrder) {
    for (const row of chosen.get(council)?.data.projects ?? []) {
      const id = row.id.toUpperCase();
      const group = byId.get(id);
      if (group === undefined) byId.set(id, { id, reports: [{ council, row }] });
      // Councils are visited one after another, so a council's own duplicate (an error its return was
      // checked for) is the last report; its first row stands.
      else if (group.reports[group.reports.length - 1]?.council !== council)
        group.reports.push({ council, row });
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The lead's own row (a council naming itself as lead), else the row of the lowest council ID. */
function authorityOf(reports: readonly Report[]): { authority: Report; leadReported: boolean } {
  let own: Report | undefined;
  let lowest: Report | undefined;
  for (const report of reports) {
    if (lowest === undefined || report.council < lowest.council) lowest = report;
    if (report.row.lead === report.council && (own === undefined || report.council < own.council))
      own = report;
  }
  const authority = own ?? lowest;
  if (authority === undefined) throw new Error('A project is only grouped when a council reports it');
  return { authority, leadReported: own !== undefined };
}

const sumOf = (reports: readonly Report[], key: 'spentPence' | 'savingsRealisedPence' | 'investmentPence') =>
  reports.reduce((sum, r) => sum + (r.row[key] ?? 0), 0);

function countsOf<K extends 'phase' | 'rag' | 'theme'>(
  words: readonly string[],
  items: readonly ConsolidatedProject[],
  key: K,
): Record<string, number> {
  const counts = new Map(words.map((w) => [w, 0]));
  for (const item of items) counts.set(item[key], (counts.get(item[key]) ?? 0) + 1);
  return Object.fromEntries(counts);
}

export function consolidateProjects(
  councilOrder: readonly string[],
  chosen: ReadonlyMap<string, SubmissionRecord>,
  period: string,
): { projects: ProjectsView; warnings: DataQualityWarning[] } {
  const endOfPeriod = lastDayOf(period);
  const items: ConsolidatedProject[] = [];
  const conflicts: ProjectConflict[] = [];
  const warnings: DataQualityWarning[] = [];
  for (const { id, reports } of groupById(councilOrder, chosen)) {
    const { authority, leadReported } = authorityOf(reports);
    const main = authority.row;
    const partners = main.partners.filter((council, i, all) => all.indexOf(council) === i);
    if (!leadReported) {
      warnings.push({
        code: 'lead-missing',
        council: main.lead,
        project: id,
        message:
          `Project ${id} names ${main.lead} as lead council, but ${main.lead}'s return does not list it as ` +
          `its own; the details reported by ${authority.council} are used.`,
      });
    }
    for (const { council, row } of reports) {
      if (council !== main.lead && !partners.includes(council)) {
        warnings.push({
          code: 'not-a-partner',
          council,
          project: id,
          message: `${council} reports project ${id} but is neither its lead council nor one of its partners.`,
        });
      }
      if (council === authority.council) continue;
      for (const field of CONFLICT_FIELDS) {
        if (row[field] !== main[field]) {
          conflicts.push({ project: id, field, council, value: row[field], leadValue: main[field] });
        }
      }
    }
    items.push({
      id,
      title: main.title,
      theme: main.theme,
      lead: main.lead,
      partners,
      phase: main.phase,
      rag: main.rag,
      start: main.start ?? null,
      due: main.due ?? null,
      budgetPence: main.budgetPence ?? 0,
      spentPence: sumOf(reports, 'spentPence'),
      savingsTargetPence: main.savingsTargetPence ?? 0,
      savingsRealisedPence: sumOf(reports, 'savingsRealisedPence'),
      investmentPence: sumOf(reports, 'investmentPence'),
      overdue: isOverdue(main, endOfPeriod),
      reportedBy: reports.map((r) => r.council),
      update: main.update ?? null,
    });
  }

  const total = (key: keyof ConsolidatedProject & `${string}Pence`): number =>
    items.reduce((sum, item) => sum + item[key], 0);
  return {
    projects: {
      items,
      conflicts,
      byPhase: countsOf(PHASES, items, 'phase'),
      byRag: countsOf(RAGS, items, 'rag'),
      byTheme: countsOf(THEMES, items, 'theme'),
      totals: {
        count: items.length,
        overdue: items.filter((i) => i.overdue).length,
        budgetPence: total('budgetPence'),
        spentPence: total('spentPence'),
        savingsTargetPence: total('savingsTargetPence'),
        savingsRealisedPence: total('savingsRealisedPence'),
        investmentPence: total('investmentPence'),
      },
    },
    warnings,
  };
}
