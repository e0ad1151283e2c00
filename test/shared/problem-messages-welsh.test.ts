// The problems a check finds, in Welsh (DESIGN §12): each problem, as the parser really writes it,
// rendered from the Welsh catalogue by the key it carries; codes and places unchanged; a problem with no
// key (a receipt stored by an earlier version) stays English. test/server/problem-keys.test.ts checks
// every problem the checks raise.
import { describe, expect, it } from 'vitest';
import { problemMessage } from '../../shared/i18n/problems.js';
import { CellFault } from '../../shared/parse/cell-reader.js';
import { asPeriod } from '../../shared/dates.js';
import type { ProblemKey } from '../../shared/i18n/en-problems.js';
import { parseCouncilWorkbook, rowsToGrid, validateCouncilSubmission } from '../../shared/parse/index.js';
import { unlistedSentence } from '../../shared/parse/problems.js';
import type { ColumnLayout, SheetLayout } from '../../shared/sheets/index.js';
import { CONTRIBUTIONS_LAYOUT, PROJECTS_LAYOUT, SKILLS_LAYOUT } from '../../shared/sheets/index.js';
import { numberReader } from '../../shared/sheets/types/numeric.js';
import { context, submission, withSheet } from './parse-fixtures.js';

/** A sheet of the fixture's rows, with cells of the first replaced by header, and its extra rows added. */
function sheet(layout: SheetLayout, rows: readonly object[], cells: Record<string, unknown>): unknown[][] {
  const [head, first, ...rest] = rowsToGrid(layout, rows) as [string[], unknown[], ...unknown[][]];
  for (const [header, value] of Object.entries(cells)) first[head.indexOf(header)] = value;
  return [head, first, ...rest];
}

function problemsOf(name: 'Projects' | 'Skills' | 'Contributions', grid: unknown[][]) {
  return parseCouncilWorkbook(withSheet(name, grid), context).problems.filter((p) => p.sheet === name);
}

const welsh = (problems: readonly { code: string; column: string | null; message: string }[]) =>
  problems.map((p) => [p.code, p.column, problemMessage('cy', p)]);

