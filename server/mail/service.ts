// The service's mail: a daily job at 07:00 (Europe/London) enqueues whatever is due — the roll-up and
// statements, or reminders — and the outbox worker sends. The same check runs at start-up, so a run
// missed while the service was down happens at its next start.
import { join, resolve } from 'node:path';
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import { serviceActor } from '../auth/actors.js';
import type { Config, DatabaseLocation } from '../config.js';
import { dataFolderFor } from '../data-folder.js';
import type { Logger } from '../logger.js';
import { consolidatedView } from '../services/consolidated-view.js';
import { applyRetention } from '../services/personal-data-retention.js';
import type { Store } from '../store/index.js';
import {
  buildReminders,
  buildRollup,
  reminderCouncils,
  statementCouncils,
  type RollupBuild,
} from './messages.js';
import {
  enqueueMail,
  normaliseRecipient,
  outboxRecipients,
  OutboxWorker,
  type OutboxRow,
  type OutboxWorkerOptions,
} from './outbox.js';
import type { MailTables } from '../store/mail-tables.js';
import { DAILY_PATTERN, dueJobs } from './schedule.js';
import {
  agreementOfRow,
  proposalKey,
  queueAgreementReminders,
  queueProposalEmails,
  queueYearStatementEmails,
  yearMailOptions,
} from './year-emails.js';
import {
  financialYearOf,
  nextFinancialYear,
  previousFinancialYear,
  submissionDeadline,
  type Period,
} from '../../shared/dates.js';
import type { Partnership } from '../../shared/schemas.js';
import { currentPeriod } from '../services/clock.js';
import { yearRecord } from '../services/partnership-year.js';
import { Agreements } from '../store/agreements.js';
import { createMailTransport, type MailTransport } from './transport.js';

/** Where e-mails go as `.eml` files when no SMTP_URL is configured. */
export const DEFAULT_OUTBOX_DIR = 'data/outbox';

/** `.eml` files go to the outbox folder of the data folder (./data/outbox/ by default). */
export const outboxDirFor = (database: DatabaseLocation): string => join(dataFolderFor(database), 'outbox');

const MAIL_ACTOR = serviceActor('mail', 'Shared CDO e-mail');
const RETENTION_ACTOR = serviceActor('retention', 'Shared CDO retention');

export interface MailServiceOptions {
  store: Store;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'timeZone'> &
    Partial<Pick<Config, 'personalDataRetentionMonths' | 'publicUrl' | 'port'>>;
  logger: Logger;
  now?: () => Date;
  outboxDir?: string;
  transport?: MailTransport;
  worker?: Omit<OutboxWorkerOptions, 'stillWanted' | 'sent' | 'logger' | 'now'>;
  /**
   * Queues a roll-up that is wanted from somewhere else than this process (the service: a child process,
   * rollup-process.ts), resolving with the number of e-mails added; built here when not given.
   */
  rollupApart?: (period: Period, now: Date) => Promise<number>;
}

export interface JobOutcome {
  kind: 'rollup' | 'reminder' | 'agreement' | 'agreement-reminder' | 'year-statement';
  period: string;
  added: number;
}

