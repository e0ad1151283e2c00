// Deliberately wrong returns, partnerships and request bodies: every problem the checks of shared/ and
// server/ raise, made by running those checks, for the test that each says what it says in Welsh.
import { consolidate, ConsolidationError } from '../../shared/consolidate/index.js';
import { CellFault } from '../../shared/parse/cell-reader.js';
import {
  parseCouncilWorkbook,
  parsePartnershipWorkbook,
  rowsToGrid,
  validateCouncilSubmission,
  validatePartnership,
  type WorkbookGrids,
} from '../../shared/parse/index.js';
import { problem } from '../../shared/parse/problems.js';
import type { CouncilSubmission, Partnership, Problem } from '../../shared/schemas.js';
import {
  BUDGET_LAYOUT,
  COST_SHARES_LAYOUT,
  COUNCILS_LAYOUT,
  PROJECTS_LAYOUT,
  SKILLS_LAYOUT,
  CONTRIBUTIONS_LAYOUT,
  type ColumnLayout,
  type SheetLayout,
} from '../../shared/sheets/index.js';
import { COLUMN_TYPES } from '../../shared/sheets/types/index.js';
import { numberReader } from '../../shared/sheets/types/numeric.js';
import { decisionRequestSchema } from '../../shared/agreements.js';
import { newTokenSchema, rectifyPersonSchema } from '../../shared/api.js';
import { InvalidInput } from '../../server/errors.js';
import { checkJson } from '../../server/returns/check-return.js';
import { submitReturn } from '../../server/returns/submit-return.js';
import { unknownCouncil } from '../../server/services/council-check.js';
import { parseRequestBody, requestFieldProblem } from '../../server/services/json-problems.js';
import { readPartnership } from '../../server/services/partnership-input.js';
import type { Store } from '../../server/store/index.js';
import { phrase } from '../../shared/i18n/say.js';
import { aboutGrid, context, councilGrids, partnership, submission } from '../shared/parse-fixtures.js';

/** A sheet of `rows` laid out by the template writer, each row's cells then replaced by header. */
function sheet(layout: SheetLayout, rows: readonly object[], cells: readonly Record<string, unknown>[] = []) {
  const [head, ...body] = rowsToGrid(layout, rows) as [string[], ...unknown[][]];
  cells.forEach((changes, i) => {
    for (const [header, value] of Object.entries(changes)) body[i]![head.indexOf(header)] = value;
  });
  return { values: [head, ...body] };
}

const [project, other] = submission.projects as [CouncilSubmission['projects'][number], object];
const [ann, raj] = submission.skills as [
  CouncilSubmission['skills'][number],
  CouncilSubmission['skills'][number],
];
const [cash, inKind] = submission.contributions as [
  CouncilSubmission['contributions'][number],
  CouncilSubmission['contributions'][number],
];

/** Cells that cannot be read, on each sheet of a council's workbook, and its headers. */
function councilCellProblems(): Problem[] {
  const grids: WorkbookGrids = {
    ...councilGrids(),
    Projects: sheet(
      PROJECTS_LAYOUT,
      [project, other, project],
      [
        {
          Title: '',
          Theme: 'Space',
          'Lead council': 'atlantis',
          Partners: 'oxford; narnia',
          Start: 'soon',
          'Budget (£)': -5,
          'Spent to date (£)': 1e15,
          'Savings target (£)': 'twelve',
        },
        { 'Project ID': 'OX 1', Due: '#N/A', Title: 'x'.repeat(300) },
      ],
    ),
    Skills: sheet(
      SKILLS_LAYOUT,
      [ann, raj, raj],
      [
        { Email: 'ann', Level: 'Guru', 'Days per month': new Date(Date.UTC(2027, 2, 31)) },
        { 'Days per month': 30 },
      ],
    ),
    Contributions: sheet(CONTRIBUTIONS_LAYOUT, [cash, inKind], [{ Month: 'later', 'Amount (£)': 'twelve' }]),
  };
  // Extra and missing columns: one and several of each.
  const projects = grids.Projects!.values;
  grids.Projects = { values: projects.map((row, i) => [...row, i === 0 ? 'My notes' : 'x']) };
  const skills = grids.Skills!.values as unknown[][];
  grids.Skills = {
    values: skills.map((row, i) => [...row, i === 0 ? 'Remarks' : 'a', i === 0 ? 'Check' : 'b']),
  };
  const withoutColumns = (values: unknown[][], headers: readonly string[]) => {
    const drop = headers.map((h) => (values[0] as string[]).indexOf(h));
    return { values: values.map((row) => row.filter((_, i) => !drop.includes(i))) };
  };
  grids.Contributions = withoutColumns(grids.Contributions!.values as unknown[][], ['Reference']);
  const headers: WorkbookGrids = {
    About: aboutGrid(),
    Projects: withoutColumns(sheet(PROJECTS_LAYOUT, [project]).values, ['Theme', 'Owner', 'Update']),
    Skills: { values: [] },
  };
  const title = (headers.Projects!.values[0] as string[]).indexOf('Title');
  headers.Projects = { values: headers.Projects!.values.map((row) => [...row, row[title]]) };
  // Without the partnership, a council is known only by the form of its ID.
  const unknown = {
    Projects: sheet(PROJECTS_LAYOUT, [project], [{ 'Lead council': 'Bad ID', Partners: 'Bad ID' }]),
  };
  return [
    ...parseCouncilWorkbook(grids, context).problems,
    ...parseCouncilWorkbook(headers, context).problems,
    ...parseCouncilWorkbook({ ...councilGrids(), ...unknown }, { council: 'cherwell', period: '2026-07' })
      .problems,
  ];
}

