// `shared-cdo people export --email E [--csv]`, `people erase --email E`, `people retention [--dry-run]`:
// a subject access request, an erasure, and the retention the daily run applies (DESIGN §11).
import { InvalidArgumentError, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { PersonReport } from '../../shared/api.js';
import { emailSchema } from '../../shared/schemas.js';
import { commandLineActor } from '../auth/actors.js';
import { applyRetention } from '../services/personal-data-retention.js';
import { changePerson, PersonalDataRefused, personReport } from '../services/personal-data.js';
import { runCommand, withStore } from './store-access.js';

function email(text: string): string {
  if (!emailSchema.safeParse(text.trim()).success) throw new InvalidArgumentError('an e-mail address');
  return text.trim().toLowerCase();
}

const refusals = (error: unknown): string[] | undefined =>
  error instanceof PersonalDataRefused ? [error.message] : undefined;

export function register(program: Command): void {
  const people = program
    .command('people')
    .description('Personal data: export what is held about a person, erase them, apply retention');
  people
    .command('export')
    .description(
      'Print everything held about a person: rows of every version, audit entries, users and tokens',
    )
    .requiredOption('--email <address>', "The person's e-mail address", email)
    .option('--csv', 'Print CSV: one line per row, audit entry, user and token')
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
    .description('Erase a person: their name and e-mail become a pseudonym in every version; figures stay')
    .requiredOption('--email <address>', "The person's e-mail address", email)
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
            if (!changed) throw new PersonalDataRefused(`Nothing the service holds names ${options.email}.`);
            process.stdout.write(
              `Erased: now ${changed.name} <${changed.email}> in ${changed.versions} versions, ` +
                `${changed.auditEntries} audit entries, ${changed.tokens} token labels and ` +
                `${changed.emails} stored e-mails; ${changed.users} users removed.\n`,
            );
          }),
        refusals,
      ),
    );
  people
    .command('retention')
    .description(
      'Pseudonymise people in versions past PERSONAL_DATA_RETENTION_MONTHS and drop old client addresses (the 07:00 run does this daily)',
    )
    .option('--dry-run', 'List what would change, and change nothing')
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
            const verb = options.dryRun ? 'Would pseudonymise' : 'Pseudonymised';
            const lines = outcome.versions.map((v) => `  ${v.council} ${v.period} version ${v.version}\n`);
            process.stdout.write(
              `${verb} people in ${outcome.versions.length} versions of periods up to ${outcome.upTo}` +
                `${lines.length > 0 ? ':' : '.'}\n${lines.join('')}` +
                `${options.dryRun ? 'Would drop' : 'Dropped'} the client address of ${outcome.clientAddresses} audit entries older than 12 months.\n`,
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
