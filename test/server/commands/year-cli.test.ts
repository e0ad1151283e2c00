// `shared-cdo agreement propose|show|remind` and `shared-cdo year close|show|reopen` run as an operator runs
// them, on SQLite and PostgreSQL. The clock is the real one: 2025-26's March has passed, so it can be
// closed; a year whose March is still to come cannot.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../../server/store/index.js';
import { partnershipSchema } from '../../../shared/schemas.js';
import { CY, message } from '../../../shared/i18n/index.js';
import { testActor } from '../../helpers/actors.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';

const CLI = fileURLToPath(new URL('../../../bin/shared-cdo.js', import.meta.url));
/** A year whose March has not passed while this test can run. */
const FUTURE_FY = '2099-00';

describeStores('shared-cdo agreement and year', (kind) => {
  let dir: string;
  let url: string;
  const run = (args: string[], locale: NodeJS.ProcessEnv = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        { env: { ...process.env, DATABASE_URL: url, ...locale } },
        (e, out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, stdout: out, stderr: err }),
      );
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shared-cdo-year-cli-'));
    url = kind === 'sqlite' ? `sqlite:${join(dir, 'db.sqlite')}` : await freshDatabaseUrl(kind);
    const store = await openStore(url);
    try {
      const partnership = partnershipSchema.parse({
        name: 'Test Partnership',
        costShareMethod: 'Equal',
        councils: [
          {
            id: 'cherwell',
            name: 'Cherwell',
            membership: 'Member',
            contactEmail: 'finance@cherwell.example',
          },
          { id: 'west-oxfordshire', name: 'West Oxfordshire', membership: 'Member' },
        ],
        // £500.01 over two: 25,000.5 p each; the odd penny to the lower Council ID.
        budget: [{ financialYear: '2025-26', budgetLine: 'CDO salary', amountPence: 50_001 }],
      });
      await store.savePartnership(partnership, testActor(), new Date().toISOString());
    } finally {
      await store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('proposes a year and shows who is awaited', async () => {
    expect((await run(['agreement', 'show', '2025-26'])).stdout).toBe(
      'No cost shares proposed for 2025-26 yet.\n',
    );
    const proposed = await run(['agreement', 'propose', '2025-26', '--note', 'For the board']);
    expect(proposed.code).toBe(0);
    expect(proposed.stdout).toContain(
      'Cost shares 2025-26: proposed, awaiting Cherwell and West Oxfordshire',
    );
    expect(proposed.stdout).toMatch(/Cherwell\s+£250\.01\s+Awaiting/);
    expect(proposed.stdout).toMatch(/West Oxfordshire\s+£250\.00\s+Awaiting/);
    expect((await run(['agreement', 'show', '2025-26'])).stdout).toBe(proposed.stdout);
  });

  it('reminds the councils awaiting once a day, and refuses an agreement that does not exist', async () => {
    const id = /^Agreement (\d+) /.exec((await run(['agreement', 'show', '2025-26'])).stdout)![1]!;
    const first = await run(['agreement', 'remind', id]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      "A reminder is on its way by e-mail to Cherwell, with each one's due and how to agree or decline.\n" +
        'No contact e-mail is set for West Oxfordshire.\n',
    );
    expect((await run(['agreement', 'remind', id])).stdout).toBe(
      'Cherwell had a reminder today already; the service sends one a day, so nothing more was sent.\n' +
        'No contact e-mail is set for West Oxfordshire.\n',
    );
    const missing = await run(['agreement', 'remind', '999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n').filter(Boolean).at(-1)).toBe('There is no agreement 999.');
    expect((await run(['audit'])).stdout).toContain('agreement.remind');
  });

  it('refuses to close a year before its March has passed, in one line', async () => {
    const early = await run(['year', 'close', FUTURE_FY]);
    expect(early.code).toBe(1);
    expect(early.stderr.split('\n').filter(Boolean).at(-1)).toBe(
      `${FUTURE_FY} cannot be closed until its March has passed: from 1 April 2100.`,
    );
  });

  it('closes, shows and reopens a year', async () => {
    const closed = await run(['year', 'close', '2025-26']);
    expect(closed.code).toBe(0);
    // Nothing contributed: each owes its whole due.
    expect(closed.stdout).toMatch(/Cherwell\s+£250\.01\s+£0\.00\s+£250\.01 to invoice/);
    expect(closed.stdout).toMatch(/West Oxfordshire\s+£250\.00\s+£0\.00\s+£250\.00 to invoice/);
    expect((await run(['year', 'show', '2025-26'])).stdout).toBe(closed.stdout);
    const twice = await run(['year', 'close', '2025-26']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('was closed on');

    expect((await run(['year', 'reopen', '2025-26', '--reason', 'A late return'])).stdout).toBe(
      '2025-26 is open again; its months are unlocked.\n',
    );
    expect((await run(['year', 'show', '2025-26'])).stdout).toBe('2025-26 is open.\n');
    const audit = await run(['audit']);
    expect(audit.stdout).toContain('year.reopen');
    expect(audit.stdout).toContain('A late return');
  });

  // Under a Welsh locale, as a Welsh-speaking operator's shell sets it; LC_ALL and LC_MESSAGES win over LANG.
  const WELSH = { LANG: 'cy_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const cy = (key: keyof typeof CY): string => CY[key].text;

  it('speaks Welsh under a Welsh LANG: the agreement, its refusals and the year', async () => {
    const shown = await run(['agreement', 'show', '2025-26'], WELSH);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Cytundeb \d+ \(wedi’i gynnig\), cynigiwyd \d\d\/\d\d\/\d{4} gan /);
    expect(shown.stdout).toContain(
      message('cy', 'agreement.awaiting', { councils: 'Cherwell a West Oxfordshire' }),
    );
    expect(shown.stdout).toMatch(/Cyngor\s+.+\s+Penderfyniad\s+Sylw/);
    expect(shown.stdout).toMatch(/Cherwell\s+£250\.01\s+Yn aros/);
    expect(shown.stdout).not.toMatch(/Agreement|Awaiting|Council|Decision/);
    expect((await run(['agreement', 'show', '2024-25'], WELSH)).stdout).toBe(
      'Nid oes cyfrannau cost wedi’u cynnig ar gyfer 2024-25 eto.\n',
    );
    const missing = await run(['agreement', 'remind', '999'], WELSH);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n').filter(Boolean).at(-1)).toBe(cy('error.notFound'));
    const early = await run(['year', 'close', FUTURE_FY], WELSH);
    expect(early.stderr.split('\n').filter(Boolean).at(-1)).toBe(cy('error.yearNotEnded'));

    const closed = await run(['year', 'close', '2025-26'], WELSH);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toMatch(/^Caewyd 2025-26 ar \d\d\/\d\d\/\d{4} gan /);
    expect(closed.stdout).toMatch(/Cherwell\s+£250\.01\s+£0\.00\s+£250\.01 i’w anfonebu/);
    expect(closed.stdout).not.toMatch(/closed on|to invoice|Council|Balance/);
    expect((await run(['year', 'show', '2025-26'], WELSH)).stdout).toBe(closed.stdout);
    // The same year in English, as before: the language is the run's, not the data's.
    expect((await run(['year', 'show', '2025-26'])).stdout).toMatch(/^2025-26 closed on /);
    expect((await run(['year', 'reopen', '2025-26', '--reason', 'Datganiad hwyr'], WELSH)).stdout).toBe(
      'Mae 2025-26 ar agor eto; mae ei fisoedd wedi’u datgloi.\n',
    );
    expect((await run(['year', 'show', '2025-26'], WELSH)).stdout).toBe('Mae 2025-26 ar agor.\n');
  });

  it('speaks English when LC_ALL or LC_MESSAGES names another language than a Welsh LANG', async () => {
    for (const locale of [
      { LANG: 'cy_GB.UTF-8', LC_ALL: 'C.UTF-8' },
      { LANG: 'cy_GB.UTF-8', LC_ALL: '', LC_MESSAGES: 'en_GB.UTF-8' },
    ]) {
      expect((await run(['year', 'show', '2025-26'], locale)).stdout).toBe('2025-26 is open.\n');
    }
    expect((await run(['year', 'show', '2025-26'], { LANG: 'en_GB.UTF-8', LC_ALL: 'cy_GB' })).stdout).toBe(
      'Mae 2025-26 ar agor.\n',
    );
  });
});