describe('problems in Welsh', () => {
  it('renders the cell problems of the Projects sheet', () => {
    const problems = problemsOf(
      'Projects',
      sheet(PROJECTS_LAYOUT, [submission.projects[0]!], {
        Title: '',
        Theme: 'Space',
        'Lead council': 'atlantis',
        Partners: 'oxford; narnia',
        Start: 'soon',
        'Budget (£)': -5,
      }),
    );
    expect(welsh(problems)).toEqual([
      ['required', 'Title', 'Mae angen Title ond mae’r gell yn wag.'],
      [
        'not-in-list',
        'Theme',
        'Rhaid i Theme fod yn un o Digital strategy, Digital government, Digital infrastructure, Digital funding, Digital inclusion — cafwyd "Space".',
      ],
      ['invalid-date', 'Start', 'Rhaid i Start fod yn ddyddiad, fel 31/03/2027 — cafwyd "soon".'],
      ['out-of-range', 'Budget (£)', 'Rhaid i Budget (£) fod yn £0.00 neu fwy — cafwyd -£5.00.'],
      [
        'unknown-council',
        'Lead council',
        'Rhaid i Lead council fod yn un o gynghorau’r bartneriaeth (cherwell, oxford-city, west-oxfordshire) — cafwyd "atlantis".',
      ],
      [
        'unknown-council',
        'Partners',
        'Rhaid i Partners fod yn gynghorau’r bartneriaeth (cherwell, oxford-city, west-oxfordshire) — cafwyd "oxford", "narnia".',
      ],
    ]);
  });

  it('renders numbers, e-mails, choices, dates found and duplicate rows on the Skills sheet', () => {
    const [first, second] = submission.skills as [object, object];
    const problems = problemsOf(
      'Skills',
      sheet(SKILLS_LAYOUT, [first, second, second], {
        Email: 'ann',
        Level: 'Guru',
        'Days per month': new Date(Date.UTC(2027, 2, 31)),
      }),
    );
    const more = problemsOf('Skills', sheet(SKILLS_LAYOUT, [first], { 'Days per month': 30 }));
    const words = problemsOf('Skills', sheet(SKILLS_LAYOUT, [first], { 'Days per month': 'two' }));
    expect(welsh([...problems, ...more, ...words])).toEqual([
      [
        'invalid-email',
        'Email',
        'Rhaid i Email fod yn gyfeiriad e-bost, fel name@council.gov.uk — cafwyd "ann".',
      ],
      [
        'not-in-list',
        'Level',
        'Rhaid i Level fod yn un o Awareness, Working, Practitioner, Expert — cafwyd "Guru".',
      ],
      [
        'invalid-number',
        'Days per month',
        'Rhaid i Days per month fod yn rhif, fel 2.5 — cafwyd y dyddiad 31/03/2027.',
      ],
      [
        'duplicate-row',
        'Email',
        'Yr un Email a Skill â rhes 3 (raj@pixel.example.com, Development); rhaid i bob un ymddangos unwaith yn unig ar y ddalen hon.',
      ],
      ['out-of-range', 'Days per month', 'Rhaid i Days per month fod rhwng 0 a 23 — cafwyd 30.'],
      ['invalid-number', 'Days per month', 'Rhaid i Days per month fod yn rhif, fel 2.5 — cafwyd "two".'],
    ]);
  });

  it('renders a month and money on the Contributions sheet', () => {
    const problems = problemsOf(
      'Contributions',
      sheet(CONTRIBUTIONS_LAYOUT, [submission.contributions[0]!], { Month: 'later', 'Amount (£)': 'twelve' }),
    );
    expect(welsh(problems)).toEqual([
      [
        'invalid-month',
        'Month',
        'Rhaid i Month fod yn fis, fel 2026-04, neu’n ddyddiad yn y mis hwnnw — cafwyd "later".',
      ],
      [
        'invalid-number',
        'Amount (£)',
        'Rhaid i Amount (£) fod yn swm mewn punnoedd, fel 1200.50 — cafwyd "twelve".',
      ],
    ]);
  });

  it('renders whole numbers and percentages', () => {
    const column = { header: 'Staff', key: 'staff', type: 'integer', min: 0 } as unknown as ColumnLayout;
    const fault = (cell: string, expected: 'problem.expected.wholeNumber' | 'problem.expected.percent') =>
      numberReader(column, { expected, whole: expected.endsWith('wholeNumber'), percent: true })(cell);
    const faults = [fault('1.5', 'problem.expected.wholeNumber'), fault('lots', 'problem.expected.percent')];
    expect(faults.map((f) => (f instanceof CellFault ? problemMessage('cy', f) : f))).toEqual([
      'Rhaid i Staff fod yn rhif cyfan, fel 1200 — cafwyd "1.5".',
      'Rhaid i Staff fod yn ganran, fel 12.5 — cafwyd "lots".',
    ]);
  });

  it('says in Welsh how many problems a list cut short leaves out, numbers in the UK format', () => {
    expect(unlistedSentence(1000, 1500, 'cy')).toBe(
      'Cafwyd 1,500 o broblemau; rhestrir y 1,000 cyntaf ac ni restrir 500 arall. Cywirwch y rhain a’i anfon eto i weld y gweddill.',
    );
    expect(unlistedSentence(1000, 1000, 'cy')).toBeUndefined();
  });

  it('keeps English for English readers and for problems no template covers, never blank', () => {
    const [problem] = problemsOf(
      'Projects',
      sheet(PROJECTS_LAYOUT, [submission.projects[0]!], { Title: '' }),
    );
    expect(problemMessage('en', problem!)).toBe('Title is required but the cell is blank.');
    const uncovered = { message: 'Days (2) must not be more than the days in the month.' };
    expect(problemMessage('cy', uncovered)).toBe(uncovered.message);
    // A message shaped like a covered one whose middle no template knows stays whole in English.
    const half = { message: 'Project ID must be a Project ID of your own — found "x".' };
    expect(problemMessage('cy', half)).toBe(half.message);
  });

  it('renders the rules across rows in Welsh, months in Welsh and headers as the sheet has them', () => {
    const [ann] = submission.skills;
    const [cash] = submission.contributions;
    const problems = validateCouncilSubmission(
      {
        ...submission,
        contributions: [{ ...cash!, month: asPeriod('2026-09') }],
        skills: [{ ...ann!, from: '2026-09-01', to: '2026-08-31' }],
      },
      context,
    );
    expect(welsh(problems)).toEqual([
      [
        'month-after-period',
        'Month',
        'Ni chaiff Month fod ar ôl cyfnod y ffurflen hon (Gorffennaf 2026) — cafwyd Medi 2026.',
      ],
      ['to-before-from', 'To', 'Ni chaiff To (31/08/2026) fod cyn From (01/09/2026).'],
    ]);
  });

  it('renders the header problems in Welsh, lists joined with the Welsh "a"', () => {
    const [head, ...rows] = rowsToGrid(PROJECTS_LAYOUT, submission.projects) as [string[], ...unknown[][]];
    const drop = ['Theme', 'Owner', 'Update'].map((h) => head.indexOf(h));
    const grid = [head, ...rows].map((row, i) => [
      ...row.filter((_, c) => !drop.includes(c)),
      ...(i === 0 ? ['My notes', 'Check'] : ['a', 'b']),
    ]);
    expect(welsh(problemsOf('Projects', grid))).toEqual([
      ['missing-column', 'Theme', 'Mae’r golofn "Theme" ar goll; ychwanegwch golofn â’r pennawd hwnnw.'],
      [
        'missing-optional-columns',
        null,
        'Nid yw’r colofnau dewisol "Owner" a "Update" yn y ddalen, ac fe’u darllenir yn wag.',
      ],
      [
        'extra-columns',
        null,
        'Cedwir y colofnau ychwanegol "My notes" a "Check" yn eich llyfr gwaith a’u hanwybyddu.',
      ],
    ]);
  });

  it('renders the same Welsh after a problem crosses a worker and JSON, as a stored receipt does', () => {
    const problems = problemsOf(
      'Skills',
      sheet(SKILLS_LAYOUT, [submission.skills[0]!], { 'Days per month': new Date(Date.UTC(2027, 2, 31)) }),
    );
    const carried = JSON.parse(JSON.stringify(structuredClone(problems))) as typeof problems;
    expect(carried).toEqual(problems);
    expect(welsh(carried)).toEqual([
      [
        'invalid-number',
        'Days per month',
        'Rhaid i Days per month fod yn rhif, fel 2.5 — cafwyd y dyddiad 31/03/2027.',
      ],
    ]);
  });

  it('keeps in English a stored warning with no key, or with a key this version does not know', () => {
    const stored = {
      message: "ann@x.gov.uk is not on this council's Skills sheet; add them there so their time is counted.",
    };
    expect(problemMessage('cy', stored)).toBe(stored.message);
    const newer = { ...stored, say: { key: 'problem.fromTheFuture' as ProblemKey } };
    expect(problemMessage('cy', newer)).toBe(stored.message);
  });
});
