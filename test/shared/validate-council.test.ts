import { describe, expect, it } from 'vitest';
import { asPeriod } from '../../shared/dates.js';
import { parseCouncilWorkbook, validateCouncilSubmission } from '../../shared/parse/index.js';
import type {
  ContributionRow,
  CouncilSubmission,
  Problem,
  ProjectRow,
  SkillRow,
} from '../../shared/schemas.js';
import { aboutGrid, at, context, councilGrids, partnership, SAYS, submission } from './parse-fixtures.js';

const [cash, inKind, zeroCash] = submission.contributions as [
  ContributionRow,
  ContributionRow,
  ContributionRow,
];
const [ann, raj] = submission.skills as [SkillRow, SkillRow];
const [website, hubs] = submission.projects as [ProjectRow, ProjectRow];

/**
 * The problems of a return, checked both ways: as JSON, and laid out in a workbook and parsed. The two
 * paths must agree exactly, row numbers included (JSON row = index + 2 = the row under the headers).
 */
function problemsOf(change: Partial<CouncilSubmission>): Problem[] {
  const s = { ...submission, ...change };
  const fromJson = validateCouncilSubmission(s, context);
  const fromWorkbook = parseCouncilWorkbook(councilGrids(s), context).problems;
  expect(fromWorkbook).toEqual(fromJson);
  return fromJson;
}

