// The council's month in the pane: set up the sheets, check them, submit the return (with its
// confirmations: an empty return, someone else's newer version) and load the last submission.
import { asPeriod, financialYearOf } from '../../../shared/dates.js';
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
import { errorCount, joinedByAnd, monthName, t, warningCount } from '../words.js';

export class CouncilActions {
  constructor(private readonly ctx: PaneContext) {}

  private lists(): DropDownLists {
    const s = this.ctx.session();
    const fy = s.choices.period ? financialYearOf(s.choices.period) : undefined;
    return dropDownLists(COUNCIL_LAYOUTS, s.partnership, fy);
  }

  setUp(): Promise<void> {
    return this.ctx.run('pane.setUp', t('pane.setUp.progress'), async () => {
      const { council, period } = this.ctx.target();
      const report = await excel.setUpSheets({ council, period, lists: this.lists() });
      await excel.saveChoices(this.ctx.session().choices);
      // Why each sheet was left alone, as Excel's code said it then.
      const reasons = report.skipped.map((s) => message('warning', s.reason));
      this.ctx.result(() => {
        const lines = [
          report.created.length ? t('pane.setUp.created', { sheets: report.created.join(', ') }) : '',
          ...report.repaired.map((r) => {
            const added = { sheet: r.sheet, columns: r.addedColumns.join(', ') };
            if (!r.addedColumns.length) return t('pane.setUp.refreshed', { sheet: r.sheet });
            return r.addedColumns.length === 1
              ? t('pane.setUp.addedColumn', added)
              : t('pane.setUp.addedColumns', added);
          }),
        ].filter(Boolean);
        const leftAlone = report.skipped.map((s) => `“${s.sheet}”`);
        const except = { month: monthName(period), sheets: joinedByAnd(leftAlone) };
        return [
          message(
            report.skipped.length ? 'warning' : 'success',
            leftAlone.length === 0
              ? t('pane.setUp.ready', { month: monthName(period) })
              : leftAlone.length === 1
                ? t('pane.setUp.exceptOne', except)
                : t('pane.setUp.exceptMany', except),
          ),
          ...reasons,
          h('ul', { class: 'plain' }, ...lines.map((l) => h('li', {}, l))),
        ];
      });
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
        warnings ? t('pane.check.warningsOnly', { warnings: warningCount(warnings) }) : t('pane.check.ready'),
      );
    }
    return message(
      'error',
      warnings
        ? t('pane.check.errorsAndWarnings', { errors: errorCount(errors), warnings: warningCount(warnings) })
        : t('pane.check.errors', { errors: errorCount(errors) }),
    );
  }

  check(): Promise<void> {
    return this.ctx.run('pane.check', t('pane.check.progress'), async () => {
      const result = await this.runCheck();
      this.ctx.result(() => [this.checkSummary(result), this.ctx.problems(result.problems)]);
    });
  }