/** What the About sheet says against what the return is submitted for. */
function aboutProblems(): Problem[] {
  const about = (values: unknown[][]) =>
    parseCouncilWorkbook({ ...councilGrids(), About: { values } }, context);
  const { About: _about, ...noAbout } = councilGrids();
  return [
    ...parseCouncilWorkbook(noAbout, { partnership }).problems,
    ...parseCouncilWorkbook(
      { ...councilGrids(), About: { values: [['Council ID', 'cherwell']] } },
      { partnership },
    ).problems,
    ...about([
      ['Council ID', 'oxford-city'],
      ['Period', '2026-06'],
      ['Layout version', 2],
    ]).problems,
    ...about([
      ['Council ID', 'banbury'],
      ['Period', 'July'],
      ['Layout version', '#REF!'],
    ]).problems,
  ];
}

/** The rules across rows and sheets of a return, run on rows as JSON gives them. */
function councilRuleProblems(): Problem[] {
  const row = (change: object) => ({ ...cash, ...change });
  const person = { type: 'In-kind' as const, budgetLine: 'Shared team', month: '2026-06' };
  const wrong = {
    ...submission,
    contributions: [
      cash,
      cash,
      row({ month: '2025-04', budgetLine: 'CDO salary' }),
      row({ month: '2027-04', budgetLine: 'Travel' }),
      row({ month: '2026-09' }),
      row({ amountPence: undefined }),
      row({ ...person, amountPence: undefined, days: 0.3 }),
      row({ ...person, amountPence: undefined, dayRatePence: 0, personEmail: 'bob@cherwell.gov.uk' }),
      row({ ...person, days: 2, dayRatePence: 40_000, amountPence: 90_000, personEmail: ann.email }),
      row({ ...person, days: 5, dayRatePence: 40_000, amountPence: undefined, personEmail: ann.email }),
    ],
    skills: [
      ann,
      { ...raj, dayRatePence: undefined },
      { ...raj, skill: 'User research', organisationType: 'Freelancer', dayRatePence: undefined },
      { ...ann, skill: 'Development', from: '2026-09-01', to: '2026-08-31' },
      ann,
    ],
    projects: [
      { ...project, lead: 'atlantis', partners: ['narnia'], start: '2026-06-01', due: '2026-05-31' },
      project,
    ],
  } as CouncilSubmission;
  return validateCouncilSubmission(wrong, context);
}

/** A partnership with every rule of its own broken, as a workbook and as JSON. */
function partnershipProblems(): Problem[] {
  const councils = partnership.councils;
  const broken = {
    ...partnership,
    costShareMethod: 'Fixed',
    councils: [...councils, { ...councils[0]!, joined: '2026-04-01', left: '2025-04-01' }],
    cdoTime: [{ month: '2026-04', council: 'narnia', days: 1 }],
    costShares: [{ financialYear: '2026-27', council: 'cherwell', sharePercent: 30 }],
  } as Partnership;
  const settings = [
    ['Cost-share method', 'Random'],
    ['Hybrid equal part (%)', 'lots'],
    ['Submission deadline (day of month)', 31.5],
    ['Reminder days before deadline', 40],
    ['Roll-up recipients', 'cdo@oxfordshire.gov.uk; chairs'],
  ];
  const cells: WorkbookGrids = {
    Settings: { values: [['Partnership name', 'Oxford\tDigital'], ...settings] },
    Councils: sheet(COUNCILS_LAYOUT, councils, [{ 'Council ID': 'Bad ID', Population: 1.5 }]),
    Budget: sheet(BUDGET_LAYOUT, partnership.budget, [{ 'Financial year': '2026/27' }]),
    'Cost shares': sheet(
      COST_SHARES_LAYOUT,
      [{ financialYear: '2026-27', council: 'cherwell', sharePercent: 1 }],
      [{ 'Share (%)': 'lots' }],
    ),
  };
  return [
    ...validatePartnership(broken),
    ...validatePartnership({ ...partnership, councils: [] }),
    ...parsePartnershipWorkbook(cells).problems,
    ...parsePartnershipWorkbook({ Settings: { values: settings } }).problems,
    ...parsePartnershipWorkbook({ Councils: sheet(COUNCILS_LAYOUT, councils) }).problems,
  ];
}

