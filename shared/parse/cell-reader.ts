// What a column's cell reader is: it turns a plain cell into the typed value of the row, or a CellFault
// saying what is wrong with it, as a key of the problems' catalogue and in English. Each column type's
// reader is in shared/sheets/types/; the pieces several of them share are here.
import { jsDateToIsoDate } from '../dates.js';
import { COUNCIL_ID_PATTERN } from '../vocabulary.js';
import type { PlainCell } from './cells.js';
import { phrase, say, spoken, type Say, type SayValue } from '../i18n/say.js';

export class CellFault {
  constructor(
    readonly code: string,
    readonly say: Say,
  ) {}

  /** In English, written when asked for: most faults of a large sheet are only counted. */
  get message(): string {
    return spoken('en', this.say);
  }
}

/** Reads a non-blank, non-error cell: the typed value, or a CellFault. */
export type CellReader = (cell: Exclude<PlainCell, undefined>) => unknown;

/** A council of the partnership, as far as reading a cell that names one needs it. */
export interface KnownCouncil {
  readonly id: string;
  readonly name: string;
}

export interface ReadContext {
  /** The partnership's councils, to accept a council's name where its ID is asked for. */
  readonly councils?: readonly KnownCouncil[];
}

export function asText(cell: Exclude<PlainCell, undefined>): string {
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return jsDateToIsoDate(cell) ?? '';
  return String(cell);
}

/** Maps what a person may type for a council (its ID in any case, or its name) to the council ID. */
export function councilResolver(councils?: readonly KnownCouncil[]): (text: string) => string | undefined {
  const known = new Map<string, string>();
  for (const c of councils ?? []) known.set(c.name.trim().replace(/\s+/g, ' ').toLowerCase(), c.id);
  for (const c of councils ?? []) known.set(c.id, c.id);
  return (text) => {
    const wanted = text.trim().replace(/\s+/g, ' ').toLowerCase();
    const id = known.get(wanted);
    if (id !== undefined) return id;
    return COUNCIL_ID_PATTERN.test(wanted) ? wanted : undefined;
  };
}

/** What to say of a council reference that is not one of the partnership's councils. */
export function unknownCouncilSay(
  header: string,
  found: SayValue,
  councils?: readonly KnownCouncil[],
  many = false,
): Say {
  const expected =
    councils && councils.length > 0
      ? phrase(many ? 'problem.expected.councils' : 'problem.expected.council', {
          councils: [...new Set(councils.map((c) => c.id))].join(', '),
        })
      : phrase(many ? 'problem.expected.councilIds' : 'problem.expected.councilId');
  return say('problem.mustBe', { column: header, expected, found });
}
