// `shared-cdo rollup --period P [--dry-run]` as an operator runs it, against a database and a real SMTP
// server: the dry run writes .eml files and sends nothing; the real run sends once; a rerun sends nothing.
// On SQLite and on PostgreSQL.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { openStore } from '../../../server/store/index.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';
import { demoRecords } from './demo-records.js';
import { deliveredTo, smtpError, startTestSmtp, type TestSmtp } from './smtp-harness.js';
import { testActor } from '../../helpers/actors.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../bin/shared-cdo.js', import.meta.url));

/** A Welsh-speaking operator's shell: LANG names Welsh, and neither LC_ALL nor LC_MESSAGES overrides it. */
const WELSH = { LANG: 'cy_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

const recipients = [
  ...demoPartnership.rollupRecipients,
  ...demoPartnership.councils.filter((c) => c.membership === 'Member').map((c) => c.contactEmail!),
].sort();

let dir: string;
let smtp: TestSmtp;
let env: NodeJS.ProcessEnv;

describeStores('shared-cdo rollup', (kind) => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollup-cli-'));
    smtp = await startTestSmtp();
    const url = await freshDatabaseUrl(kind);
    const store = await openStore(url);
    await store.savePartnership(demoPartnership, testActor('test'), '2026-04-01T00:00:00Z');
    for (const r of demoRecords({ hostile: false })) {
      await store.appendSubmission({
        council: r.council,
        period: r.period,
        data: r.data,
        submittedAt: r.submittedAt,
        actor: testActor('test'),
        source: 'cli',
        receipt: () => ({}),
      });
    }
    await store.close();
    env = {
      ...process.env,
      DATABASE_URL: url,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'silent',
      DEMO: 'off',
    };
  });

  afterAll(async () => {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each case starts the CLI (TypeScript through tsx) once or twice: seconds each on a busy machine.
  describe('as an operator runs it', { timeout: 180_000 }, () => {
    it('--dry-run writes every e-mail as an .eml file and sends nothing', async () => {
      const out = join(dir, 'preview');
      const { stdout } = await run(
        process.execPath,
        [CLI, 'rollup', '--period', '2027-03', '--force', '--dry-run', '--out', out],
        { env },
      );
      expect(stdout).toContain('Dry run: 6 e-mails for March 2027 written; nothing sent.');
      const files = readdirSync(out);
      expect(files).toHaveLength(recipients.length);
      // Council figures and the workbook attached: for the service's user only.
      expect(statSync(out).mode & 0o777).toBe(0o700);
      expect(files.map((f) => statSync(join(out, f)).mode & 0o777)).toEqual(files.map(() => 0o600));
      const rollup = files.find((f) => f.startsWith('dry-run-rollup-2027-03-board@'))!;
      const mail = await simpleParser(readFileSync(join(out, rollup)));
      expect(mail.subject).toBe(
        'Shared CDO roll-up — March 2027 — Oxfordshire Districts Digital Partnership',
      );
      expect(mail.attachments.map((a) => a.contentType).sort()).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'image/png',
        'image/png',
        'image/png',
        'image/png',
      ]);
      expect(smtp.deliveries).toHaveLength(0);
    });

    it('sends the roll-up and statements once, and a second run sends nothing', async () => {
      const first = await run(process.execPath, [CLI, 'rollup', '--period', '2027-03', '--force'], { env });
      expect(first.stdout).toContain(
        'March 2027: 6 e-mails queued now, 0 already in the outbox. Nothing left to send.',
      );
      expect(deliveredTo(smtp)).toEqual(recipients);
      const second = await run(process.execPath, [CLI, 'rollup', '--period', '2027-03', '--force'], { env });
      expect(second.stdout).toContain('March 2027: 0 e-mails queued now, 6 already in the outbox.');
      expect(deliveredTo(smtp)).toEqual(recipients);
    });

    it('exits with code 1 and shows the reason when the mail server refuses the roll-up for good', async () => {
      smtp.verdict = () => smtpError(550, 'Relaying denied');
      try {
        const failure = await run(process.execPath, [CLI, 'rollup', '--period', '2027-02', '--force'], {
          env,
        }).catch((e: { code: number; stdout: string }) => e);
        expect(failure).toMatchObject({ code: 1 });
        expect((failure as { stdout: string }).stdout).toMatch(
          /^failed {4}rollup {4}board@oxfordshire-districts\.example \(.*550 Relaying denied.*\)$/m,
        );
      } finally {
        smtp.verdict = undefined;
      }
    });

    it('reports in Welsh under a Welsh LANG: a dry run, and a rerun that sends nothing', async () => {
      const out = join(dir, 'preview-cy');
      const dry = await run(
        process.execPath,
        [CLI, 'rollup', '--period', '2027-03', '--force', '--dry-run', '--out', out],
        { env: { ...env, ...WELSH } },
      );
      expect(dry.stdout).toContain(
        'Rhediad prawf: ysgrifennwyd 6 e-bost ar gyfer Mawrth 2027; ni anfonwyd dim.',
      );
      expect(dry.stdout).not.toContain('Dry run');
      const rerun = await run(process.execPath, [CLI, 'rollup', '--period', '2027-03', '--force'], {
        env: { ...env, ...WELSH },
      });
      expect(rerun.stdout).toContain(
        'Mawrth 2027: 0 e-bost wedi’u rhoi yn y ciw nawr, 6 yn y blwch allan eisoes. Dim byd ar ôl i’w anfon.',
      );
      expect(deliveredTo(smtp)).toEqual(recipients);
    });
  });
});

// Refused before any database is opened, so once is enough.
describe('shared-cdo rollup', { timeout: 180_000 }, () => {
  it('refuses a period that is not YYYY-MM with one line and exit code 1', async () => {
    const env = { ...process.env, DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' };
    const failure = await run(process.execPath, [CLI, 'rollup', '--period', 'March'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 1, stderr: '--period: "March" is not a month written YYYY-MM\n' });
  });

  it('refuses a month that has not ended with one line, unless forced', async () => {
    const env = { ...process.env, DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', TZ: 'Europe/London' };
    const today = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      month: 'long',
      year: 'numeric',
    });
    const now = new Date();
    const thisMonth = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
    })
      .format(now)
      .slice(0, 7);
    const lastMonth = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5)) - 2, 15));
    for (const [period, label] of [
      [thisMonth, today.format(now)],
      ['2099-01', 'January 2099'],
    ] as const) {
      const failure = await run(process.execPath, [CLI, 'rollup', '--period', period], { env }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(failure).toMatchObject({
        code: 1,
        stderr:
          `--period: ${label} has not ended yet, so it has no roll-up; the latest is ` +
          `${today.format(lastMonth)} (--force builds it anyway, for testing).\n`,
      });
    }
  });

  it('refuses a month that has not ended in Welsh under a Welsh LANG', async () => {
    const env = { ...process.env, DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', ...WELSH };
    const failure = await run(process.execPath, [CLI, 'rollup', '--period', '2099-01'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /^--period: nid yw Ionawr 2099 wedi dod i ben eto, felly nid oes crynodeb ar ei gyfer; yr olaf yw \S+ \d{4} \(mae --force yn ei adeiladu beth bynnag, ar gyfer profi\)\.\n$/,
    );
  });
});
