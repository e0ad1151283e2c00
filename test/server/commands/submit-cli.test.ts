// `shared-cdo submit` as an operator runs it: what it prints names the council and the month in the
// glossary's words (a council by its name, a month as "October 2026"), never by their codes.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { openStore } from '../../../server/store/index.js';
import { testActor } from '../../helpers/actors.js';
import { councilWorkbook } from '../helpers/council-workbook.js';

const CLI = fileURLToPath(new URL('../../../bin/shared-cdo.js', import.meta.url));

describe('shared-cdo submit', () => {
  let dir: string;
  let url: string;
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        { env: { ...process.env, DATABASE_URL: url } },
        (e, out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, stdout: out, stderr: err }),
      );
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shared-cdo-submit-cli-'));
    url = `sqlite:${join(dir, 'db.sqlite')}`;
    const store = await openStore(url);
    try {
      await store.savePartnership(demoPartnership, testActor(), new Date().toISOString());
    } finally {
      await store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says whose return for which month it filed, in words, not codes', async () => {
    const file = join(dir, 'vale.xlsx');
    const submission = demoCouncilSubmission('vale-of-white-horse', '2026-10');
    writeFileSync(file, await councilWorkbook('vale-of-white-horse', '2026-10', demoPartnership, submission));
    const result = await run(['submit', '--council', 'vale-of-white-horse', '--period', '2026-10', file]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const [first] = result.stdout.split('\n');
    expect(first).toMatch(
      /^Submitted Vale of White Horse District Council's return for October 2026 as version 1 \(/,
    );
    expect(result.stdout).not.toContain('vale-of-white-horse');
    expect(result.stdout).not.toContain('2026-10');
  });
});
