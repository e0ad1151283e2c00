// The council's month in the pane: set up the sheets, check them, submit the return (with its
// confirmations: an empty return, someone else's newer version) and load the last submission.
import { asPeriod, financialYearOf, periodLabel } from '../../../shared/dates.js';
import { COUNCIL_LAYOUTS, dropDownLists } from '../../../shared/sheets/index.js';
import type { CouncilSubmission } from '../../../shared/schemas.js';
import { idempotencyKeyFor, ServiceError } from '../api/client.js';
import type { CheckResult, DropDownLists } from '../excel/index.js';
import * as excel from '../excel/index.js';
import { compareSubmissions, comparisonView } from './compare.js';
import type { PaneContext } from './context.js';
import { h } from './dom.js';
import { button, message, when } from './feedback.js';
import { receiptView } from './results.js';

export class CouncilActions {
  constructor(private readonly ctx: PaneContext) {}

  private lists(): DropDownLists {
    const s = this.ctx.session();
    const fy = s.choices.period ? financialYearOf(s.choices.period) : undefined;
    return dropDownLists(COUNCIL_LAYOUTS, s.partnership, fy);
  }

  setUp(): Promise<void> {
    return this.ctx.run('Set up sheets', 'Setting up the sheets…', async () => {
      const { council, period } = this.ctx.target();
      const report = await excel.setUpSheets({ council, period, lists: this.lists() });
      await excel.saveChoices(this.ctx.session().choices);
      const lines = [
        report.created.length ? `Created ${report.created.join(', ')}.` : '',
        ...report.repaired.map((r) =>
          r.addedColumns.length
            ? `${r.sheet}: added the missing column${r.addedColumns.length === 1 ? '' : 's'} ${r.addedColumns.join(', ')}.`
            : `${r.sheet} was already set up; drop-down lists refreshed.`,
        ),
      ].filter(Boolean);
      const leftAlone = report.skipped.map((s) => `“${s.sheet}”`);
      this.ctx.result(
        message(
          report.skipped.length ? 'warning' : 'success',
          leftAlone.length
            ? `Sheets set up for ${periodLabel(period)}, except ${leftAlone.join(' and ')}, which ${leftAlone.length === 1 ? 'was' : 'were'} left alone.`
            : `Sheets ready for ${periodLabel(period)}.`,
        ),
        ...report.skipped.map((s) => message('warning', s.reason)),
        h('ul', { class: 'plain' }, ...lines.map((l) => h('li', {}, l))),
      );
    });
  }

  private async runCheck(): Promise<CheckResult> {
    const s = this.ctx.session();
    const { council, period } = this.ctx.target();
    return excel.check({ partnership: s.partnership, council, period });
  }

  private checkSummary(result: CheckResult): HTMLElement {
    const errors = result.problems.filter((p) => p.problem.severity === 'error').length;
    const warnings = result.problems.filter((p) => p.problem.severity === 'warning').length;
    if (errors === 0) {
      return message(
        'success',
        warnings
          ? `No errors. ${warnings} warning${warnings === 1 ? '' : 's'} to look at; you can still submit.`
          : 'No errors or warnings: ready to submit.',
      );
    }
    return message(
      'error',
      `${errors} error${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}. The cells are marked in red; select a line to go to its cell.`,
    );
  }

  check(): Promise<void> {
    return this.ctx.run('Check', 'Checking…', async () => {
      const result = await this.runCheck();
      this.ctx.result(this.checkSummary(result), this.ctx.problems(result.problems));
    });
  }

  submit(confirmEmpty = false): Promise<void> {
    return this.ctx.run('Submit', 'Checking before submitting…', async () => {
      const s = this.ctx.session();
      const { council, period } = this.ctx.target();
      const result = await this.runCheck();
      if (!result.parsed.ok) {
        this.ctx.result(
          message('error', 'Nothing was submitted: fix the errors first.'),
          this.ctx.problems(result.problems),
        );
        return;
      }
      const submission = { ...result.parsed.submission, period: asPeriod(period) };
      const empty =
        !submission.contributions.length && !submission.skills.length && !submission.projects.length;
      if (empty && !confirmEmpty) {
        await this.confirmEmpty(council, period);
        return;
      }
      this.ctx.progress('Submitting…');
      const baseVersion = s.choices.versions[excel.versionKey(council, period)] ?? 0;
      try {
        const receipt = await s.api.submit(council, submission, {
          baseVersion,
          idempotencyKey: await idempotencyKeyFor(council, submission, baseVersion),
          confirmEmpty,
        });
        s.choices = {
          ...s.choices,
          versions: { ...s.choices.versions, [excel.versionKey(council, period)]: receipt.version },
        };
        await excel.saveChoices(s.choices);
        this.ctx.result(
          message(
            'success',
            `Submitted: version ${receipt.version} of ${this.ctx.councilName(council)}'s ${periodLabel(period)} return.`,
          ),
          receiptView(receipt, this.ctx.councilName(council)),
          receipt.warnings.length
            ? this.ctx.problems(excel.locateAll(receipt.warnings, result.snapshot))
            : null,
        );
      } catch (error) {
        if (error instanceof ServiceError && error.kind === 'conflict' && error.code === 'version-conflict') {
          // Who submitted it and when, from the service's list (newest first).
          const [latest] = await s.api.submissions(council, period).catch(() => []);
          const who = latest
            ? `${latest.submittedBy} submitted version ${latest.version} of this return on ${when(latest.submittedAt)}`
            : 'Someone else submitted a newer version of this return';
          this.ctx.result(
            message(
              'warning',
              `${who}, after this workbook last loaded or submitted it, so yours was not submitted. Check yours against theirs to see what differs, or load theirs (it replaces your rows).`,
            ),
            h(
              'div',
              { class: 'inline-actions' },
              button(
                'compare-theirs',
                'Check mine against theirs',
                () => this.compareWithTheirs(submission),
                'primary',
              ),
              button('load-theirs', 'Load theirs', () => this.confirmLoad()),
            ),
          );
          return;
        }
        if (error instanceof ServiceError && error.kind === 'invalid' && error.problems.length) {
          this.ctx.result(
            message('error', error.message),
            this.ctx.problems(excel.locateAll(error.problems, result.snapshot)),
          );
          return;
        }
        throw error;
      }
    });
  }

