// The rules of DESIGN §3.1 that look beyond one cell: across a row, across rows, across sheets and
// against the partnership. The workbook path and the JSON path both run exactly these. A row with a
// faulty cell is still checked, each rule only when every field it needs was read (`wasRead`).
import { financialYearOf, firstDayOf, lastDayOf, monthsOfFinancialYear } from '../dates.js';
import { say, type Say } from '../i18n/say.js';
import { formatPounds, roundHalfAwayFromZero } from '../money.js';
import type { Problem } from '../schemas.js';
import {
  CONTRIBUTIONS_LAYOUT,
  listValues,
  PROJECTS_LAYOUT,
  SKILLS_LAYOUT,
  type ContributionRow,
  type Partnership,
  type ProjectRow,
  type SkillRow,
} from '../sheets/index.js';
import { plainNumber } from '../sheets/bounds.js';
import { unknownCouncilSay } from './cell-reader.js';
import { problem } from './problems.js';
import { datesOutOfOrder, duplicateRowProblems, header, wasRead } from './row-rules.js';
import type { Located } from './sheet.js';

export interface CouncilRows {
  contributions: readonly Located<ContributionRow>[];
  skills: readonly Located<SkillRow>[];
  projects: readonly Located<ProjectRow>[];
}

export interface CouncilRuleContext {
  /** Without it, the rules that need the partnership are skipped. */
  partnership?: Partnership;
  /** The period of the return; without it, the Month rules are skipped. */
  period?: string;
  /** The workbook's Skills sheet could not be read: people are not looked up on it. */
  skillsUnreadable?: boolean;
}

const C = CONTRIBUTIONS_LAYOUT;
const CONTRIBUTIONS = C.sheet;
const MONTH = header(C, 'month');
const BUDGET_LINE = header(C, 'budgetLine');
const AMOUNT = header(C, 'amountPence');
const DAYS = header(C, 'days');
const DAY_RATE = header(C, 'dayRatePence');
const PERSON = header(C, 'personEmail');
const SKILLS = SKILLS_LAYOUT.sheet;
const SKILL_DAY_RATE = header(SKILLS_LAYOUT, 'dayRatePence');
const PROJECTS = PROJECTS_LAYOUT.sheet;
const LEAD = header(PROJECTS_LAYOUT, 'lead');
const PARTNERS = header(PROJECTS_LAYOUT, 'partners');

/** Days × Day rate in pence, rounded half away from zero (DESIGN §4.5). */
export const inKindPence = (days: number, dayRatePence: number): number =>
  roundHalfAwayFromZero(days * dayRatePence);

const validDays = (days: number): boolean => days > 0 && Number.isInteger(days * 2);

export function councilRowProblems(rows: CouncilRows, ctx: CouncilRuleContext): Problem[] {
  return [
    ...contributionProblems(rows, ctx),
    ...inKindCapacityProblems(rows),
    ...skillProblems(rows.skills),
    ...projectProblems(rows.projects, ctx.partnership),
  ];
}

