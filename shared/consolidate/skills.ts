// Who can do what (DESIGN §4 Skills): people merged by e-mail across councils, then coverage per skill.
import { firstDayOf, lastDayOf } from '../dates.js';
import type { ConsolidatedView, Person, SkillConflict, SkillRow, SubmissionRecord } from '../schemas.js';
import { levelNumber, SKILLS, type Skill, type SkillLevel } from '../vocabulary.js';

export type SkillsView = ConsolidatedView['skills'];

/** Days are summed as whole millionths of a day so that FTE totals are exact before the final rounding. */
const MICRO = 1_000_000;
const FULL_TIME_DAYS = 20;
const toMicroDays = (days: number): number => Math.round(days * MICRO);
/** FTE (a number of micro-days over 20 days) to 2 decimals, half away from zero. */
const fteFromMicroDays = (micro: number): number =>
  Math.round(micro / ((FULL_TIME_DAYS * MICRO) / 100)) / 100;

interface Listing {
  council: string;
  row: SkillRow;
}

interface PersonSkill {
  level: SkillLevel;
  daysPerMonth: number;
  listings: Listing[];
}

interface Tally {
  people: number;
  practitioners: number;
  microDays: number;
  externalMicroDays: number;
  councils: Set<string>;
}

interface PersonRecord {
  email: string;
  details: Listing;
  /** In partnership order, the order councils are visited in. */
  councils: Set<string>;
  skills: Map<Skill, PersonSkill>;
  maxDays: number;
}

const EXTERNAL: ReadonlySet<string> = new Set(['SME', 'Freelancer']);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The listing whose name and organisation stand for the person: the lowest council ID, then text order. */
const preferredListing = (a: Listing, b: Listing): boolean =>
  (compareText(a.council, b.council) ||
    compareText(a.row.person, b.row.person) ||
    compareText(a.row.organisationType, b.row.organisationType) ||
    compareText(a.row.organisation, b.row.organisation)) < 0;

function collectPeople(
  councilOrder: readonly string[],
  chosen: ReadonlyMap<string, SubmissionRecord>,
  period: string,
): Map<string, PersonRecord> {
  const people = new Map<string, PersonRecord>();
  const first = firstDayOf(period);
  const last = lastDayOf(period);
  for (const council of councilOrder) {
    for (const row of chosen.get(council)?.data.skills ?? []) {
      if ((row.from !== undefined && row.from > last) || (row.to !== undefined && row.to < first)) continue;
      const email = row.email.toLowerCase();
      const listing = { council, row };
      let person = people.get(email);
      if (person === undefined) {
        person = { email, details: listing, councils: new Set(), skills: new Map(), maxDays: 0 };
        people.set(email, person);
      } else if (preferredListing(listing, person.details)) {
        person.details = listing;
      }
      person.councils.add(council);
      person.maxDays = Math.max(person.maxDays, row.daysPerMonth);
      const skill = person.skills.get(row.skill);
      if (skill === undefined) {
        person.skills.set(row.skill, {
          level: row.level,
          daysPerMonth: row.daysPerMonth,
          listings: [listing],
        });
      } else {
        if (levelNumber(row.level) > levelNumber(skill.level)) skill.level = row.level;
        skill.daysPerMonth = Math.max(skill.daysPerMonth, row.daysPerMonth);
        skill.listings.push(listing);
      }
    }
  }
  return people;
}

function conflictsOf(person: PersonRecord, skill: Skill, entry: PersonSkill): SkillConflict[] {
  const conflicts: SkillConflict[] = [];
  if (entry.listings.length < 2) return conflicts;
  for (const field of ['level', 'daysPerMonth'] as const) {
    const values = entry.listings.map((l) => ({ council: l.council, value: l.row[field] }));
    if (new Set(values.map((v) => v.value)).size > 1)
      conflicts.push({ email: person.email, skill, field, values });
  }
  return conflicts;
}

export function consolidateSkills(
  councilOrder: readonly string[],
  chosen: ReadonlyMap<string, SubmissionRecord>,
  period: string,
): SkillsView {
  const people = [...collectPeople(councilOrder, chosen, period).values()].sort((a, b) =>
    compareText(a.email, b.email),
  );
  const coverage = {} as Record<Skill, Tally>;
  for (const skill of SKILLS) {
    coverage[skill] = {
      people: 0,
      practitioners: 0,
      microDays: 0,
      externalMicroDays: 0,
      councils: new Set(),
    };
  }
  const conflicts: SkillConflict[] = [];
  const personRows: Person[] = [];
  for (const person of people) {
    const microDays = toMicroDays(Math.min(FULL_TIME_DAYS, person.maxDays));
    const external = EXTERNAL.has(person.details.row.organisationType);
    const skills: Person['skills'] = [];
    for (const skill of SKILLS) {
      const entry = person.skills.get(skill);
      const tally = coverage[skill];
      if (entry === undefined) continue;
      skills.push({ skill, level: entry.level, daysPerMonth: entry.daysPerMonth });
      conflicts.push(...conflictsOf(person, skill, entry));
      for (const listing of entry.listings) {
        if (levelNumber(listing.row.level) >= levelNumber('Working')) tally.councils.add(listing.council);
      }
      if (levelNumber(entry.level) < levelNumber('Working')) continue;
      tally.people += 1;
      if (levelNumber(entry.level) >= levelNumber('Practitioner')) tally.practitioners += 1;
      tally.microDays += microDays;
      if (external) tally.externalMicroDays += microDays;
    }
    personRows.push({
      email: person.email,
      name: person.details.row.person,
      organisationType: person.details.row.organisationType,
      organisation: person.details.row.organisation,
      councils: [...person.councils],
      fte: fteFromMicroDays(microDays),
      skills,
    });
  }
  return {
    coverage: SKILLS.map((skill) => {
      const tally = coverage[skill];
      return {
        skill,
        people: tally.people,
        practitioners: tally.practitioners,
        fte: fteFromMicroDays(tally.microDays),
        externalFte: fteFromMicroDays(tally.externalMicroDays),
        councils: tally.councils.size,
        status: tally.practitioners === 0 ? 'gap' : tally.practitioners === 1 ? 'fragile' : 'covered',
      };
    }),
    people: personRows,
    conflicts,
  };
}
