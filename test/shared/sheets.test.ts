// Each sheet's definition and the schema made from it agree: checked by the compiler (expectTypeOf is
// a type assertion, so `tsc` fails if they drift) and at run time for what the types cannot see.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Period } from '../../shared/dates.js';
import {
  ABOUT_FIELDS,
  BUDGET_LAYOUT,
  CDO_TIME_LAYOUT,
  columnRule,
  CONTRIBUTIONS_LAYOUT,
  COST_SHARES_LAYOUT,
  COUNCIL_LAYOUTS,
  COUNCILS_LAYOUT,
  dropDownLists,
  FUNDING_LAYOUT,
  PARTNERSHIP_LAYOUTS,
  PROJECTS_LAYOUT,
  SETTINGS_FIELDS,
  SKILLS_LAYOUT,
  type CellValues,
  type Column,
  type ContributionRow,
  type CouncilSubmission,
  type Partnership,
} from '../../shared/sheets/index.js';
import { partnership } from './parse-fixtures.js';

type Definition = { readonly columns: readonly Column[]; readonly schema: z.ZodType };
type Row<D extends Definition> = z.output<D['schema']>;
type Key<D extends Definition> = D['columns'][number]['key'];
type ColumnFor<D extends Definition, K> = Extract<D['columns'][number], { key: K }>;
/** Per key: does the row's value have the kind its column's cell type reads and writes? */
type Agreement<D extends Definition> = {
  [K in keyof Row<D>]-?: Exclude<Row<D>[K], undefined> extends CellValues[ColumnFor<D, K>['type']]
    ? true
    : false;
};
/** The row's keys are the columns' keys, and every value agrees with its column. */
type Agrees<D extends Definition> = [keyof Row<D>] extends [Key<D>]
  ? [Key<D>] extends [keyof Row<D>]
    ? Agreement<D>[keyof Row<D>]
    : false
  : false;

const definitions = [
  CONTRIBUTIONS_LAYOUT,
  SKILLS_LAYOUT,
  PROJECTS_LAYOUT,
  COUNCILS_LAYOUT,
  BUDGET_LAYOUT,
  FUNDING_LAYOUT,
  CDO_TIME_LAYOUT,
  COST_SHARES_LAYOUT,
  ABOUT_FIELDS,
  SETTINGS_FIELDS,
] as const;

describe('a sheet is defined once', () => {
  it('gives each sheet a schema whose keys and values are its columns’', () => {
    expectTypeOf<Agrees<typeof CONTRIBUTIONS_LAYOUT>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof SKILLS_LAYOUT>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof PROJECTS_LAYOUT>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof COUNCILS_LAYOUT>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof BUDGET_LAYOUT>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof FUNDING_LAYOUT>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof CDO_TIME_LAYOUT>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof COST_SHARES_LAYOUT>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof ABOUT_FIELDS>>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<typeof SETTINGS_FIELDS>>().toEqualTypeOf<true>();
    // The check can fail: a column whose value the schema would not let it write.
    type Drifted = {
      columns: readonly [Column<'month', 'money', z.ZodString>];
      schema: z.ZodObject<{ month: z.ZodString }>;
    };
    expectTypeOf<Agrees<Drifted>>().toEqualTypeOf<false>();
    type Missing = {
      columns: readonly [Column<'a', 'text', z.ZodString>];
      schema: z.ZodObject<{ a: z.ZodString; b: z.ZodString }>;
    };
    expectTypeOf<Agrees<Missing>>().toEqualTypeOf<false>();
    for (const { columns, schema } of definitions) {
      expect(Object.keys(schema.shape)).toEqual(columns.map((c) => c.key));
    }
  });

  it('keeps what blank means: optional, a default, or required', () => {
    expectTypeOf<ContributionRow['month']>().toEqualTypeOf<Period>();
    expectTypeOf<CouncilSubmission['period']>().toEqualTypeOf<Period>();
    expectTypeOf<ContributionRow['amountPence']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CouncilSubmission['projects'][number]['partners']>().toEqualTypeOf<string[]>();
    expectTypeOf<Partnership['councils'][number]['population']>().toEqualTypeOf<number>();
    expectTypeOf<Partnership['rollupRecipients']>().toEqualTypeOf<string[]>();
    expectTypeOf<Partnership['costShareMethod']>().toEqualTypeOf<
      'Equal' | 'Population' | 'Hybrid' | 'Usage' | 'Fixed'
    >();
    expect(COUNCILS_LAYOUT.schema.parse({ id: 'a', name: 'A', membership: 'Member' }).population).toBe(0);
  });

  it('refuses in JSON what a cell of the same column refuses', () => {
    const budget = { financialYear: '2026-27', budgetLine: 'CDO salary', amountPence: 1 };
    expect(BUDGET_LAYOUT.schema.safeParse(budget).success).toBe(true);
    expect(BUDGET_LAYOUT.schema.safeParse({ ...budget, financialYear: '2026-99' }).success).toBe(false);
    const council = { id: 'c'.repeat(61), name: 'A', membership: 'Member' };
    expect(COUNCILS_LAYOUT.schema.safeParse(council).success).toBe(false);
    expect(COUNCILS_LAYOUT.schema.safeParse({ ...council, id: 'c'.repeat(60) }).success).toBe(true);
  });
});