  submit(confirmEmpty = false): Promise<void> {
    return this.ctx.run('pane.submit', t('pane.submit.checking'), async () => {
      const s = this.ctx.session();
      const { council, period } = this.ctx.target();
      const result = await this.runCheck();
      if (!result.parsed.ok) {
        this.ctx.result(() => [
          message('error', t('pane.submit.fixFirst')),
          this.ctx.problems(result.problems),
        ]);
        return;
      }
      const submission = { ...result.parsed.submission, period: asPeriod(period) };
      const empty =
        !submission.contributions.length && !submission.skills.length && !submission.projects.length;
      if (empty && !confirmEmpty) {
        await this.confirmEmpty(council, period);
        return;
      }
      this.ctx.progress(t('pane.submit.progress'));
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
        this.ctx.result(() => [
          message(
            'success',
            t('pane.submit.done', {
              version: receipt.version,
              council: this.ctx.councilName(council),
              month: monthName(period),
            }),
          ),
          receiptView(receipt, this.ctx.councilName(council)),
          receipt.warnings.length
            ? this.ctx.problems(excel.locateAll(receipt.warnings, result.snapshot))
            : null,
        ]);
      } catch (error) {
        if (error instanceof ServiceError && error.kind === 'conflict' && error.code === 'version-conflict') {
          // Who submitted it and when, from the service's list (newest first).
          const [latest] = await s.api.submissions(council, period).catch(() => []);
          const who = () =>
            latest
              ? t('pane.submit.someone', {
                  person: latest.submittedBy,
                  version: latest.version,
                  when: when(latest.submittedAt),
                })
              : t('pane.submit.someoneElse');
          this.ctx.result(() => [
            message('warning', t('pane.submit.conflict', { who: who() })),
            h(
              'div',
              { class: 'inline-actions' },
              button(
                'compare-theirs',
                t('pane.compare.button'),
                () => this.compareWithTheirs(submission),
                'primary',
              ),
              button('load-theirs', t('pane.compare.loadTheirs'), () => this.confirmLoad()),
            ),
          ]);
          return;
        }
        if (error instanceof ServiceError && error.kind === 'invalid' && error.problems.length) {
          // The service's own words, as it said them.
          const refusal = message('error', error.message);
          this.ctx.result(() => [
            refusal,
            this.ctx.problems(excel.locateAll(error.problems, result.snapshot)),
          ]);
          return;
        }
        throw error;
      }
    });
  }

  /** The user's rows (as Check read them) against the newest version on the service. */
  private compareWithTheirs(mine: CouncilSubmission): Promise<void> {
    return this.ctx.run('pane.compare.button', t('pane.compare.progress'), async () => {
      const s = this.ctx.session();
      const { council, period } = this.ctx.target();
      const [latest] = await s.api.submissions(council, period);
      if (!latest) {
        this.ctx.result(() => [message('info', t('pane.compare.none'))]);
        return;
      }
      const theirs = await s.api.submission(council, latest.id);
      this.ctx.result(() => [
        message(
          'info',
          t('pane.compare.intro', {
            version: theirs.version,
            person: theirs.submittedBy,
            when: when(theirs.submittedAt),
          }),
        ),
        comparisonView(compareSubmissions(mine, theirs.data), theirs.version),
        h(
          'div',
          { class: 'inline-actions' },
          button('load-theirs', t('pane.compare.loadTheirs'), () => this.confirmLoad()),
        ),
      ]);
    });
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
    const removed = () =>
      Object.entries(counts)
        .map(([sheet, count]) => t('pane.empty.removed', { sheet, count }))
        .join(', ');
    this.ctx.result(() => [
      message(
        'warning',
        !latest
          ? t('pane.empty.nothing', { council: this.ctx.councilName(council), month: monthName(period) })
          : rows === 1
            ? t('pane.empty.confirmOne', { count: rows, removed: removed() })
            : t('pane.empty.confirmMany', { count: rows, removed: removed() }),
      ),
      h(
        'div',
        { class: 'inline-actions' },
        button('confirm-empty', t('pane.empty.confirm'), () => this.submit(true), 'primary'),
        button('cancel-empty', t('pane.cancel'), () =>
          this.ctx.result(() => [message('info', t('pane.empty.cancelled'))]),
        ),
      ),
    ]);
    this.ctx.output.querySelector<HTMLElement>('#confirm-empty')?.focus();
  }

  confirmLoad(): void {
    this.ctx.startAction('pane.load');
    const { period } = this.ctx.target();
    const council = this.ctx.session().choices.council;
    this.ctx.result(() => [
      message(
        'warning',
        t('pane.load.confirm', { council: this.ctx.councilName(council), month: monthName(period) }),
      ),
      h(
        'div',
        { class: 'inline-actions' },
        button('confirm-load', t('pane.load.replace'), () => this.load(), 'primary'),
        button('cancel-load', t('pane.cancel'), () =>
          this.ctx.result(() => [message('info', t('pane.load.cancelled'))]),
        ),
      ),
    ]);
    this.ctx.output.querySelector<HTMLElement>('#confirm-load')?.focus();
  }

  private load(): Promise<void> {
    return this.ctx.run('pane.load', t('pane.load.progress'), async () => {
      const s = this.ctx.session();
      const { council, period } = this.ctx.target();
      const [latest] = await s.api.submissions(council, period);
      if (!latest) {
        this.ctx.result(() => [
          message(
            'info',
            t('pane.load.none', { council: this.ctx.councilName(council), month: monthName(period) }),
          ),
        ]);
        return;
      }
      const detail = await s.api.submission(council, latest.id);
      await excel.loadSubmission(detail.data, { council, period, lists: this.lists() });
      s.choices = {
        ...s.choices,
        versions: { ...s.choices.versions, [excel.versionKey(council, period)]: detail.version },
      };
      await excel.saveChoices(s.choices);
      this.ctx.result(() => [
        message(
          'success',
          t('pane.load.done', {
            version: detail.version,
            when: new Date(detail.submittedAt).toLocaleString('en-GB'),
            person: detail.submittedBy,
          }),
        ),
      ]);
    });
  }
}
