// What we are doing together (DESIGN §4 Projects): one item per upper-cased Project ID, with the lead
// council's own row as the authority and every council's spend, savings and investment added up.
import { lastDayOf } from '../dates.js';
import { say } from '../i18n/say.js';
import type {
  ConsolidatedProject,
  ConsolidatedView,
  DataQualityWarning,
  ProjectConflict,
  ProjectRow,
} from '../schemas.js';
import { PHASES, RAGS, THEMES, type Phase, type Rag } from '../vocabulary.js';
import { warning } from './warning.js';

export type ProjectsView = ConsolidatedView['projects'];

const CONFLICT_FIELDS = ['title', 'phase', 'rag', 'lead'] as const;
const FINISHED_PHASES: readonly string[] = ['Live', 'Retired'];

/** Overdue in a month ending `endOfPeriod`: due before its last day and neither Live nor Retired. */
export const isOverdue = (row: Pick<ProjectRow, 'due' | 'phase'>, endOfPeriod: string): boolean =>
  row.due !== undefined && row.due < endOfPeriod && !FINISHED_PHASES.includes(row.phase);

/**
 * Whether a council's row (its own project or not) becomes the authority over the current one: a lead's
 * own row beats any other, and between two of a kind the lower council ID wins.
 */
const replacesAuthority = (own: boolean, council: string, currentOwn: boolean, current: string): boolean =>
  (own && !currentOwn) || (own === currentOwn && council < current);

/** One upper-cased Project ID as its reports arrive: its item so far, not the reports' rows. */
interface Tally {
  /** Sums so far, and the authority's details: the lowest council ID naming itself as lead, else the lowest. */
  item: ConsolidatedProject;
  mainCouncil: string;
  own: boolean;
  /** Positions in the partnership of the councils whose report agrees with the item on CONFLICT_FIELDS. */
  agreeing: number[];
  /** The other reports, flat: the council's position, then its CONFLICT_FIELDS values. */
  differing: (number | string)[] | undefined;
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

const agrees = (row: ProjectRow, item: ConsolidatedProject): boolean =>
  row.title === item.title && row.phase === item.phase && row.rag === item.rag && row.lead === item.lead;

/**
 * The projects of a month, folded one council's return at a time in any order of councils: a row leaves
 * its sums, the four values it is compared on (only its council, when they are the item's) and, if it is
 * the authority, the item's details, so no return needs to be kept once added. Council IDs, vocabulary
 * words, dates and lists of councils are held once each however many rows and items repeat them: a view
 * is never changed once made, so its items can share them.
 */
export class ProjectFold {
  private readonly tallies = new Map<string, Tally>();
  private readonly positions: ReadonlyMap<string, number>;
  private readonly words = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

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

  private list(councils: readonly string[]): string[] {
    const key = councils.join('\n');
    let known = this.lists.get(key);
    if (known === undefined) {
      known = councils.map((council) => this.word(council));
      this.lists.set(key, known);
    }
    return known;
  }