describe('the rules Excel enforces', () => {
  const range = (source: string) => (source === 'budgetLines' ? undefined : `Lists!$A$2:$A$9`);
  const rule = (columns: readonly Column[], key: string) =>
    columnRule(
      columns.find((c) => c.key === key)!,
      range,
    );

  it('stops a value no check would accept, and only warns where the checks accept more', () => {
    expect(rule(CONTRIBUTIONS_LAYOUT.columns, 'type')).toMatchObject({
      list: 'Lists!$A$2:$A$9',
      alert: { style: 'stop', message: 'Choose Type from the list.' },
    });
    // A council may be typed by its name, which the list of IDs does not hold.
    expect(rule(PROJECTS_LAYOUT.columns, 'lead')?.alert?.style).toBe('warning');
    expect(rule(SKILLS_LAYOUT.columns, 'daysPerMonth')).toMatchObject({
      number: { whole: false, min: 0, max: 23 },
      alert: { style: 'stop', message: 'Days per month must be a number between 0 and 23.' },
    });
    expect(rule(COUNCILS_LAYOUT.columns, 'population')).toMatchObject({
      number: { whole: true, min: 0 },
      alert: { style: 'stop', message: 'Population must be a whole number of 0 or more.' },
    });
    expect(rule(CONTRIBUTIONS_LAYOUT.columns, 'amountPence')?.alert?.message).toBe(
      'Amount (£) must be an amount in pounds of £0.00 or more.',
    );
  });

  it('cuts texts at Excel’s limits: title 32, prompt 255, error message 225 characters', () => {
    const long = {
      ...SKILLS_LAYOUT.columns.find((c) => c.key === 'daysPerMonth')!,
      header: 'D'.repeat(240),
      prompt: 'P'.repeat(300),
    };
    const cut = columnRule(long, range)!;
    expect(cut.prompt).toEqual({ title: 'D'.repeat(32), message: 'P'.repeat(255) });
    expect(cut.alert?.title).toBe('D'.repeat(32));
    // "DDD… must be a number between 0 and 23.": the header's 240 characters and the words after it,
    // cut at 225.
    expect(cut.alert?.message).toBe('D'.repeat(225));
  });

  it('gives every column its prompt, and a list with no values no rule', () => {
    for (const layout of [...COUNCIL_LAYOUTS, ...PARTNERSHIP_LAYOUTS]) {
      for (const column of layout.columns) {
        expect(columnRule(column, range)?.prompt).toEqual({ title: column.header, message: column.prompt });
      }
    }
    const budgetLine = rule(CONTRIBUTIONS_LAYOUT.columns, 'budgetLine');
    expect(budgetLine).toEqual({ prompt: expect.any(Object) });
  });

  it('builds the Lists sheet once: each list the sheets use, in the order they first use it', () => {
    const lists = dropDownLists(COUNCIL_LAYOUTS, partnership, '2026-27');
    expect(lists.map((l) => l.title)).toEqual([
      'Contribution types',
      'Budget lines',
      'Organisation types',
      'Skills',
      'Levels',
      'Themes',
      'Councils',
      'Phases',
      'RAG',
    ]);
    expect(lists.find((l) => l.source === 'budgetLines')?.values).toEqual(['CDO salary', 'Shared team']);
    // Without a partnership there is nothing to list for budget lines and councils.
    expect(dropDownLists(COUNCIL_LAYOUTS).map((l) => l.source)).not.toContain('councils');
  });
});
