// What we are doing together (DESIGN §4 Projects): one item per upper-cased Project ID, with the lead
// council's own row as the authority and every council's spend, savings and investment added up.
import { lastDayOf } from '../dates.js';
import type {
  ConsolidatedProject,
  ConsolidatedView,
  DataQualityWarning,
  ProjectConflict,
  ProjectRow,
} from '../schemas.js';
import { PHASES, RAGS, THEMES } from '../vocabulary.js';

export type ProjectsView = ConsolidatedView['projects'];

const CONFLICT_FIELDS = ['title', 'phase', 'rag', 'lead'] as const;
const FINISHED_PHASES: readonly string[] = ['Live', 'Retired'];

/** Overdue in a month ending `endOfPeriod`: due before its last day and neither Live nor Retired. */
export const isOverdue = (row: Pick<ProjectRow, 'due' | 'phase'>, endOfPeriod: string): boolean =>
  row.due !== undefined && row.due < endOfPeriod && !FINISHED_PHASES.includes(row.phase);

/** One upper-cased Project ID as its reports arrive: its item so far, not the reports' rows. */
interface Tally {
  /** Sums so far, and the authority's details: the lowest council ID naming itself as lead, else the lowest. */
  item: ConsolidatedProject;
  mainCouncil: string;
  own: boolean;
  /** Per report, flat: the council's position in the partnership, then its CONFLICT_FIELDS values. */
  reports: (number | string)[];
  /** The position of the council added last, so that a council's own duplicate is seen. */
  lastPosition: number;
}

const STRIDE = 1 + CONFLICT_FIELDS.length;
/** Until the fold's result, when the reports are put in partnership order. */
const NOT_YET: readonly string[] = [];

function countsOf<K extends 'phase' | 'rag' | 'theme'>(
  words: readonly string[],
  items: readonly ConsolidatedProject[],
  key: K,
): Record<string, number> {
  const counts = new Map(words.map((w) => [w, 0]));
  for (const item of items) counts.set(item[key], (counts.get(item[key]) ?? 0) + 1);
  return Object.fromEntries(counts);
}

/**
 * The projects of a month, folded one council's return at a time in any order of councils: a row leaves
 * its sums, the four values it is compared on and, if it is the authority, the item's details, so no
 * return needs to be kept once added. Council IDs, vocabulary words and dates are held once each however
 * many rows repeat them.
 */
export class ProjectFold {
  private readonly tallies = new Map<string, Tally>();
  private readonly positions: ReadonlyMap<string, number>;
  private readonly words = new Map<string, string>();

  constructor(
    private readonly councilOrder: readonly string[],
    private readonly period: string,
  ) {
    this.positions = new Map(councilOrder.map((council, i) => [council, i]));
  }

  private word<T extends string | undefined>(text: T): T {
    if (text === undefined) return text;
    const known = this.words.get(text);
    if (known !== undefined) return known as T;
    this.words.set(text, text);
    return text;
  }

  /** The item's details as the authoritative row gives them, in the item's key order. */
  private details(row: ProjectRow) {
    return {
      title: row.title,
      theme: this.word(row.theme),
      lead: this.word(row.lead),
      partners: row.partners
        .filter((council, i, all) => all.indexOf(council) === i)
        .map((council) => this.word(council)),
      phase: this.word(row.phase),
      rag: this.word(row.rag),
      start: this.word(row.start) ?? null,
      due: this.word(row.due) ?? null,
      budgetPence: row.budgetPence ?? 0,
    };
  }

  /** The project rows of `council`'s counting return; each council is added once. */
  add(council: string, rows: readonly ProjectRow[]): void {
    const position = this.positions.get(council);
    if (position === undefined) throw new Error(`${council} is not a council of the partnership`);
    for (const row of rows) {
      const id = row.id.toUpperCase();
      const own = row.lead === council;
      let tally = this.tallies.get(id);
      if (tally === undefined) {
        const { budgetPence, ...details } = this.details(row);
        tally = {
          item: {
            id,
            ...details,
            budgetPence,
            spentPence: 0,
            savingsTargetPence: row.savingsTargetPence ?? 0,
            savingsRealisedPence: 0,
            investmentPence: 0,
            overdue: false,
            reportedBy: NOT_YET as string[],
            update: row.update ?? null,
          },
          mainCouncil: council,
          own,
          reports: [],
          lastPosition: -1,
        };
        this.tallies.set(id, tally);
      } else if (tally.lastPosition === position) {
        // A council's own duplicate (an error its return was checked for): its first row stands.
        continue;
      } else if ((own && !tally.own) || (own === tally.own && council < tally.mainCouncil)) {
        Object.assign(tally.item, this.details(row), {
          savingsTargetPence: row.savingsTargetPence ?? 0,
          update: row.update ?? null,
        });
        tally.mainCouncil = council;
        tally.own = own;
      }
      const { item } = tally;
      tally.lastPosition = position;
      tally.reports.push(position);
      // A value equal to the authority's is kept as the authority's string, so that equal text is held once.
      for (const field of CONFLICT_FIELDS) {
        const value = row[field];
        tally.reports.push(value === item[field] ? item[field] : value);
      }
      item.spentPence += row.spentPence ?? 0;
      item.savingsRealisedPence += row.savingsRealisedPence ?? 0;
      item.investmentPence += row.investmentPence ?? 0;
    }
  }

  /** The consolidated projects of every return added, and what they disagree on. */
  result(): { projects: ProjectsView; warnings: DataQualityWarning[] } {
    const endOfPeriod = lastDayOf(this.period);
    const conflicts: ProjectConflict[] = [];
    const warnings: DataQualityWarning[] = [];
    // Sorted by ID in UTF-16 code units, as council IDs are compared.
    const tallies = [...this.tallies.values()].sort((a, b) => (a.item.id < b.item.id ? -1 : 1));
    this.tallies.clear();
    const items = tallies.map(({ item, mainCouncil, own, reports }) => {
      const { id, lead, partners } = item;
      if (!own) {
        warnings.push({
          code: 'lead-missing',
          council: lead,
          project: id,
          message:
            `Project ${id} names ${lead} as lead council, but ${lead}'s return does not list it as ` +
            `its own; the details reported by ${mainCouncil} are used.`,
        });
      }
      // Reports in partnership order, as the councils are listed.
      const starts = Array.from({ length: reports.length / STRIDE }, (_, r) => r * STRIDE).sort(
        (a, b) => (reports[a] as number) - (reports[b] as number),
      );
      item.reportedBy = starts.map((start) => this.councilOrder[reports[start] as number]!);
      item.reportedBy.forEach((council, r) => {
        if (council !== lead && !partners.includes(council)) {
          warnings.push({
            code: 'not-a-partner',
            council,
            project: id,
            message: `${council} reports project ${id} but is neither its lead council nor one of its partners.`,
          });
        }
        if (council === mainCouncil) return;
        CONFLICT_FIELDS.forEach((field, f) => {
          const value = reports[starts[r]! + 1 + f] as string;
          if (value !== item[field]) {
            conflicts.push({ project: id, field, council, value, leadValue: item[field] });
          }
        });
      });
      item.overdue = isOverdue({ due: item.due ?? undefined, phase: item.phase }, endOfPeriod);
      return item;
    });

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
}