  /** The user's rows (as Check read them) against the newest version on the service. */
  private compareWithTheirs(mine: CouncilSubmission): Promise<void> {
    return this.ctx.run(
      'Check mine against theirs',
      'Comparing your rows with the latest version…',
      async () => {
        const s = this.ctx.session();
        const { council, period } = this.ctx.target();
        const [latest] = await s.api.submissions(council, period);
        if (!latest) {
          this.ctx.result(message('info', 'There is no submitted version to compare with.'));
          return;
        }
        const theirs = await s.api.submission(council, latest.id);
        this.ctx.result(
          message(
            'info',
            `Version ${theirs.version}, submitted by ${theirs.submittedBy} on ${when(theirs.submittedAt)}, against the rows in this workbook. To keep theirs, load it; to send yours, load theirs, make your changes again and submit.`,
          ),
          comparisonView(compareSubmissions(mine, theirs.data), theirs.version),
          h(
            'div',
            { class: 'inline-actions' },
            button('load-theirs', 'Load theirs', () => this.confirmLoad()),
          ),
        );
      },
    );
  }

  /** An empty return removes every row of the last version: say how many, per sheet, before it is sent. */
  private async confirmEmpty(council: string, period: string): Promise<void> {
    const api = this.ctx.session().api;
    const [latest] = await api.submissions(council, period);
    const data = latest ? (await api.submission(council, latest.id)).data : undefined;
    const counts = {
      Contributions: data?.contributions.length ?? 0,
      Skills: data?.skills.length ?? 0,
      Projects: data?.projects.length ?? 0,
    };
    const rows = counts.Contributions + counts.Skills + counts.Projects;
    const removed = Object.entries(counts)
      .map(([sheet, n]) => `${sheet} ${n} removed`)
      .join(', ');
    this.ctx.result(
      message(
        'warning',
        latest
          ? `Submit an empty return? It removes all ${rows} row${rows === 1 ? '' : 's'} of your last version (${removed}).`
          : `Submit an empty return? ${this.ctx.councilName(council)} has no return for ${periodLabel(period)} yet, so it removes nothing.`,
      ),
      h(
        'div',
        { class: 'inline-actions' },
        button('confirm-empty', 'Submit the empty return', () => this.submit(true), 'primary'),
        button('cancel-empty', 'Cancel', () => this.ctx.result(message('info', 'Nothing was submitted.'))),
      ),
    );
    this.ctx.output.querySelector<HTMLElement>('#confirm-empty')?.focus();
  }

  confirmLoad(): void {
    this.ctx.startAction('Load last submission');
    const { period } = this.ctx.target();
    const council = this.ctx.councilName(this.ctx.session().choices.council);
    this.ctx.result(
      message(
        'warning',
        `Load ${council}'s last submitted return for ${periodLabel(period)}? It replaces the rows in Contributions, Skills and Projects, and clears any filter on those tables so that every row is replaced. Columns you added are kept.`,
      ),
      h(
        'div',
        { class: 'inline-actions' },
        button('confirm-load', 'Replace my rows', () => this.load(), 'primary'),
        button('cancel-load', 'Cancel', () => this.ctx.result(message('info', 'Nothing was changed.'))),
      ),
    );
    this.ctx.output.querySelector<HTMLElement>('#confirm-load')?.focus();
  }

  private load(): Promise<void> {
    return this.ctx.run('Load last submission', 'Loading the last submission…', async () => {
      const s = this.ctx.session();
      const { council, period } = this.ctx.target();
      const [latest] = await s.api.submissions(council, period);
      if (!latest) {
        this.ctx.result(
          message(
            'info',
            `${this.ctx.councilName(council)} has not submitted a return for ${periodLabel(period)} yet.`,
          ),
        );
        return;
      }
      const detail = await s.api.submission(council, latest.id);
      await excel.loadSubmission(detail.data, { council, period, lists: this.lists() });
      s.choices = {
        ...s.choices,
        versions: { ...s.choices.versions, [excel.versionKey(council, period)]: detail.version },
      };
      await excel.saveChoices(s.choices);
      this.ctx.result(
        message(
          'success',
          `Loaded version ${detail.version}, submitted ${new Date(detail.submittedAt).toLocaleString('en-GB')} by ${detail.submittedBy}. Any filters on Contributions, Skills and Projects were cleared so that every row was replaced.`,
        ),
      );
    });
  }
}
