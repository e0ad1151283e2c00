// Personal data over the API and the command line (DESIGN §11), on SQLite and PostgreSQL: an
// administrator exports, rectifies and erases a person; their figures stay; no log line carries a
// name or an e-mail address, whatever was sent or asked for.
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import type { PersonChange, PersonReport, SubmissionReceipt } from '../../shared/api.js';
import type { ConsolidatedView } from '../../shared/schemas.js';
import { createLogger } from '../../server/logger.js';
import { loadDemo } from '../../server/services/demo.js';
import { openStore } from '../../server/store/index.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';
import { json, startTestService } from './helpers/service.js';

const PERIOD = '2026-10';
const MARCUS = 'marcus@reid-research.example';
/** Words that would give a person away in a log line. */
const PERSONAL = ['marcus', 'priya', 'tom hughes', 'tom.hughes', 'reid-research', '@cherwell'];

const CLI = fileURLToPath(new URL('../../bin/shared-cdo.js', import.meta.url));
function cli(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describeStores('personal data', (kind) => {
  it('exports, rectifies and erases over the API, keeps the figures, and logs no name or address', async () => {
    const logs: Buffer[] = [];
    const t = await startTestService({
      kind,
      env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
      logDestination: new PassThrough().on('data', (c: Buffer) => logs.push(c)),
    });
    try {
      await t.call('PUT', '/api/v1/partnership', { json: demoPartnership });
      const stored = await t.call('POST', `/api/v1/councils/cherwell/submissions?period=${PERIOD}`, {
        token: 'cherwell',
        json: demoCouncilSubmission('cherwell', PERIOD),
      });
      expect(stored.status).toBe(201);
      const { id } = await json<SubmissionReceipt>(stored);
      const viewBefore = await json<ConsolidatedView>(
        await t.call('GET', `/api/v1/consolidated?period=${PERIOD}`),
      );

      const report = await json<PersonReport>(
        await t.call('GET', `/api/v1/people/${MARCUS}?email=${MARCUS}`),
      );
      expect(report.names).toEqual(['Marcus Reid']);
      expect(
        report.rows.map((r) => [r.sheet, r.council, r.period, r.version, r.row['daysPerMonth']]),
      ).toEqual([['skills', 'cherwell', PERIOD, 1, 8]]);
      expect((await t.call('GET', `/api/v1/people/${MARCUS}`, { token: 'cdo' })).status).toBe(403);
      expect((await t.call('DELETE', `/api/v1/people/${MARCUS}`, { token: 'viewer' })).status).toBe(403);
      expect((await t.call('GET', '/api/v1/people/not-an-address')).status).toBe(404);

      // A browser asks first whether it may PATCH (the add-in may be served from another origin).
      const preflight = await t.call('OPTIONS', '/api/v1/people/tom.hughes@cherwell.example', {
        token: null,
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
      const noChange = await t.call('PATCH', '/api/v1/people/tom.hughes@cherwell.example', { json: {} });
      expect(noChange.status).toBe(422);
      const rectified = await t.call('PATCH', '/api/v1/people/tom.hughes@cherwell.example', {
        json: { email: 'Tom.Hughes@Cherwell.gov.uk' },
      });
      expect(await json<PersonChange>(rectified)).toMatchObject({
        name: 'Tom Hughes',
        email: 'tom.hughes@cherwell.gov.uk',
        versions: 1,
      });

      const erased = await json<PersonChange>(await t.call('DELETE', `/api/v1/people/${MARCUS}`));
      expect(erased).toMatchObject({ versions: 1, name: expect.stringMatching(/^Person [0-9a-f]{8}$/) });
      expect((await t.call('DELETE', `/api/v1/people/${MARCUS}`)).status).toBe(404);

      const version = await json<{
        data: { skills: { person: string; email: string; daysPerMonth: number }[] };
      }>(await t.call('GET', `/api/v1/councils/cherwell/submissions/${id}`, { token: 'cherwell' }));
      expect(version.data.skills.filter((s) => s.person === erased.name)).toEqual([
        expect.objectContaining({ email: erased.email, daysPerMonth: 8 }),
      ]);
      const viewAfter = await json<ConsolidatedView>(
        await t.call('GET', `/api/v1/consolidated?period=${PERIOD}`),
      );
      expect(viewAfter.contributions).toEqual(viewBefore.contributions);
      expect(viewAfter.skills.coverage).toEqual(viewBefore.skills.coverage);
      const audit = await t.call('GET', '/api/v1/audit', { headers: { accept: 'text/csv' } });
      expect((await audit.text()).toLowerCase()).not.toContain(MARCUS);
    } finally {
      await t.stop();
    }
    const logged = Buffer.concat(logs).toString('utf8');
    // The requests were logged (so the check below has something to check), without whom they named.
    expect(logged).toContain('"path":"/api/v1/people/…"');
    for (const word of PERSONAL) expect(logged.toLowerCase(), word).not.toContain(word);
  });

  it('exports as CSV, erases and lists retention on the command line', async () => {
    const url = await freshDatabaseUrl(kind);
    const store = await openStore(url);
    await loadDemo(store, createLogger('silent'), new Date('2026-12-10T12:00:00Z'), 'Europe/London');
    await store.close();

    const exported = await cli(['people', 'export', '--email', MARCUS, '--csv'], url);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    expect(lines[0]).toBe('record,sheet_or_action,council,period,version,at,content');
    // One Skills row in Cherwell's and in the Vale's return for each of the demo's two months and for
    // last year's March (the demo closes last year).
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',').slice(0, 5).join(' '))
        .sort(),
    ).toEqual([
      'row skills cherwell 2026-03 1',
      'row skills cherwell 2026-10 1',
      'row skills cherwell 2026-11 1',
      'row skills vale-of-white-horse 2026-03 1',
      'row skills vale-of-white-horse 2026-10 1',
      'row skills vale-of-white-horse 2026-11 1',
    ]);

    const erased = await cli(['people', 'erase', '--email', MARCUS], url);
    expect(erased.stdout).toMatch(
      /^Erased: now Person [0-9a-f]{8} <[0-9a-f]{8}@erased\.invalid> in 6 versions/,
    );
    const again = await cli(['people', 'erase', '--email', MARCUS], url);
    expect(again).toMatchObject({ code: 1 });
    expect(again.stderr).toContain(`Nothing the service holds names ${MARCUS}.`);

    // The demo's months are this year's: nothing is past seven years.
    const retention = await cli(['people', 'retention', '--dry-run'], url);
    expect(retention.code).toBe(0);
    expect(retention.stdout).toMatch(
      /^Would pseudonymise people in 0 versions of periods up to \d{4}-03\.\n/,
    );
  });
});
