// `shared-cdo people export --email E [--csv]`, `people erase --email E`, `people retention [--dry-run]`:
// a subject access request, an erasure, and the retention the daily run applies (DESIGN §11).
import { InvalidArgumentError, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { PersonReport } from '../../shared/api.js';
import { emailSchema } from '../../shared/schemas.js';
import { commandLineActor } from '../auth/actors.js';
import { applyRetention } from '../services/personal-data-retention.js';
import { changePerson, PersonalDataRefused, personReport } from '../services/personal-data.js';
import { say } from './cli-language.js';
import { runCommand, withStore } from './store-access.js';

function email(text: string): string {
  if (!emailSchema.safeParse(text.trim()).success) throw new InvalidArgumentError(say('cli.value.email'));
  return text.trim().toLowerCase();
}

const refusals = (error: unknown): string[] | undefined =>
  error instanceof PersonalDataRefused ? [error.message] : undefined;

export function register(program: Command): void {
  const people = program.command('people').description(say('cli.help.people'));
  people
    .command('export')
    .description(say('cli.help.people.export'))
    .requiredOption('--email <address>', say('cli.help.email'), email)
    .option('--csv', say('cli.help.people.csv'))
    .action((options: { email: string; csv?: boolean }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const report = await personReport(store, options.email);
            process.stdout.write(options.csv ? reportCsv(report) : `${JSON.stringify(report, null, 2)}\n`);
          }),
        refusals,
      ),
    );
  people
    .command('erase')
    .description(say('cli.help.people.erase'))
    .requiredOption('--email <address>', say('cli.help.email'), email)
    .action((options: { email: string }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const changed = await changePerson(
              store,
              options.email,
              { kind: 'erase' },
              commandLineActor(),
              new Date().toISOString(),
            );
            if (!changed) throw new PersonalDataRefused(say('cli.people.nothing', { email: options.email }));
            process.stdout.write(
              `${say('cli.people.erased', {
                person: `${changed.name} <${changed.email}>`,
                versions: changed.versions,
                audit: changed.auditEntries,
                tokens: changed.tokens,
                emails: changed.emails,
                users: changed.users,
              })}\n`,
            );
          }),
        refusals,
      ),
    );
  people
    .command('retention')
    .description(say('cli.help.people.retention'))
    .option('--dry-run', say('cli.help.people.dryRun'))
    .action((options: { dryRun?: boolean }) =>
      runCommand(
        () =>
          withStore(async (store, config) => {
            const outcome = await applyRetention(store, {
              now: new Date(),
              months: config.personalDataRetentionMonths,
              dryRun: options.dryRun === true,
              actor: commandLineActor(),
            });
            const lines = outcome.versions.map((v) => `  ${say('cli.people.version', v)}\n`);
            const versions = { count: outcome.versions.length, upTo: outcome.upTo };
            const dropped = { count: outcome.clientAddresses };
            process.stdout.write(
              say(options.dryRun ? 'cli.people.wouldPseudonymise' : 'cli.people.pseudonymised', versions) +
                `${lines.length > 0 ? ':' : '.'}\n${lines.join('')}` +
                `${say(options.dryRun ? 'cli.people.wouldDrop' : 'cli.people.dropped', dropped)}\n`,
            );
          }),
        refusals,
      ),
    );
}

/** One line per thing held: what it is, where, and its content as JSON. */
function reportCsv(report: PersonReport): string {
  const lines: unknown[][] = [
    ...report.rows.map((r) => ['row', r.sheet, r.council, r.period, r.version, '', JSON.stringify(r.row)]),
    ...report.audit.map((e) => [
      'audit',
      e.action,
      e.council ?? '',
      e.period ?? '',
      '',
      e.at,
      JSON.stringify(e),
    ]),
    ...report.users.map((u) => ['user', u.role, u.council ?? '', '', '', u.createdAt, JSON.stringify(u)]),
    ...report.tokens.map((t) => ['token', t.role, t.council ?? '', '', '', t.createdAt, JSON.stringify(t)]),
  ];
  return stringify(lines, {
    header: true,
    columns: ['record', 'sheet_or_action', 'council', 'period', 'version', 'at', 'content'],
    // Text typed by people: one that starts like a formula stays text in a spreadsheet.
    cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
  });
}