  /** Makes `row` the item's authority: its details over the item's, the sums kept. */
  private setAuthority(item: ConsolidatedProject, row: ProjectRow): void {
    item.title = row.title;
    item.theme = this.word(row.theme);
    item.lead = this.word(row.lead);
    item.partners = this.list(row.partners.filter((council, i, all) => all.indexOf(council) === i));
    item.phase = this.word(row.phase);
    item.rag = this.word(row.rag);
    item.start = this.word(row.start) ?? null;
    item.due = this.word(row.due) ?? null;
    item.budgetPence = row.budgetPence ?? 0;
    item.savingsTargetPence = row.savingsTargetPence ?? 0;
    item.update = row.update ?? null;
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
        // Every key in the item's order at once; the authority's details are then written over them.
        const item: ConsolidatedProject = {
          id,
          title: '',
          theme: row.theme,
          lead: '',
          partners: [],
          phase: row.phase,
          rag: row.rag,
          start: null,
          due: null,
          budgetPence: 0,
          spentPence: 0,
          savingsTargetPence: 0,
          savingsRealisedPence: 0,
          investmentPence: 0,
          overdue: false,
          reportedBy: NOT_YET as string[],
          update: null,
        };
        this.setAuthority(item, row);
        tally = { item, mainCouncil: council, own, agreeing: [], differing: undefined, lastPosition: -1 };
        this.tallies.set(id, tally);
      } else if (tally.lastPosition === position) {
        // A council's own duplicate (an error its return was checked for): its first row stands.
        continue;
      } else if (replacesAuthority(own, council, tally.own, tally.mainCouncil)) {
        // The reports that agreed with the old authority keep its values.
        const { item } = tally;
        const differing = (tally.differing ??= []);
        for (const agreeing of tally.agreeing) {
          differing.push(agreeing, ...CONFLICT_FIELDS.map((field) => item[field]));
        }
        tally.agreeing = [];
        this.setAuthority(item, row);
        tally.mainCouncil = council;
        tally.own = own;
      }
      const { item } = tally;
      tally.lastPosition = position;
      if (agrees(row, item)) tally.agreeing.push(position);
      else (tally.differing ??= []).push(position, ...CONFLICT_FIELDS.map((field) => row[field]));
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
    const items = tallies.map(({ item, mainCouncil, own, agreeing, differing = [] }) => {
      const { id, lead, partners } = item;
      if (!own) {
        warnings.push(
          warning(
            'lead-missing',
            lead,
            id,
            say('warning.leadMissing', { project: id, lead, main: mainCouncil }),
          ),
        );
      }
      /** Per position of a differing report, where its values start. */
      const starts = new Map<number, number>();
      for (let start = 0; start < differing.length; start += STRIDE) {
        starts.set(differing[start] as number, start);
      }
      const order = (starts.size === 0 ? agreeing : [...agreeing, ...starts.keys()]).sort((a, b) => a - b);
      // Reports in partnership order, as the councils are listed.
      item.reportedBy = this.list(order.map((position) => this.councilOrder[position]!));
      item.reportedBy.forEach((council, r) => {
        if (council !== lead && !partners.includes(council)) {
          warnings.push(
            warning('not-a-partner', council, id, say('warning.notAPartner', { council, project: id })),
          );
        }
        const start = starts.get(order[r]!);
        if (council === mainCouncil || start === undefined) return;
        CONFLICT_FIELDS.forEach((field, f) => {
          const value = differing[start + 1 + f] as string;
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

/**
 * What month on month compares of each project (its authoritative row's title, phase, RAG and whether it
 * is overdue), folded one council's return at a time as ProjectFold finds the authority, without sums or
 * conflicts: P's view of projects computed without some councils' returns.
 */
export class ProjectFactsFold {
  /** Per upper-cased ID, of the authoritative row only what is compared (not the row, so it can go). */
  private readonly authorities = new Map<
    string,
    { facts: Pick<ProjectRow, 'title' | 'phase' | 'rag' | 'due'>; council: string; own: boolean }
  >();

  constructor(private readonly period: string) {}

  /** The project rows of `council`'s counting return; each council is added once. */
  add(council: string, rows: readonly ProjectRow[]): void {
    const seen = new Set<string>();
    for (const row of rows) {
      const id = row.id.toUpperCase();
      // A council's own duplicate (an error its return was checked for): its first row stands.
      if (seen.has(id)) continue;
      seen.add(id);
      const own = row.lead === council;
      const current = this.authorities.get(id);
      if (current === undefined || replacesAuthority(own, council, current.own, current.council)) {
        const { title, phase, rag, due } = row;
        this.authorities.set(id, { facts: { title, phase, rag, due }, council, own });
      }
    }
  }

  /** Each project's facts, sorted by ID as the view's items are. */
  result(): { id: string; title: string; phase: Phase; rag: Rag; overdue: boolean }[] {
    const endOfPeriod = lastDayOf(this.period);
    return [...this.authorities]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, { facts }]) => ({
        id,
        title: facts.title,
        phase: facts.phase,
        rag: facts.rag,
        overdue: isOverdue(facts, endOfPeriod),
      }));
  }
}