function contributionProblems(rows: CouncilRows, ctx: CouncilRuleContext): Problem[] {
  const problems: Problem[] = [];
  const add = (
    row: number,
    column: string,
    code: string,
    said: Say,
    severity: 'error' | 'warning' = 'error',
  ) => problems.push(problem(CONTRIBUTIONS, row, column, code, severity, said));
  const people = new Set(
    rows.skills.filter((s) => wasRead(s, 'email')).map((s) => s.value.email.toLowerCase()),
  );
  const linesByYear = new Map<string, string[]>();
  const budgetLines = (fy: string, p: Partnership): string[] => {
    let lines = linesByYear.get(fy);
    if (!lines) linesByYear.set(fy, (lines = listValues('budgetLines', p, fy)));
    return lines;
  };
  const { period, partnership } = ctx;
  const year = period === undefined ? undefined : financialYearOf(period);
  const yearMonths = year === undefined ? [] : monthsOfFinancialYear(year);

  for (const located of rows.contributions) {
    const { row, value: c } = located;
    const read = (...keys: (keyof ContributionRow)[]) => wasRead(located, ...keys);
    if (period !== undefined && year !== undefined && read('month')) {
      if (financialYearOf(c.month) !== year) {
        add(
          row,
          MONTH,
          'month-outside-year',
          say('problem.monthOutsideYear', {
            column: MONTH,
            year,
            first: { month: yearMonths[0]! },
            last: { month: yearMonths[11]! },
            month: { month: c.month },
          }),
        );
      } else if (c.month > period) {
        add(
          row,
          MONTH,
          'month-after-period',
          say('problem.monthAfterPeriod', {
            column: MONTH,
            period: { month: period },
            month: { month: c.month },
          }),
        );
      }
    }
    if (partnership && read('month', 'budgetLine')) {
      const fy = financialYearOf(c.month);
      const lines = budgetLines(fy, partnership);
      if (!lines.includes(c.budgetLine)) {
        add(
          row,
          BUDGET_LINE,
          'unknown-budget-line',
          lines.length > 0
            ? say('problem.unknownBudgetLine', {
                column: BUDGET_LINE,
                year: fy,
                lines: lines.join(', '),
                found: `"${c.budgetLine}"`,
              })
            : say('problem.noBudgetLines', { column: BUDGET_LINE, year: fy, found: `"${c.budgetLine}"` }),
        );
      }
    }
    // Days filled in on a Cash row are kept, so they must be well-formed there too.
    if (read('days') && c.days !== undefined && !validDays(c.days)) {
      add(
        row,
        DAYS,
        'days-not-half-steps',
        say('problem.daysNotHalfSteps', { column: DAYS, found: plainNumber(c.days) }),
      );
    }
    if (!read('type')) continue;
    if (c.type === 'Cash') {
      if (read('amountPence') && c.amountPence === undefined) {
        add(row, AMOUNT, 'required', say('problem.requiredForCash', { column: AMOUNT }));
      }
      continue;
    }
    if (read('days') && c.days === undefined) {
      add(row, DAYS, 'required', say('problem.requiredForInKind', { column: DAYS }));
    }
    if (!read('dayRatePence')) {
      // Its fault is already reported.
    } else if (c.dayRatePence === undefined) {
      add(row, DAY_RATE, 'day-rate-missing', say('problem.requiredForInKind', { column: DAY_RATE }));
    } else if (c.dayRatePence <= 0) {
      add(row, DAY_RATE, 'day-rate-missing', say('problem.dayRateNotPositive', { column: DAY_RATE }));
    }
    if (
      read('days', 'dayRatePence', 'amountPence') &&
      c.days !== undefined &&
      validDays(c.days) &&
      c.dayRatePence &&
      c.amountPence !== undefined
    ) {
      const expected = inKindPence(c.days, c.dayRatePence);
      if (c.amountPence !== expected) {
        add(
          row,
          AMOUNT,
          'in-kind-amount-mismatch',
          say('problem.inKindAmountMismatch', {
            column: AMOUNT,
            days: plainNumber(c.days),
            dayRate: formatPounds(c.dayRatePence),
            expected: formatPounds(expected),
            found: formatPounds(c.amountPence),
          }),
        );
      }
    }
    if (!read('personEmail')) continue;
    if (c.personEmail === undefined) {
      add(row, PERSON, 'required', say('problem.requiredForInKind', { column: PERSON }));
    } else if (!ctx.skillsUnreadable && !people.has(c.personEmail.toLowerCase())) {
      add(
        row,
        PERSON,
        'person-not-on-skills',
        say('problem.personNotOnSkills', { email: c.personEmail, sheet: SKILLS }),
        'warning',
      );
    }
  }
  for (const p of duplicateRowProblems(C, rows.contributions, 'warning')) problems.push(p);
  return problems;
}

/**
 * In-kind Days per person and month must fit the person's Days per month on the Skills sheet. A person
 * with a Skills row whose Days per month, From or To could not be read has no known capacity, so is not
 * checked; a Contributions row is counted only when its Type, Month, Person and Days were read.
 */
function inKindCapacityProblems(rows: CouncilRows): Problem[] {
  const skillsByPerson = new Map<string, SkillRow[]>();
  const capacityUnknown = new Set<string>();
  for (const located of rows.skills) {
    if (!wasRead(located, 'email')) continue;
    const { value } = located;
    const email = value.email.toLowerCase();
    if (!wasRead(located, 'daysPerMonth', 'from', 'to')) capacityUnknown.add(email);
    const list = skillsByPerson.get(email);
    if (list) list.push(value);
    else skillsByPerson.set(email, [value]);
  }
  const claimed = new Map<string, number>();
  const reported = new Set<string>();
  const problems: Problem[] = [];
  for (const located of rows.contributions) {
    if (!wasRead(located, 'type', 'month', 'personEmail', 'days')) continue;
    const { row, value: c } = located;
    if (c.type !== 'In-kind' || c.personEmail === undefined || c.days === undefined) continue;
    const email = c.personEmail.toLowerCase();
    const skills = skillsByPerson.get(email);
    if (!skills || capacityUnknown.has(email)) continue;
    const key = `${email}\u0000${c.month}`;
    const total = (claimed.get(key) ?? 0) + c.days;
    claimed.set(key, total);
    if (reported.has(key)) continue;
    const first = firstDayOf(c.month);
    const last = lastDayOf(c.month);
    const active = skills.filter((s) => (s.from ?? first) <= last && (s.to ?? last) >= first);
    if (active.length === 0) continue;
    const capacity = active.reduce((most, s) => Math.max(most, s.daysPerMonth), 0);
    if (total > capacity) {
      reported.add(key);
      problems.push(
        problem(
          CONTRIBUTIONS,
          row,
          DAYS,
          'in-kind-days-exceed',
          'warning',
          say('problem.inKindDaysExceed', {
            email: c.personEmail,
            month: { month: c.month },
            total: plainNumber(total),
            capacity: plainNumber(capacity),
            sheet: SKILLS,
          }),
        ),
      );
    }
  }
  return problems;
}

