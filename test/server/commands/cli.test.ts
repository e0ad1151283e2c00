// The offline commands end to end, run as a user runs them: `shared-cdo demo`, `consolidate`, `template`.
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILS, demoPartnership } from '../../../demo/partnership.js';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { readWorkbookGrids } from '../../../server/workbook/read.js';
import { writeCouncilTemplate } from '../../../server/workbook/write-template.js';
import { parseCouncilWorkbook } from '../../../shared/parse/index.js';
import { consolidatedViewSchema, type CouncilSubmission } from '../../../shared/schemas.js';
import { writtenBytes } from '../../helpers/xlsx.js';

const CLI = fileURLToPath(new URL('../../../bin/shared-cdo.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function shared(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

async function councilWorkbook(file: string, council: string, period: string, submission: CouncilSubmission) {
  await writeFile(
    file,
    await writtenBytes((out) =>
      writeCouncilTemplate(out, { council, period, partnership: demoPartnership, submission }),
    ),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shared-cdo-cli-'));
  const demo = await shared(['demo', '--out', 'demo', '--period', '2026-11'], dir);
  expect(demo).toMatchObject({ code: 0, stderr: '' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `shared-cdo consolidate` of the demo partnership for November 2026, with more arguments. */
const consolidateDemo = (args: string[]) =>
  shared(['consolidate', '--partnership', 'demo/partnership.xlsx', '--period', '2026-11', ...args], dir);

const demoFiles = () => DEMO_COUNCILS.map((c) => path.join('demo', 'returns', `${c}.xlsx`));

describe('shared-cdo demo', () => {
  it('writes the partnership workbook and one return per council, and says how to consolidate them', async () => {
    for (const file of ['partnership.xlsx', ...DEMO_COUNCILS.map((c) => `returns/${c}.xlsx`)]) {
      expect(await exists(path.join(dir, 'demo', file)), file).toBe(true);
    }
    const grids = await readWorkbookGrids(
      await readFile(path.join(dir, 'demo', 'returns', 'vale-of-white-horse.xlsx')),
    );
    const parsed = parseCouncilWorkbook(grids, { partnership: demoPartnership });
    expect(parsed.ok).toBe(true);
    expect(parsed.submission).toEqual(
      demoCouncilSubmission('vale-of-white-horse', '2026-11', { latest: true }),
    );
  });
});

describe('shared-cdo consolidate', () => {
  it('prints the consolidated JSON, writes the workbook, and notes a superseded return', async () => {
    const older = path.join('demo', 'cherwell-october.xlsx');
    await councilWorkbook(
      path.join(dir, older),
      'cherwell',
      '2026-10',
      demoCouncilSubmission('cherwell', '2026-10'),
    );
    const run = await consolidateDemo(['--out', 'consolidated.xlsx', '--json', '-', older, ...demoFiles()]);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${older}: ignored: Cherwell District Council's return for October 2026 is superseded by demo/returns/cherwell.xlsx (November 2026).`,
    ]);
    const view = consolidatedViewSchema.parse(JSON.parse(run.stdout));
    expect(view.period).toBe('2026-11');
    // DESIGN §4 worked example, Hybrid 50%.
    expect(view.contributions.netCostPence).toBe(25_917_263);
    expect(view.contributions.councils.map((c) => [c.council, c.duePence])).toEqual([
      ['cherwell', 6_944_058],
      ['south-oxfordshire', 6_664_310],
      ['vale-of-white-horse', 6_445_475],
      ['west-oxfordshire', 5_863_420],
    ]);
    expect(view.dataQuality.missing).toEqual([]);
    expect(view.projects.conflicts).toEqual([
      expect.objectContaining({ project: 'OXD-001', field: 'rag', council: 'vale-of-white-horse' }),
    ]);

    const grids = await readWorkbookGrids(await readFile(path.join(dir, 'consolidated.xlsx')));
    expect(grids.Contributions!.values.slice(1).map((r) => Math.round(Number(r[4]) * 100))).toEqual(
      view.contributions.councils.map((c) => c.duePence),
    );
  });

  it('takes the partnership as JSON and lists a council without a return as missing', async () => {
    await writeFile(path.join(dir, 'partnership.json'), JSON.stringify(demoPartnership));
    const run = await shared(
      [
        'consolidate',
        '--partnership',
        'partnership.json',
        '--period',
        '2026-11',
        '--json',
        'view.json',
        ...demoFiles().slice(1),
      ],
      dir,
    );
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const view = consolidatedViewSchema.parse(
      JSON.parse(await readFile(path.join(dir, 'view.json'), 'utf8')),
    );
    expect(view.dataQuality.missing).toEqual(['cherwell']);
  });

  it('refuses invalid input with one line per problem, exit code 1 and nothing written', async () => {
    const submission = demoCouncilSubmission('cherwell', '2026-11');
    submission.contributions[0]!.budgetLine = 'Catering';
    submission.skills[1]!.email = 'priya.shah-at-cherwell';
    await councilWorkbook(path.join(dir, 'bad-cherwell.xlsx'), 'cherwell', '2026-11', submission);
    await writeFile(path.join(dir, 'notes.xlsx'), 'Council ID,cherwell\n');

    const run = await consolidateDemo([
      '--out',
      'refused.xlsx',
      '--json',
      'refused.json',
      'bad-cherwell.xlsx',
      'notes.xlsx',
      'missing.xlsx',
      ...demoFiles().slice(1),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^bad-cherwell\.xlsx: Contributions!2 Budget line: .*"Catering"/);
    expect(lines[1]).toMatch(/^bad-cherwell\.xlsx: Skills!3 Email: .*"priya\.shah-at-cherwell"/);
    expect(lines[2]).toBe('notes.xlsx: This file is not an Excel workbook (.xlsx).');
    expect(lines[3]).toBe('missing.xlsx: no such file.');
    expect(await exists(path.join(dir, 'refused.xlsx'))).toBe(false);
    expect(await exists(path.join(dir, 'refused.json'))).toBe(false);
  });

  it('refuses two returns of one council for the same month', async () => {
    const run = await consolidateDemo(['demo/returns/cherwell.xlsx', 'demo/returns/cherwell.xlsx']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      "demo/returns/cherwell.xlsx: About: demo/returns/cherwell.xlsx is also Cherwell District Council's return for November 2026; give one workbook per council and month.",
    );
  });
});

describe('shared-cdo template', () => {
  it("writes a council's empty return with the partnership's lists", async () => {
    const run = await shared(
      [
        'template',
        '--council',
        'west-oxfordshire',
        '--period',
        '2027-01',
        '--out',
        'west.xlsx',
        '--partnership',
        'demo/partnership.xlsx',
      ],
      dir,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const parsed = parseCouncilWorkbook(
      await readWorkbookGrids(await readFile(path.join(dir, 'west.xlsx'))),
      {
        partnership: demoPartnership,
      },
    );
    expect(parsed.about).toEqual({ council: 'west-oxfordshire', period: '2027-01', layoutVersion: 1 });
    expect(parsed.ok).toBe(true);
  });

  it('refuses a council that is not in the partnership and writes nothing', async () => {
    const run = await shared(
      [
        'template',
        '--council',
        'oxford',
        '--period',
        '2027-13',
        '--out',
        'oxford.xlsx',
        '--partnership',
        'demo/partnership.xlsx',
      ],
      dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      '--period: "2027-13" is not a month written YYYY-MM',
      '--council: oxford is not a council of Oxfordshire Districts Digital Partnership.',
    ]);
    expect(await exists(path.join(dir, 'oxford.xlsx'))).toBe(false);
  });
});