export class MailService {
  readonly db: Kysely<MailTables>;
  readonly worker: OutboxWorker;
  private readonly transport: MailTransport;
  private readonly now: () => Date;
  private cron: Cron | undefined;
  /** The check in progress (start-up catch-up or the daily run); `stop()` waits for it. */
  private checking: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: MailServiceOptions) {
    // The outbox tables live in the service's database (its migration is in store/migrations.ts).
    this.db = options.store.mail;
    this.now = options.now ?? (() => new Date());
    this.transport =
      options.transport ??
      createMailTransport({
        ...(options.config.smtpUrl ? { smtpUrl: options.config.smtpUrl } : {}),
        outboxDir: resolve(options.outboxDir ?? DEFAULT_OUTBOX_DIR),
      });
    this.worker = new OutboxWorker(this.db, this.transport, {
      ...options.worker,
      now: () => this.now().getTime(),
      logger: options.logger,
      stillWanted: (row) => this.stillWanted(row),
      sent: (row) =>
        options.store.recordAudit({
          at: this.now().toISOString(),
          actor: MAIL_ACTOR,
          action: 'email.sent',
          period: row.period,
          target: `${row.kind} to ${row.recipient}`,
          status: 200,
        }),
    });
  }

  /**
   * Starts sending from the outbox and the daily 07:00 check, and runs the check now to catch up on
   * anything missed. Resolves when that first check is done; it never rejects (failures are logged).
   */
  start(): Promise<void> {
    this.worker.start();
    this.cron = new Cron(DAILY_PATTERN, { timezone: this.options.config.timeZone, protect: true }, () =>
      this.check(),
    );
    return this.check();
  }

  async stop(): Promise<void> {
    this.cron?.stop();
    await this.checking;
    await this.worker.stop();
    this.transport.close();
  }

  private check(): Promise<void> {
    // Retention first, so that nothing composed today names someone past the limit.
    const run = this.applyRetention()
      .then(() => this.runDueJobs())
      .then(
        () => undefined,
        (error: unknown) => this.options.logger.error({ err: error }, 'mail check failed'),
      );
    this.checking = run;
    return run;
  }

  /**
   * DESIGN §11: the daily run pseudonymises people in versions past PERSONAL_DATA_RETENTION_MONTHS.
   * Every instance runs it; what one has done leaves nothing for the others, so it happens once.
   */
  async applyRetention(): Promise<void> {
    const months = this.options.config.personalDataRetentionMonths;
    if (months === undefined) return;
    try {
      const outcome = await applyRetention(this.options.store, {
        now: this.now(),
        months,
        actor: RETENTION_ACTOR,
      });
      if (outcome.versions.length + outcome.clientAddresses > 0)
        this.options.logger.info(
          { upTo: outcome.upTo, versions: outcome.versions.length, clientAddresses: outcome.clientAddresses },
          'personal data past its retention pseudonymised',
        );
    } catch (error) {
      this.options.logger.error({ err: error }, 'retention not applied; will try again tomorrow');
    }
  }

  /** When the daily check next runs (for the start-up log and tests). */
  nextRun(after?: Date): Date | null {
    // A Cron without a function schedules nothing; it only answers the question.
    return (this.cron ?? new Cron(DAILY_PATTERN, { timezone: this.options.config.timeZone })).nextRun(after);
  }

  /** Enqueues whatever is due now and not yet in the outbox; a failure is logged and retried next run. */
  async runDueJobs(): Promise<JobOutcome[]> {
    const current = await this.options.store.currentPartnership();
    if (!current) return [];
    const due = dueJobs(current.partnership, this.now(), this.options.config.timeZone);
    const outcomes: JobOutcome[] = [];
    const attempt = async (kind: JobOutcome['kind'], period: string, run: () => Promise<number>) => {
      try {
        outcomes.push({ kind, period, added: await run() });
      } catch (error) {
        this.options.logger.error(
          { err: error, kind, period },
          'could not prepare the e-mails; will try again',
        );
      }
    };
    if (due.rollup) await attempt('rollup', due.rollup, () => this.enqueueRollup(due.rollup!));
    if (due.reminder) await attempt('reminder', due.reminder, () => this.enqueueReminders(due.reminder!));
    await this.enqueueYearMail(current.partnership, due.reminder, attempt);
    if (outcomes.some((o) => o.added > 0)) this.worker.kick();
    return outcomes;
  }

  /** Builds the roll-up for `period` (unless every one of its e-mails is already in the outbox) and enqueues it. */
  async enqueueRollup(period: Period): Promise<number> {
    const { rollupApart } = this.options;
    if (rollupApart) {
      const current = await this.options.store.currentPartnership();
      return current && (await this.rollupWanted(current.partnership, period))
        ? rollupApart(period, this.now())
        : 0;
    }
    const build = await this.buildRollupIfNeeded(period);
    if (!build) return 0;
    const added = await enqueueMail(this.db, build.messages, this.now());
    this.options.logger.info({ period, added }, 'roll-up e-mails queued');
    return added;
  }

  /** The roll-up as it would be sent now, or undefined when all of its e-mails are already in the outbox. */
  async buildRollupIfNeeded(period: Period, force = false): Promise<RollupBuild | undefined> {
    const current = await this.options.store.currentPartnership();
    if (!current) return undefined;
    const { partnership } = current;
    if (!force && !(await this.rollupWanted(partnership, period))) return undefined;
    const view = await consolidatedView(this.options.store, period);
    return buildRollup(partnership, view, {
      from: this.options.config.mailFrom,
      date: this.now(),
    });
  }

  /** Whether any of the roll-up's e-mails for `period` (to the board, and the councils' statements) is not yet in the outbox. */
  private async rollupWanted(partnership: Partnership, period: Period): Promise<boolean> {
    const [rollups, statements] = await Promise.all([
      outboxRecipients(this.db, 'rollup', period),
      outboxRecipients(this.db, 'statement', period),
    ]);
    return (
      partnership.rollupRecipients.some((r) => !rollups.has(normaliseRecipient(r))) ||
      statementCouncils(partnership, period).some((c) => !statements.has(normaliseRecipient(c.contactEmail)))
    );
  }

  async enqueueReminders(period: string): Promise<number> {
    const current = await this.options.store.currentPartnership();
    if (!current) return 0;
    const submitted = new Set((await this.options.store.periodSummaries(period)).keys());
    const messages = await buildReminders(current.partnership, period, submitted, {
      from: this.options.config.mailFrom,
      date: this.now(),
    });
    const added = await enqueueMail(this.db, messages, this.now());
    if (added > 0) this.options.logger.info({ period, added }, 'reminders queued');
    return added;
  }

  /**
   * The partnership year's e-mails (DESIGN §10): a proposal's e-mails not yet queued (proposing queues
   * them; this catches a failure there), reminders on the return reminder day to councils still awaiting
   * the year's proposal, and the final statements of last year once it is closed.
   */
  private async enqueueYearMail(
    partnership: Partnership,
    reminderPeriod: string | undefined,
    attempt: (kind: JobOutcome['kind'], period: string, run: () => Promise<number>) => Promise<void>,
  ): Promise<void> {
    const mail = { ...yearMailOptions(this.options.config), date: this.now() };
    const fy = financialYearOf(currentPeriod(this.options.config.timeZone, this.now()));
    const agreements = new Agreements(this.options.store.db);
    // Next year's shares are often proposed before its April.
    for (const year of [fy, nextFinancialYear(fy)]) {
      const [latest] = await agreements.list(year);
      if (latest?.status !== 'proposed') continue;
      await attempt('agreement', proposalKey(latest), () =>
        queueProposalEmails(this.db, partnership, latest, mail),
      );
      if (reminderPeriod)
        await attempt('agreement-reminder', reminderPeriod, () =>
          queueAgreementReminders(
            this.db,
            partnership,
            latest,
            {
              keyedBy: 'month',
              period: reminderPeriod,
              deadline: submissionDeadline(reminderPeriod, partnership.submissionDeadlineDay),
              timeZone: this.options.config.timeZone,
            },
            mail,
          ),
        );
    }
    const last = previousFinancialYear(fy);
    const closed = await yearRecord(this.options.store, last);
    if (closed.status === 'closed')
      await attempt('year-statement', last, () =>
        queueYearStatementEmails(this.db, partnership, closed, mail),
      );
  }

  /**
   * A reminder is dropped once every council it was about has submitted; a proposal's e-mail once the
   * proposal is no longer open, and its reminder once those councils have decided. Other e-mails always go.
   */
  private async stillWanted(row: OutboxRow): Promise<boolean> {
    if (row.kind === 'agreement' || row.kind === 'agreement-reminder') {
      const id = agreementOfRow(row.meta);
      const agreement = id === undefined ? undefined : await new Agreements(this.options.store.db).get(id);
      if (agreement?.status !== 'proposed') return false;
      return (
        row.kind === 'agreement' || reminderCouncils(row.meta).some((c) => agreement.awaiting.includes(c))
      );
    }
    if (row.kind !== 'reminder') return true;
    const submitted = await this.options.store.periodSummaries(row.period);
    return reminderCouncils(row.meta).some((council) => !submitted.has(council));
  }
}