describe('Contributions rules', () => {
  it('accepts the valid return with no problems', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('keeps Month in the financial year of the return and not after its period', () => {
    const problems = problemsOf({
      contributions: [
        { ...cash, month: asPeriod('2026-03'), budgetLine: 'Discovery' },
        { ...cash, month: asPeriod('2026-08') },
        { ...cash, month: asPeriod('2027-03') },
      ],
    });
    expect(problems).toEqual([
      at(
        'Contributions',
        2,
        'Month',
        'month-outside-year',
        'Month must be in the financial year 2026-27 of this return (April 2026 to March 2027) — found March 2026.',
      ),
      at(
        'Contributions',
        3,
        'Month',
        'month-after-period',
        'Month must not be after the period of this return (July 2026) — found August 2026.',
      ),
      at(
        'Contributions',
        4,
        'Month',
        'month-after-period',
        'Month must not be after the period of this return (July 2026) — found March 2027.',
      ),
    ]);
  });

  it("requires a budget line of the partnership for the row's financial year", () => {
    expect(problemsOf({ contributions: [{ ...cash, budgetLine: 'Travel' }] })).toEqual([
      at(
        'Contributions',
        2,
        'Budget line',
        'unknown-budget-line',
        'Budget line must be one of the partnership\'s budget lines for 2026-27 (CDO salary, Shared team) — found "Travel".',
      ),
    ]);
    const noLines = { ...partnership, budget: [] };
    expect(
      validateCouncilSubmission(
        { ...submission, contributions: [cash] },
        { ...context, partnership: noLines },
      ),
    ).toEqual([
      at(
        'Contributions',
        2,
        'Budget line',
        'unknown-budget-line',
        'Budget line must be one of the partnership\'s budget lines for 2026-27, but it has none for that year — found "CDO salary".',
      ),
    ]);
  });

  it('takes the partnership spelling of a budget line typed in another case', () => {
    const result = parseCouncilWorkbook(
      councilGrids({ ...submission, contributions: [{ ...cash, budgetLine: 'cdo  SALARY' }] }),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.submission.contributions[0]!.budgetLine).toBe('CDO salary');
  });

  it('requires an amount on a Cash row', () => {
    const { amountPence: _amount, ...noAmount } = cash;
    expect(problemsOf({ contributions: [noAmount] })).toEqual([
      at('Contributions', 2, 'Amount (£)', 'required', 'Amount (£) is required for a Cash row.'),
    ]);
  });

  it('requires Days, Day rate and Person email on an In-kind row', () => {
    const { days: _d, dayRatePence: _r, personEmail: _p, amountPence: _a, ...bare } = inKind;
    expect(problemsOf({ contributions: [bare] })).toEqual([
      at('Contributions', 2, 'Days', 'required', 'Days is required for an In-kind row.'),
      at(
        'Contributions',
        2,
        'Day rate (£)',
        'day-rate-missing',
        'Day rate (£) is required for an In-kind row.',
      ),
      at('Contributions', 2, 'Person email', 'required', 'Person email is required for an In-kind row.'),
    ]);
  });

  it('wants Days above 0 in steps of 0.5 and a Day rate above £0.00', () => {
    const { amountPence: _a, ...blankAmount } = inKind;
    expect(
      problemsOf({
        contributions: [
          { ...blankAmount, days: 1.3, reference: 'A' },
          { ...blankAmount, days: 0, reference: 'B' },
          { ...blankAmount, dayRatePence: 0, reference: 'C' },
          { ...cash, days: 0.25 },
        ],
      }),
    ).toEqual([
      at(
        'Contributions',
        2,
        'Days',
        'days-not-half-steps',
        'Days must be more than 0, in steps of 0.5, like 1.5 — found 1.3.',
      ),
      at(
        'Contributions',
        3,
        'Days',
        'days-not-half-steps',
        'Days must be more than 0, in steps of 0.5, like 1.5 — found 0.',
      ),
      at(
        'Contributions',
        4,
        'Day rate (£)',
        'day-rate-missing',
        'Day rate (£) must be more than £0.00 for an In-kind row.',
      ),
      at(
        'Contributions',
        5,
        'Days',
        'days-not-half-steps',
        'Days must be more than 0, in steps of 0.5, like 1.5 — found 0.25.',
      ),
    ]);
  });

  it('wants an In-kind amount blank or equal to Days × Day rate, and computes it when blank', () => {
    expect(problemsOf({ contributions: [{ ...inKind, amountPence: 90_000 }] })).toEqual([
      at(
        'Contributions',
        2,
        'Amount (£)',
        'in-kind-amount-mismatch',
        'Amount (£) must be blank or equal Days × Day rate (2.5 × £400.00 = £1,000.00) — found £900.00.',
      ),
    ]);
    const { amountPence: _a, ...blankAmount } = inKind;
    const odd = { ...blankAmount, days: 1.5, dayRatePence: 33_333 }; // 49,999.5p rounds half away from zero
    const result = parseCouncilWorkbook(councilGrids({ ...submission, contributions: [odd] }), context);
    expect(result.problems).toEqual([]);
    expect(result.submission.contributions[0]!.amountPence).toBe(50_000);
  });

  it('warns when the person is not on the Skills sheet (e-mails compared lower-cased)', () => {
    expect(problemsOf({ contributions: [{ ...inKind, personEmail: 'bob@cherwell.gov.uk' }] })).toEqual([
      at(
        'Contributions',
        2,
        'Person email',
        'person-not-on-skills',
        "bob@cherwell.gov.uk is not on this council's Skills sheet; add them there so their time is counted.",
        'warning',
      ),
    ]);
  });

  it("warns once when a person's In-kind Days in a month exceed their Days per month", () => {
    const problems = problemsOf({
      contributions: [
        inKind,
        { ...inKind, days: 1, amountPence: 40_000, reference: 'second' },
        { ...inKind, days: 1, amountPence: 40_000, reference: 'third' },
        { ...inKind, month: asPeriod('2026-06') },
      ],
    });
    expect(problems).toEqual([
      at(
        'Contributions',
        4,
        'Days',
        'in-kind-days-exceed',
        'In-kind Days for Ann.Lee@cherwell.gov.uk in May 2026 add up to 4.5, more than their 4 Days per month on the Skills sheet.',
        'warning',
      ),
    ]);
  });

  it('warns about a row that repeats another', () => {
    expect(problemsOf({ contributions: [cash, zeroCash, { ...cash, reference: 'po-1001' }] })).toEqual([
      at(
        'Contributions',
        4,
        'Month',
        'duplicate-row',
        'Same Month, Type, Budget line, Person email and Reference as row 2 (2026-04, Cash, CDO salary, po-1001); check it is not entered twice.',
        'warning',
      ),
    ]);
  });
});

describe('Skills rules', () => {
  it('refuses the same person and skill twice, e-mails compared lower-cased', () => {
    expect(
      problemsOf({ skills: [ann, raj, { ...ann, email: 'ANN.LEE@cherwell.gov.uk', level: 'Expert' }] }),
    ).toEqual([
      at(
        'Skills',
        4,
        'Email',
        'duplicate-row',
        'Same Email and Skill as row 2 (ANN.LEE@cherwell.gov.uk, Service design); each must appear only once on this sheet.',
      ),
    ]);
  });

  it('warns when an SME or Freelancer has no day rate', () => {
    const { dayRatePence: _r, ...noRate } = raj;
    expect(
      problemsOf({
        skills: [ann, noRate, { ...noRate, organisationType: 'Freelancer', skill: 'User research' }],
      }),
    ).toEqual([
      at(
        'Skills',
        3,
        'Day rate (£)',
        'day-rate-missing',
        'Day rate (£) is blank for someone from an SME; add it so the cost of their time is known.',
        'warning',
      ),
      at(
        'Skills',
        4,
        'Day rate (£)',
        'day-rate-missing',
        'Day rate (£) is blank for a Freelancer; add it so the cost of their time is known.',
        'warning',
      ),
    ]);
  });

  it('refuses To before From', () => {
    expect(problemsOf({ skills: [ann, { ...raj, from: '2026-09-01', to: '2026-08-31' }] })).toEqual([
      at('Skills', 3, 'To', 'to-before-from', 'To (31/08/2026) must not be before From (01/09/2026).'),
    ]);
  });
});

describe('Projects rules', () => {
  it('refuses the same Project ID twice, compared upper-cased', () => {
    expect(problemsOf({ projects: [website, hubs, { ...hubs, id: 'OX-002', title: 'Other' }] })).toEqual([
      at(
        'Projects',
        4,
        'Project ID',
        'duplicate-row',
        'Same Project ID as row 3 (OX-002); each must appear only once on this sheet.',
      ),
    ]);
  });

  it('wants the lead and partners to be councils of the partnership', () => {
    expect(
      problemsOf({
        projects: [{ ...website, lead: 'banbury', partners: ['oxford-city', 'didcot', 'wantage'] }],
      }),
    ).toEqual([
      at(
        'Projects',
        2,
        'Lead council',
        'unknown-council',
        'Lead council must be a council of the partnership (cherwell, oxford-city, west-oxfordshire) — found "banbury".',
      ),
      at(
        'Projects',
        2,
        'Partners',
        'unknown-council',
        'Partners must be councils of the partnership (cherwell, oxford-city, west-oxfordshire) — found "didcot", "wantage".',
      ),
    ]);
  });

  it('refuses Due before Start', () => {
    expect(problemsOf({ projects: [{ ...website, start: '2026-06-01', due: '2026-05-31' }] })).toEqual([
      at('Projects', 2, 'Due', 'due-before-start', 'Due (31/05/2026) must not be before Start (01/06/2026).'),
    ]);
  });
});

describe('the parsed return', () => {
  it('lists problems in sheet order, then row order', () => {
    const problems = problemsOf({
      projects: [{ ...website, start: '2026-06-01', due: '2026-05-31' }],
      skills: [ann, { ...raj, from: '2026-09-01', to: '2026-08-31' }],
      contributions: [
        cash,
        { ...cash, budgetLine: 'Travel', reference: 'x' },
        { ...cash, month: asPeriod('2026-08') },
      ],
    });
    expect(problems.map((p) => `${p.sheet} ${p.row} ${p.code}`)).toEqual([
      'Contributions 3 unknown-budget-line',
      'Contributions 4 month-after-period',
      'Skills 3 to-before-from',
      'Projects 2 due-before-start',
    ]);
  });

  it('leaves out rows with errors and keeps the rest', () => {
    const s = { ...submission, projects: [website, { ...hubs, start: '2026-06-01', due: '2026-05-31' }] };
    const result = parseCouncilWorkbook(councilGrids(s), context);
    expect(result.ok).toBe(false);
    expect(result.submission.projects.map((p) => p.id)).toEqual(['OX-001']);
    expect(result.submission.skills).toEqual(submission.skills);
  });

  it('keeps rows that only have warnings and stays ok', () => {
    const s = { ...submission, contributions: [{ ...inKind, personEmail: 'bob@cherwell.gov.uk' }] };
    const result = parseCouncilWorkbook(councilGrids(s), context);
    expect(result.ok).toBe(true);
    expect(result.submission.contributions).toHaveLength(1);
  });

  it('skips the rules that need the partnership when there is none', () => {
    const s = {
      ...submission,
      contributions: [{ ...cash, budgetLine: 'Travel' }],
      projects: [{ ...website, lead: 'banbury' }],
    };
    const result = parseCouncilWorkbook(councilGrids(s), { council: 'cherwell', period: '2026-07' });
    expect(result.problems).toEqual([]);
    expect(result.submission.projects[0]!.lead).toBe('banbury');
  });
});

describe('the About sheet', () => {
  const parseWithAbout = (
    about: unknown[][] | undefined,
    ctx: Parameters<typeof parseCouncilWorkbook>[1] = context,
  ) => {
    const { About: _about, ...grids } = councilGrids();
    return parseCouncilWorkbook(about ? { ...grids, About: { values: about } } : grids, ctx);
  };

  it('gives the council, period and layout version, a period written as a date included', () => {
    const result = parseCouncilWorkbook(
      { ...councilGrids(), About: aboutGrid('Cherwell District Council', new Date(Date.UTC(2026, 6, 1))) },
      context,
    );
    expect(result.about).toEqual({ council: 'cherwell', period: '2026-07', layoutVersion: 1 });
    expect(result.ok).toBe(true);
  });

  it('names the About cell that disagrees with the return being submitted', () => {
    const result = parseWithAbout([
      ['Shared CDO council return'],
      ['Council ID', 'oxford-city'],
      ['Period', '2026-06'],
      ['Layout version', 2],
    ]);
    expect(result.problems).toEqual([
      at(
        'About',
        2,
        'Value',
        'about-council-mismatch',
        'The About sheet says this workbook is for oxford-city, but it is being submitted for cherwell.',
      ),
      at(
        'About',
        3,
        'Value',
        'about-period-mismatch',
        'The About sheet says this workbook is for June 2026, but it is being submitted for July 2026.',
      ),
      at(
        'About',
        4,
        'Value',
        'about-layout-version',
        'Layout version 2 is not one this service reads (it reads 1); download a fresh council template.',
      ),
    ]);
  });

  it('reports an unknown council and an unreadable period in the About cell', () => {
    const result = parseWithAbout([
      ['Council ID', 'banbury'],
      ['Period', 'July'],
    ]);
    expect(result.problems).toEqual([
      at(
        'About',
        1,
        'Value',
        'unknown-council',
        'Council ID must be a council of the partnership (cherwell, oxford-city, west-oxfordshire) — found "banbury".',
      ),
      at(
        'About',
        2,
        'Value',
        'invalid-month',
        'Period must be a month, like 2026-04, or a date in that month — found "July".',
      ),
    ]);
  });

  it('needs the About sheet only when the caller does not say whose return it is', () => {
    expect(parseWithAbout(undefined).ok).toBe(true);
    const result = parseWithAbout(undefined, { partnership });
    expect(result.problems).toEqual([
      {
        sheet: 'About',
        row: null,
        column: null,
        code: 'about-missing',
        severity: 'error',
        message:
          'The workbook has no About sheet, so it does not say which council and period it is for; start from the council template.',
        say: SAYS,
      },
    ]);
    const noPeriod = parseWithAbout([['Council ID', 'cherwell']], { partnership });
    expect(noPeriod.problems).toEqual([
      {
        sheet: 'About',
        row: null,
        column: 'Value',
        code: 'about-missing',
        severity: 'error',
        message: 'The About sheet has no "Period" row; add that label with its value in the next cell.',
        say: SAYS,
      },
    ]);
  });

  it('takes the period from the About sheet when the caller gives none', () => {
    const result = parseCouncilWorkbook(
      councilGrids({ ...submission, contributions: [{ ...cash, month: asPeriod('2026-08') }] }),
      { partnership },
    );
    expect(result.submission.period).toBe('2026-07');
    expect(result.problems.map((p) => p.code)).toEqual(['month-after-period']);
  });
});

describe('a row with a faulty cell', () => {
  /** The valid return's workbook with the given cells (sheet, Excel row, header) replaced. */
  function gridsWith(s: CouncilSubmission, cells: [string, number, string, unknown][]) {
    const grids = councilGrids(s);
    for (const [sheet, row, header, value] of cells) {
      const values = grids[sheet]!.values;
      const column = values[0]!.indexOf(header);
      expect(column, header).toBeGreaterThanOrEqual(0);
      values[row - 1]![column] = value;
    }
    return grids;
  }

  it('still gets the rules over the fields that were read, in the same check, and is never accepted', () => {
    const s = {
      ...submission,
      // Row 2: a Cash row of an unknown budget line whose Amount cannot be read.
      // Row 3: an In-kind row whose Day rate cannot be read, for someone not on the Skills sheet.
      contributions: [
        { ...cash, budgetLine: 'Travel' },
        { ...inKind, personEmail: 'bob@cherwell.gov.uk' },
      ],
      // Row 3: Days per month shows #REF!, and To is before From.
      skills: [ann, { ...raj, from: '2026-09-01', to: '2026-08-31' }],
      // Row 2: a lead that is not a council, and Due before Start. Row 3: the same Project ID as row 2,
      // with a Budget that cannot be read.
      projects: [
        { ...website, lead: 'banbury', start: '2026-06-01', due: '2026-05-31' },
        { ...hubs, id: 'OX-001' },
      ],
    };
    const grids = gridsWith(s, [
      ['Contributions', 2, 'Amount (£)', 'ten pounds'],
      ['Contributions', 3, 'Day rate (£)', 'four hundred'],
      ['Skills', 3, 'Days per month', { error: '#REF!' }],
      ['Projects', 3, 'Budget (£)', 'lots'],
    ]);
    const result = parseCouncilWorkbook(grids, context);
    // Each fault once, from the cell; each rule whose fields were read; no rule over a faulty field
    // (no "Amount is required for a Cash row", no Day rate or Amount rule on the In-kind row, no second
    // unknown lead from the Projects rules).
    expect(result.problems.map((p) => `${p.sheet} ${p.row} ${p.column} ${p.code} ${p.severity}`)).toEqual([
      'Contributions 2 Amount (£) invalid-number error',
      'Contributions 2 Budget line unknown-budget-line error',
      'Contributions 3 Day rate (£) invalid-number error',
      'Contributions 3 Person email person-not-on-skills warning',
      'Skills 3 Days per month cell-error error',
      'Skills 3 To to-before-from error',
      'Projects 2 Lead council unknown-council error',
      'Projects 2 Due due-before-start error',
      'Projects 3 Budget (£) invalid-number error',
      'Projects 3 Project ID duplicate-row error',
    ]);
    const message = (sheet: string, row: number, code: string) =>
      result.problems.find((p) => p.sheet === sheet && p.row === row && p.code === code)?.message;
    expect(message('Skills', 3, 'to-before-from')).toBe(
      'To (31/08/2026) must not be before From (01/09/2026).',
    );
    expect(message('Projects', 2, 'due-before-start')).toBe(
      'Due (31/05/2026) must not be before Start (01/06/2026).',
    );
    expect(message('Projects', 3, 'duplicate-row')).toBe(
      'Same Project ID as row 2 (OX-001); each must appear only once on this sheet.',
    );
    expect(message('Contributions', 3, 'person-not-on-skills')).toBe(
      "bob@cherwell.gov.uk is not on this council's Skills sheet; add them there so their time is counted.",
    );
    expect(result.errorCount).toBe(9);
    expect(result.ok).toBe(false);
    // Only whole rows that no rule refused are accepted: Ann's skill, and nothing else.
    expect(result.submission.contributions).toEqual([]);
    expect(result.submission.skills).toEqual([ann]);
    expect(result.submission.projects).toEqual([]);
  });

  it('does not report a duplicate, or a capacity, over a key or figure that could not be read', () => {
    const s = {
      ...submission,
      // Rows 2 and 3 would repeat each other, but row 3's Month cannot be read.
      contributions: [inKind, inKind],
      // Ann gives 4 days a month; a second row of hers has a Days per month that cannot be read, so her
      // capacity is unknown and 2.5 + 2.5 = 5 days in May is not compared with it.
      skills: [ann, { ...ann, skill: 'Development' as const }],
    };
    const grids = gridsWith(s, [
      ['Contributions', 3, 'Month', 'someday'],
      ['Skills', 3, 'Days per month', 'four'],
    ]);
    const result = parseCouncilWorkbook(grids, context);
    expect(result.problems.map((p) => `${p.sheet} ${p.row} ${p.column} ${p.code}`)).toEqual([
      'Contributions 3 Month invalid-month',
      'Skills 3 Days per month invalid-number',
    ]);
    expect(result.submission.contributions).toHaveLength(1);
    expect(result.submission.skills).toEqual([ann]);
  });
});