/** Fixed shares the consolidation cannot share costs by, as the service refuses them (422 consolidation). */
function consolidationProblems(): Problem[] {
  const fixed = (costShares: Partnership['costShares']) =>
    ({ ...partnership, costShareMethod: 'Fixed', costShares }) as Partnership;
  const share = (council: string, sharePercent: number) => ({
    financialYear: '2026-27',
    council,
    sharePercent,
  });
  const cases = [
    fixed([share('cherwell', 50), share('cherwell', 50)]),
    fixed([]),
    fixed([share('cherwell', 30)]),
    fixed([share('cherwell', 100)]),
    fixed([share('cherwell', 0), share('oxford-city', 0), share('west-oxfordshire', 100)]),
  ];
  return cases.map((p) => {
    try {
      consolidate(p, [], '2026-07');
      throw new Error('consolidated');
    } catch (error) {
      if (!(error instanceof ConsolidationError)) throw error;
      return problem(error.sheet, null, null, 'consolidation', 'error', error.say);
    }
  });
}

/** The problems of a refusal. */
async function refused(run: () => unknown): Promise<Problem[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InvalidInput) return error.problems;
    throw error;
  }
  throw new Error('not refused');
}

/** JSON bodies that fail their schema, and the service's own refusals of a request. */
async function serviceProblems(): Promise<Problem[]> {
  const json = {
    ...submission,
    period: '2026-07',
    notes: 'x',
    projects: [
      { ...project, id: 'OX 1', title: 'x'.repeat(300), budgetPence: -1, rag: 'Pink', colour: 'red' },
      'row',
    ],
    skills: [
      { ...ann, email: 'ann', daysPerMonth: '4', from: '2026-02-30' },
      { ...ann, daysPerMonth: 40 },
    ],
    contributions: [{ ...cash, month: '2026-7' }],
  };
  const store = {
    partnershipVersion: async () => 1,
    currentPartnership: async () => ({ version: 1, partnership }),
  };
  const empty = { period: '2026-07', contributions: [], skills: [], projects: [] };
  const wrongPartnership = {
    ...partnership,
    name: 'Oxford\tDigital',
    councils: [],
    budget: [{ financialYear: '2026/27', budgetLine: 'CDO', amountPence: 1 }],
    funding: [{ financialYear: '2026-28', funder: 'Fund', amountPence: 1, status: 'Confirmed' }],
  };
  return [
    ...(await refused(() => checkJson(json, context))),
    ...(await refused(() => checkJson({ period: '2026-07', contributions: [] }, context))),
    ...(await refused(() => checkJson({ ...submission, period: '2026-06' }, context))),
    ...(await refused(() => checkJson({ ...submission, period: undefined }, context))),
    ...(await refused(() => readPartnership({ kind: 'json', body: wrongPartnership }))),
    ...(await refused(() => checkJson({ ...submission, period: 'July' }, context))),
    ...(await refused(() => parseRequestBody(decisionRequestSchema, { decision: 'decline' }))),
    ...(await refused(() => parseRequestBody(rectifyPersonSchema, {}))),
    ...(await refused(() =>
      parseRequestBody(newTokenSchema, { role: 'council', council: 'Bad ID', label: '' }),
    )),
    ...(await refused(() => parseRequestBody(newTokenSchema, []))),
    ...(await refused(() => {
      throw requestFieldProblem('council', phrase('problem.json.councilToken'));
    })),
    ...(await refused(() => {
      throw requestFieldProblem('council', phrase('problem.json.councilRole'));
    })),
    ...(await refused(async () => {
      throw requestFieldProblem('council', (await unknownCouncil(store as unknown as Store, 'narnia'))!);
    })),
    ...(await refused(() =>
      submitReturn(store as unknown as Store, {
        input: { kind: 'json', body: empty },
        council: 'cherwell',
        period: '2026-07',
        source: 'cli',
        actor: { via: 'cli', id: 'test', label: 'test' },
        now: new Date(),
      }),
    )),
  ];
}

/** Cell readers no sheet of the templates uses today: Yes or No, and a number with only a maximum. */
function readerProblems(): Problem[] {
  const column = (type: string, extra: object = {}) =>
    ({ header: 'Active', key: 'active', type, ...extra }) as unknown as ColumnLayout;
  const faults = [
    COLUMN_TYPES.boolean.reader(column('boolean'), {})('maybe'),
    numberReader(column('number', { max: 5 }), {
      expected: 'problem.expected.number',
      whole: false,
      percent: false,
    })(9),
  ];
  return faults.map((f) => {
    if (!(f instanceof CellFault)) throw new Error('read');
    return problem('Sheet', 2, 'Active', f.code, 'error', f.say);
  });
}

/** Every problem the wrong inputs above raise. */
export async function wrongProblems(): Promise<Problem[]> {
  return [
    ...councilCellProblems(),
    ...aboutProblems(),
    ...councilRuleProblems(),
    ...partnershipProblems(),
    ...consolidationProblems(),
    ...readerProblems(),
    ...(await serviceProblems()),
  ];
}
