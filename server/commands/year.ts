// The partnership's year from the command line (DESIGN §10), on the database directly and audited as
// the command line: `agreement propose FY [--note TEXT]`, `agreement show FY` and `agreement remind ID`;
// `year close FY`, `year show FY` and `year reopen FY --reason TEXT`. What they say to people is in the
// environment's language (cli-language.ts): Welsh under a Welsh LANG, English otherwise.
import { InvalidArgumentError, type Command } from 'commander';
import { agreementLine, agreementState, type Agreement, type YearRecord } from '../../shared/agreements.js';
import { isValidFinancialYear } from '../../shared/dates.js';
import { agreementWords, glossaryFigures } from '../../shared/glossary.js';
import type { PlainKey } from '../../shared/i18n/index.js';
import { formatPounds } from '../../shared/money.js';
import { commandLineActor } from '../auth/actors.js';
import { HttpError } from '../errors.js';
import { errorMessage } from '../error-language.js';
import { textTable } from '../mail/text.js';
import { remindAgreement } from '../services/agreement-reminder.js';
import { closeYear, proposeAgreement, reopenYear, ukDate, yearRecord } from '../services/partnership-year.js';
import { Agreements } from '../store/agreements.js';
import { CLI_LOCALE, say } from './cli-language.js';
import { councilNames, runCommand, withStore } from './store-access.js';

function financialYear(text: string): string {
  if (!isValidFinancialYear(text)) throw new InvalidArgumentError(say('cli.value.financialYear'));
  return text;
}

/** An agreement as `agreement show` numbers it. */
function agreementNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) throw new InvalidArgumentError(say('cli.value.agreementNumber'));
  return value;
}

/** A refusal the service would answer with (not closed yet, closed already): one line, exit code 1. */
const refusals = (error: unknown): string[] | undefined =>
  error instanceof HttpError
    ? [errorMessage(CLI_LOCALE, error.code, error.status, error.message)]
    : undefined;

const STATUS_WORDS: Record<Agreement['status'], PlainKey> = {
  proposed: 'cli.agreement.status.proposed',
  agreed: 'cli.agreement.status.agreed',
  superseded: 'cli.agreement.status.superseded',
};

/** "A and B and C": names joined as the command line has always joined them. */
const joined = (names: readonly string[]): string =>
  names.reduce((first, last) => say('list.and', { first, last }));

function agreementText(agreement: Agreement, nameOf: (council: string) => string): string {
  const decided = new Map(agreement.decisions.map((d) => [d.council, d]));
  const rows = agreement.dues.map((d) => {
    const decision = decided.get(d.council);
    return [
      nameOf(d.council),
      formatPounds(d.duePence),
      decision
        ? say(decision.decision === 'agree' ? 'cli.decision.agreed' : 'cli.decision.declined', {
            date: ukDate(decision.at),
          })
        : say('cli.decision.awaiting'),
      decision?.comment ?? '',
    ];
  });
  const heading = say('cli.agreement.heading', {
    id: agreement.id,
    status: say(STATUS_WORDS[agreement.status]),
    date: ukDate(agreement.proposedAt),
    by: agreement.proposedBy,
  });
  const columns = [
    say('pane.agreement.council'),
    glossaryFigures(CLI_LOCALE).duePence.label,
    say('pane.agreement.decision'),
    say('pane.agreement.comment'),
  ];
  return (
    `${heading}\n` +
    `${agreementLine(agreement.fy, agreementState(agreement), nameOf, ukDate, CLI_LOCALE)}\n\n` +
    `${textTable(columns, rows, [1])}\n`
  );
}

function yearText(year: YearRecord, nameOf: (council: string) => string): string {
  if (year.status === 'open') return `${say('cli.year.open', { year: year.fy })}\n`;
  const rows = year.statements.map((s) => [
    nameOf(s.council),
    formatPounds(s.duePence),
    formatPounds(s.contributedPence),
    s.balancePence > 0
      ? say('year.statement.toInvoice', { amount: formatPounds(s.balancePence) })
      : s.balancePence < 0
        ? say('year.statement.toCredit', { amount: formatPounds(-s.balancePence) })
        : say('cli.year.settled'),
  ]);
  const figures = glossaryFigures(CLI_LOCALE);
  const columns = [
    say('pane.agreement.council'),
    figures.duePence.label,
    figures.contributedPence.label,
    say('rollup.column.balance'),
  ];
  const state = year.agreement && agreementState(year.agreement);
  return (
    `${say('cli.year.closed', { year: year.fy, date: ukDate(year.closedAt!), by: String(year.closedBy) })}\n` +
    `${agreementLine(year.fy, state, nameOf, ukDate, CLI_LOCALE)}\n\n` +
    `${textTable(columns, rows, [1, 2, 3])}\n`
  );
}