function skillProblems(rows: readonly Located<SkillRow>[]): Problem[] {
  const problems: Problem[] = [];
  for (const located of rows) {
    const { row, value: s } = located;
    if (
      wasRead(located, 'organisationType', 'dayRatePence') &&
      s.dayRatePence === undefined &&
      (s.organisationType === 'SME' || s.organisationType === 'Freelancer')
    ) {
      problems.push(
        problem(
          SKILLS,
          row,
          SKILL_DAY_RATE,
          'day-rate-missing',
          'warning',
          say(
            s.organisationType === 'SME' ? 'problem.dayRateMissing.sme' : 'problem.dayRateMissing.freelancer',
            {
              column: SKILL_DAY_RATE,
            },
          ),
        ),
      );
    }
    if (wasRead(located, 'from', 'to')) {
      problems.push(...datesOutOfOrder(SKILLS_LAYOUT, row, 'to-before-from', ['from', s.from], ['to', s.to]));
    }
  }
  for (const p of duplicateRowProblems(SKILLS_LAYOUT, rows, 'error')) problems.push(p);
  return problems;
}

function projectProblems(rows: readonly Located<ProjectRow>[], partnership?: Partnership): Problem[] {
  const problems: Problem[] = [];
  const councils = partnership ? new Set(partnership.councils.map((c) => c.id)) : undefined;
  for (const located of rows) {
    const { row, value: p } = located;
    if (partnership && councils) {
      if (wasRead(located, 'lead') && !councils.has(p.lead)) {
        problems.push(
          problem(
            PROJECTS,
            row,
            LEAD,
            'unknown-council',
            'error',
            unknownCouncilSay(LEAD, `"${p.lead}"`, partnership.councils),
          ),
        );
      }
      const unknown = wasRead(located, 'partners') ? p.partners.filter((id) => !councils.has(id)) : [];
      if (unknown.length > 0) {
        problems.push(
          problem(
            PROJECTS,
            row,
            PARTNERS,
            'unknown-council',
            'error',
            unknownCouncilSay(
              PARTNERS,
              unknown.map((id) => `"${id}"`).join(', '),
              partnership.councils,
              true,
            ),
          ),
        );
      }
    }
    if (wasRead(located, 'start', 'due')) {
      problems.push(
        ...datesOutOfOrder(PROJECTS_LAYOUT, row, 'due-before-start', ['start', p.start], ['due', p.due]),
      );
    }
  }
  for (const p of duplicateRowProblems(PROJECTS_LAYOUT, rows, 'error')) problems.push(p);
  return problems;
}

/**
 * Budget lines typed in another case take the partnership's spelling for the row's financial year, so
 * the rules and consolidation compare exact names.
 */
export function canonicalBudgetLines(
  rows: Located<ContributionRow>[],
  partnership: Partnership,
): Located<ContributionRow>[] {
  const byYear = new Map<string, Map<string, string>>();
  for (const b of partnership.budget) {
    let lines = byYear.get(b.financialYear);
    if (!lines) byYear.set(b.financialYear, (lines = new Map()));
    lines.set(b.budgetLine.trim().replace(/\s+/g, ' ').toLowerCase(), b.budgetLine);
  }
  return rows.map((r) => {
    if (!wasRead(r, 'month', 'budgetLine')) return r;
    const wanted = r.value.budgetLine.replace(/\s+/g, ' ').toLowerCase();
    const line = byYear.get(financialYearOf(r.value.month))?.get(wanted);
    return line === undefined || line === r.value.budgetLine
      ? r
      : { ...r, value: { ...r.value, budgetLine: line } };
  });
}