export function register(program: Command): void {
  const agreement = program.command('agreement').description(say('cli.help.agreement'));
  agreement
    .command('propose')
    .description(say('cli.help.agreement.propose'))
    .argument('<fy>', say('cli.help.fy', { example: '2026-27' }), financialYear)
    .option('--note <text>', say('cli.help.agreement.note'))
    .action((fy: string, options: { note?: string }) =>
      runCommand(
        () =>
          withStore(async (store, config) => {
            const proposed = await proposeAgreement(
              store,
              { fy, note: options.note },
              commandLineActor(),
              new Date(),
              config,
            );
            process.stdout.write(agreementText(proposed, await councilNames(store)));
          }),
        refusals,
      ),
    );
  agreement
    .command('show')
    .description(say('cli.help.agreement.show'))
    .argument('<fy>', say('cli.help.fy', { example: '2026-27' }), financialYear)
    .action((fy: string) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const [latest] = await new Agreements(store.db).list(fy);
            process.stdout.write(
              latest
                ? agreementText(latest, await councilNames(store))
                : `${say('cli.agreement.none', { year: fy })}\n`,
            );
          }),
        refusals,
      ),
    );
  agreement
    .command('remind')
    .description(say('cli.help.agreement.remind'))
    .argument('<id>', say('cli.help.agreement.id'), agreementNumber)
    .action((id: number) =>
      runCommand(
        () =>
          withStore(async (store, config) => {
            const outcome = await remindAgreement(store, id, commandLineActor(), new Date(), config);
            const nameOf = await councilNames(store);
            const names = (ids: readonly string[]) => joined(ids.map(nameOf));
            const words = agreementWords(CLI_LOCALE);
            const lines = [
              ...(outcome.queued.length ? [words.reminded(names(outcome.queued))] : []),
              ...(outcome.remindedEarlierToday.length
                ? [words.remindedEarlierToday(names(outcome.remindedEarlierToday))]
                : []),
              ...(outcome.withoutContact.length
                ? [say('cli.agreement.noContact', { councils: names(outcome.withoutContact) })]
                : []),
            ];
            process.stdout.write(lines.map((line) => `${line}\n`).join(''));
          }),
        refusals,
      ),
    );

  const year = program.command('year').description(say('cli.help.year'));
  year
    .command('close')
    .description(say('cli.help.year.close'))
    .argument('<fy>', say('cli.help.fy', { example: '2025-26' }), financialYear)
    .action((fy: string) =>
      runCommand(
        () =>
          withStore(async (store, config) => {
            const closed = await closeYear(store, fy, commandLineActor(), new Date(), config);
            process.stdout.write(yearText(closed, await councilNames(store)));
          }),
        refusals,
      ),
    );
  year
    .command('show')
    .description(say('cli.help.year.show'))
    .argument('<fy>', say('cli.help.fy', { example: '2025-26' }), financialYear)
    .action((fy: string) =>
      runCommand(
        () =>
          withStore(async (store) => {
            process.stdout.write(yearText(await yearRecord(store, fy), await councilNames(store)));
          }),
        refusals,
      ),
    );
  year
    .command('reopen')
    .description(say('cli.help.year.reopen'))
    .argument('<fy>', say('cli.help.fy', { example: '2025-26' }), financialYear)
    .requiredOption('--reason <text>', say('cli.help.year.reason'))
    .action((fy: string, options: { reason: string }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            if (options.reason.trim() === '')
              throw new HttpError(422, 'reason', 'Give the reason for reopening.');
            await reopenYear(store, fy, options.reason.trim(), commandLineActor(), new Date());
            process.stdout.write(`${say('cli.year.reopened', { year: fy })}\n`);
          }),
        refusals,
      ),
    );
}
