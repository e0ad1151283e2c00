// The task pane: connect, then the month's work for the council (set up, check, submit, load) and,
// for the CDO, the partnership's status and consolidated view. Every failure shows a plain message and
// leaves the user's sheets as they were.
import type { Me } from '../../../shared/api.js';
import { asPeriod, financialYearOf, periodLabel } from '../../../shared/dates.js';
import { COUNCIL_LAYOUTS, dropDownLists } from '../../../shared/sheets/index.js';
import type { CouncilSubmission, Partnership } from '../../../shared/schemas.js';
import { ApiClient, idempotencyKeyFor, ServiceError } from '../api/client.js';
import { MicrosoftSignIn, signInFailure } from '../api/microsoft.js';
import type { Connection } from '../api/token-store.js';
import { forgetConnection, loadConnection, saveConnection } from '../api/token-store.js';
import type { CellTarget, CheckResult, DropDownLists, HostInfo, WorkbookChoices } from '../excel/index.js';
import * as excel from '../excel/index.js';
import { h, replaceChildren } from './dom.js';
import { defaultPeriod, periodChoices } from './periods.js';
import { compareSubmissions, comparisonView } from './compare.js';
import { changesView, problemList, receiptView, statusBoardView } from './results.js';

type Intent = 'info' | 'success' | 'warning' | 'error';

interface Session {
  api: ApiClient;
  /** Set when signed in with Microsoft 365 rather than an access token. */
  microsoft?: MicrosoftSignIn;
  me: Me;
  partnership: Partnership;
  choices: WorkbookChoices;
}

/** Shown when Microsoft's office.js did not load: the pane cannot reach Excel without it. */
export function officeUnreachableView(): HTMLElement {
  return h(
    'div',
    { class: 'outside' },
    h('h2', {}, 'Shared CDO cannot reach Excel'),
    h(
      'p',
      {},
      'The pane could not load Office’s script from appsforoffice.microsoft.com, so it cannot work with the workbook. Check your network connection; if your organisation filters web traffic, ask IT to allow appsforoffice.microsoft.com. Then try again.',
    ),
    h(
      'fluent-button',
      { id: 'reload', appearance: 'primary', onclick: () => window.location.reload() },
      'Try again',
    ),
  );
}

export class Pane {
  private session?: Session;
  private busy = false;
  /** Microsoft 365 sign-in, when the service has it on. */
  private microsoft?: MicrosoftSignIn;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostInfo,
    /** The browser's storage, or the pane's memory when the browser refuses storage to add-ins. */
    private readonly store: { storage: Storage; persistent: boolean },
    private readonly origin: string,
    /** A live region outside `root`, which the pane replaces wholesale. */
    private readonly announcer: HTMLElement,
  ) {}

  async start(): Promise<void> {
    if (!this.host.inExcel) {
      this.show(
        h(
          'div',
          { class: 'outside' },
          h('h2', {}, 'Open Shared CDO in Excel'),
          h(
            'p',
            {},
            'This task pane works inside Excel (desktop or on the web). Add it from the Home tab, or sideload manifest.xml.',
          ),
        ),
      );
      return;
    }
    if (!this.host.supported) {
      this.show(
        this.message(
          'error',
          'This version of Excel is too old for Shared CDO (it needs Excel API 1.8). Update Office and open the pane again.',
        ),
      );
      return;
    }
    const saved = loadConnection(this.store.storage, this.host.partitionKey);
    if (saved) {
      await this.connect(saved, true);
      return;
    }
    this.show(this.spinner('Connecting…'));
    this.microsoft = await this.microsoftSignIn();
    const token = await this.microsoft?.silently();
    if (this.microsoft && token) await this.connectMicrosoft(this.microsoft, true);
    else this.showConnect(this.store.persistent ? undefined : this.storageBlocked());
  }

  /** MSAL, if the service the pane came from has Microsoft 365 sign-in on (GET /config says). */
  private async microsoftSignIn(): Promise<MicrosoftSignIn | undefined> {
    try {
      const config = await new ApiClient(this.origin, '').config();
      if (!config.microsoftSignIn || !config.clientId || !config.authority || !config.scope) return undefined;
      const { clientId, authority, scope } = config;
      // Undefined where the host can sign in by no route: the button is not offered.
      return await MicrosoftSignIn.create(
        { clientId, authority, scope },
        `${this.origin}/addin/taskpane.html`,
      );
    } catch {
      // No configuration (an older service, or offline): the token form still works.
      return undefined;
    }
  }

  private storageBlocked(): HTMLElement {
    return this.message(
      'warning',
      `This browser does not let the add-in keep anything on this computer (storage for add-ins is blocked, often by a setting that blocks third-party cookies). You can still connect, but you will need to paste your token each time you open the pane. To be remembered, allow cookies and site data for ${this.origin} in your browser's settings.`,
    );
  }

  // ---- Connect ------------------------------------------------------------------------------------

  private showConnect(notice?: HTMLElement): void {
    const saved = loadConnection(this.store.storage, this.host.partitionKey);
    // Fluent's text input labels its inner <input> from the text inside the element; an outside
    // <label for> does not reach into its shadow root.
    const url = h(
      'fluent-text-input',
      { id: 'service-url', type: 'url', value: saved?.serviceUrl ?? this.origin },
      'Service address',
    );
    const token = h(
      'fluent-text-input',
      { id: 'token', type: 'password', autocomplete: 'off' },
      'Access token',
    );
    const microsoft = this.microsoft;
    const signIn = microsoft
      ? h(
          'div',
          { class: 'microsoft' },
          h('h2', { tabindex: '-1' }, 'Connect to your partnership'),
          h(
            'fluent-button',
            {
              id: 'microsoft-sign-in',
              appearance: 'primary',
              type: 'button',
              onclick: () => void this.signInInteractively(microsoft, status),
            },
            'Sign in with Microsoft 365',
          ),
          h('p', { class: 'muted' }, 'Or connect with an access token from your partnership administrator:'),
        )
      : null;
    const form = h(
      'form',
      {
        class: 'connect',
        onsubmit: (event) => {
          event.preventDefault();
          const serviceUrl = String((url as HTMLInputElement).value ?? '').trim() || this.origin;
          const tokenText = String((token as HTMLInputElement).value ?? '').trim();
          if (!tokenText) {
            this.notify(
              status,
              this.message('warning', 'Paste the access token your partnership administrator gave you.'),
            );
            token.focus();
            return;
          }
          void this.connect({ serviceUrl, token: tokenText }, false, status);
        },
      },
      microsoft ? null : h('h2', { tabindex: '-1' }, 'Connect to your partnership'),
      h('p', { class: 'muted' }, 'Your token is kept for you on this computer only, never in the workbook.'),
      url,
      token,
      h('fluent-button', { type: 'submit', appearance: 'primary', id: 'connect' }, 'Connect'),
    );
    const status = h('div', { class: 'connect-status' });
    this.show(signIn, form, status);
    if (notice) this.notify(status, notice);
    else this.announce('Connect to your partnership.');
  }

  private async signInInteractively(microsoft: MicrosoftSignIn, status: HTMLElement): Promise<void> {
    try {
      await microsoft.interactively();
    } catch (error) {
      // Cancelled, needing the user, needing an administrator's consent, or failed: each its own words.
      const failure = signInFailure(error);
      this.notify(status, this.message(failure.reason === 'cancelled' ? 'info' : 'warning', failure.message));
      return;
    }
    await this.connectMicrosoft(microsoft, false, status);
  }

  /** Signed in with Microsoft 365: every request gets a current token from MSAL; nothing is saved here. */
  private connectMicrosoft(microsoft: MicrosoftSignIn, silent: boolean, status?: HTMLElement): Promise<void> {
    const token = async (): Promise<string> => {
      const current = await microsoft.silently();
      if (!current)
        throw new ServiceError('unauthorised', 'Your Microsoft 365 sign-in has ended. Sign in again.');
      return current;
    };
    return this.open(new ApiClient(this.origin, token), silent, status, microsoft);
  }

  private connect(connection: Connection, silent: boolean, status?: HTMLElement): Promise<void> {
    return this.open(new ApiClient(connection.serviceUrl, connection.token), silent, status, undefined, () =>
      saveConnection(this.store.storage, this.host.partitionKey, connection),
    );
  }

  private async open(
    api: ApiClient,
    silent: boolean,
    status: HTMLElement | undefined,
    microsoft: MicrosoftSignIn | undefined,
    remember?: () => void,
  ): Promise<void> {
    if (status) replaceChildren(status, this.spinner('Connecting…'));
    else this.show(this.spinner('Connecting…'));
    this.announce('Connecting…');
    try {
      const [me, partnership, choices] = await Promise.all([
        api.me(),
        api.partnership(),
        excel.readChoices(),
      ]);
      remember?.();
      const council = me.role === 'council' ? me.council : (choices.council ?? partnership.councils[0]?.id);
      this.session = {
        api,
        ...(microsoft ? { microsoft } : {}),
        me,
        partnership,
        choices: {
          ...choices,
          ...(council ? { council } : {}),
          period: choices.period ?? defaultPeriod(new Date()),
        },
      };
      this.showMain();
    } catch (error) {
      const notice = this.failure(error);
      if (silent) this.showConnect(notice);
      else if (status) this.notify(status, notice);
    }
  }

  private async signOut(): Promise<void> {
    const microsoft = this.session?.microsoft;
    forgetConnection(this.store.storage, this.host.partitionKey);
    this.session = undefined;
    if (microsoft) await microsoft.signOut();
    this.showConnect(
      this.message(
        'info',
        microsoft
          ? 'Signed out. This pane no longer holds your Microsoft 365 sign-in.'
          : 'Signed out. Your token was removed from this computer.',
      ),
    );
  }

  // ---- Main view ----------------------------------------------------------------------------------

  private output = h('div', { class: 'output' });

  private showMain(): void {
    const s = this.requireSession();
    const isCouncilWork = s.me.role !== 'viewer';
    const seesPartnership = s.me.role !== 'council';
    const councilPicker =
      s.me.role === 'council'
        ? h(
            'div',
            { class: 'picker' },
            h('span', { class: 'label' }, 'Council'),
            h('p', { class: 'council-name' }, this.councilName(s.choices.council)),
          )
        : this.select(
            'council',
            'Council',
            s.partnership.councils.map((c) => ({ value: c.id, label: c.name })),
            s.choices.council ?? '',
          );
    const periodPicker = this.select(
      'period',
      'Period',
      periodChoices(new Date(), s.choices.period),
      s.choices.period ?? '',
    );
    this.output = h('div', { class: 'output' });
    const heading = h(
      'h2',
      { class: 'who-name', tabindex: '-1' },
      s.me.label,
      h(
        'span',
        { class: 'muted' },
        ` · ${s.me.role}${s.me.council ? ` · ${this.councilName(s.me.council)}` : ''}${s.me.via === 'entra' ? ' · Microsoft 365' : ''}`,
      ),
    );
    this.show(
      h(
        'header',
        { class: 'who' },
        heading,
        h(
          'fluent-button',
          { id: 'sign-out', appearance: 'subtle', size: 'small', onclick: () => void this.signOut() },
          'Sign out',
        ),
      ),
      // Choosing in a list changes nothing by itself (WCAG 3.2.2): an arrow key moves through the months
      // without saving each. "Change" saves the choice; so does any action, which works on what is shown.
      h(
        'form',
        {
          class: 'pickers',
          'aria-label': 'Council and period',
          onsubmit: (event) => {
            event.preventDefault();
            void this.run('Council and period', 'Saving your choice…', () => this.choose());
          },
        },
        councilPicker,
        periodPicker,
        h(
          'fluent-button',
          { id: 'change-choice', type: 'submit', appearance: 'secondary', size: 'small' },
          'Change',
        ),
      ),
      isCouncilWork
        ? h(
            'div',
            { class: 'actions', role: 'group', 'aria-label': 'Your return' },
            this.button('setup', 'Set up sheets', () => this.setUp()),
            this.button('check', 'Check', () => this.check()),
            this.button('submit', 'Submit', () => this.submit(), 'primary'),
            this.button('load', 'Load last submission', () => this.confirmLoad()),
          )
        : null,
      h(
        'div',
        { class: 'actions', role: 'group', 'aria-label': 'Partnership' },
        this.button('status', 'Status board', () => this.statusBoard()),
        seesPartnership ? this.button('consolidated', 'Consolidated view', () => this.consolidated()) : null,
        seesPartnership
          ? this.button('download', 'Download consolidated workbook', () => this.download())
          : null,
      ),
      this.output,
    );
    heading.focus();
    this.announce(`Connected as ${s.me.label}.`);
  }

  private councilName(id?: string): string {
    const s = this.requireSession();
    return s.partnership.councils.find((c) => c.id === id)?.name ?? id ?? 'No council';
  }

  /** The council and period shown in the pickers, when they differ from the ones in use. */
  private shownChoice(): Partial<WorkbookChoices> | undefined {
    const s = this.requireSession();
    const shown = (id: string) => this.root.querySelector<HTMLSelectElement>(`select#${id}`)?.value;
    const council = shown('council') ?? s.choices.council;
    const period = shown('period') ?? s.choices.period;
    if (council === s.choices.council && period === s.choices.period) return undefined;
    return { ...(council ? { council } : {}), ...(period ? { period } : {}) };
  }

  /** Takes up the council and period shown (if changed) and keeps them in the workbook. */
  private async adoptShownChoice(): Promise<boolean> {
    const change = this.shownChoice();
    if (!change) return false;
    const s = this.requireSession();
    s.choices = { ...s.choices, ...change };
    await excel.saveChoices(s.choices);
    return true;
  }

  private async choose(): Promise<void> {
    const s = this.requireSession();
    const changed = await this.adoptShownChoice();
    this.result(
      this.message(
        'info',
        changed
          ? `Now working on ${this.councilName(s.choices.council)}, ${periodLabel(s.choices.period ?? '')}. Set up sheets updates the About sheet to match.`
          : `Still working on ${this.councilName(s.choices.council)}, ${periodLabel(s.choices.period ?? '')}: choose another council or period first.`,
      ),
    );
  }

  // ---- Actions ------------------------------------------------------------------------------------

  private lists(): DropDownLists {
    const s = this.requireSession();
    const fy = s.choices.period ? financialYearOf(s.choices.period) : undefined;
    return dropDownLists(COUNCIL_LAYOUTS, s.partnership, fy);
  }

  private target(): { council: string; period: string } {
    const { council, period } = this.requireSession().choices;
    if (!council || !period) throw new ServiceError('invalid', 'Choose the council and period first.');
    return { council, period };
  }

  private setUp(): Promise<void> {
    return this.run('Set up sheets', 'Setting up the sheets…', async () => {
      const { council, period } = this.target();
      const report = await excel.setUpSheets({ council, period, lists: this.lists() });
      await excel.saveChoices(this.requireSession().choices);
      const lines = [
        report.created.length ? `Created ${report.created.join(', ')}.` : '',
        ...report.repaired.map((r) =>
          r.addedColumns.length
            ? `${r.sheet}: added the missing column${r.addedColumns.length === 1 ? '' : 's'} ${r.addedColumns.join(', ')}.`
            : `${r.sheet} was already set up; drop-down lists refreshed.`,
        ),
      ].filter(Boolean);
      const leftAlone = report.skipped.map((s) => `“${s.sheet}”`);
      this.result(
        this.message(
          report.skipped.length ? 'warning' : 'success',
          leftAlone.length
            ? `Sheets set up for ${periodLabel(period)}, except ${leftAlone.join(' and ')}, which ${leftAlone.length === 1 ? 'was' : 'were'} left alone.`
            : `Sheets ready for ${periodLabel(period)}.`,
        ),
        ...report.skipped.map((s) => this.message('warning', s.reason)),
        h('ul', { class: 'plain' }, ...lines.map((l) => h('li', {}, l))),
      );
    });
  }

  private async runCheck(): Promise<CheckResult> {
    const s = this.requireSession();
    const { council, period } = this.target();
    return excel.check({ partnership: s.partnership, council, period });
  }

  private checkSummary(result: CheckResult): HTMLElement {
    const errors = result.problems.filter((p) => p.problem.severity === 'error').length;
    const warnings = result.problems.filter((p) => p.problem.severity === 'warning').length;
    if (errors === 0) {
      return this.message(
        'success',
        warnings
          ? `No errors. ${warnings} warning${warnings === 1 ? '' : 's'} to look at; you can still submit.`
          : 'No errors or warnings: ready to submit.',
      );
    }
    return this.message(
      'error',
      `${errors} error${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}. The cells are marked in red; select a line to go to its cell.`,
    );
  }

  private check(): Promise<void> {
    return this.run('Check', 'Checking…', async () => {
      const result = await this.runCheck();
      this.result(this.checkSummary(result), this.problems(result.problems));
    });
  }

  private submit(confirmEmpty = false): Promise<void> {
    return this.run('Submit', 'Checking before submitting…', async () => {
      const s = this.requireSession();
      const { council, period } = this.target();
      const result = await this.runCheck();
      if (!result.parsed.ok) {
        this.result(
          this.message('error', 'Nothing was submitted: fix the errors first.'),
          this.problems(result.problems),
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
      this.progress('Submitting…');
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
        this.result(
          this.message(
            'success',
            `Submitted: version ${receipt.version} of ${this.councilName(council)}'s ${periodLabel(period)} return.`,
          ),
          receiptView(receipt, this.councilName(council)),
          receipt.warnings.length ? this.problems(excel.locateAll(receipt.warnings, result.snapshot)) : null,
        );
      } catch (error) {
        if (error instanceof ServiceError && error.kind === 'conflict' && error.code === 'version-conflict') {
          // Who submitted it and when, from the service's list (newest first).
          const [latest] = await s.api.submissions(council, period).catch(() => []);
          const who = latest
            ? `${latest.submittedBy} submitted version ${latest.version} of this return on ${when(latest.submittedAt)}`
            : 'Someone else submitted a newer version of this return';
          this.result(
            this.message(
              'warning',
              `${who}, after this workbook last loaded or submitted it, so yours was not submitted. Check yours against theirs to see what differs, or load theirs (it replaces your rows).`,
            ),
            h(
              'div',
              { class: 'inline-actions' },
              this.button(
                'compare-theirs',
                'Check mine against theirs',
                () => this.compareWithTheirs(submission),
                'primary',
              ),
              this.button('load-theirs', 'Load theirs', () => this.confirmLoad()),
            ),
          );
          return;
        }
        if (error instanceof ServiceError && error.kind === 'invalid' && error.problems.length) {
          this.result(
            this.message('error', error.message),
            this.problems(excel.locateAll(error.problems, result.snapshot)),
          );
          return;
        }
        throw error;
      }
    });
  }

  /** The user's rows (as Check read them) against the newest version on the service. */
  private compareWithTheirs(mine: CouncilSubmission): Promise<void> {
    return this.run('Check mine against theirs', 'Comparing your rows with the latest version…', async () => {
      const s = this.requireSession();
      const { council, period } = this.target();
      const [latest] = await s.api.submissions(council, period);
      if (!latest) {
        this.result(this.message('info', 'There is no submitted version to compare with.'));
        return;
      }
      const theirs = await s.api.submission(council, latest.id);
      this.result(
        this.message(
          'info',
          `Version ${theirs.version}, submitted by ${theirs.submittedBy} on ${when(theirs.submittedAt)}, against the rows in this workbook. To keep theirs, load it; to send yours, load theirs, make your changes again and submit.`,
        ),
        comparisonView(compareSubmissions(mine, theirs.data), theirs.version),
        h(
          'div',
          { class: 'inline-actions' },
          this.button('load-theirs', 'Load theirs', () => this.confirmLoad()),
        ),
      );
    });
  }

  /** An empty return removes every row of the last version: say how many, per sheet, before it is sent. */
  private async confirmEmpty(council: string, period: string): Promise<void> {
    const api = this.requireSession().api;
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
    this.result(
      this.message(
        'warning',
        latest
          ? `Submit an empty return? It removes all ${rows} row${rows === 1 ? '' : 's'} of your last version (${removed}).`
          : `Submit an empty return? ${this.councilName(council)} has no return for ${periodLabel(period)} yet, so it removes nothing.`,
      ),
      h(
        'div',
        { class: 'inline-actions' },
        this.button('confirm-empty', 'Submit the empty return', () => this.submit(true), 'primary'),
        this.button('cancel-empty', 'Cancel', () =>
          this.result(this.message('info', 'Nothing was submitted.')),
        ),
      ),
    );
    this.output.querySelector<HTMLElement>('#confirm-empty')?.focus();
  }

  private confirmLoad(): void {
    this.action = 'Load last submission';
    const { period } = this.target();
    const council = this.councilName(this.requireSession().choices.council);
    this.result(
      this.message(
        'warning',
        `Load ${council}'s last submitted return for ${periodLabel(period)}? It replaces the rows in Contributions, Skills and Projects, and clears any filter on those tables so that every row is replaced. Columns you added are kept.`,
      ),
      h(
        'div',
        { class: 'inline-actions' },
        this.button('confirm-load', 'Replace my rows', () => this.load(), 'primary'),
        this.button('cancel-load', 'Cancel', () => this.result(this.message('info', 'Nothing was changed.'))),
      ),
    );
    this.output.querySelector<HTMLElement>('#confirm-load')?.focus();
  }

  private load(): Promise<void> {
    return this.run('Load last submission', 'Loading the last submission…', async () => {
      const s = this.requireSession();
      const { council, period } = this.target();
      const [latest] = await s.api.submissions(council, period);
      if (!latest) {
        this.result(
          this.message(
            'info',
            `${this.councilName(council)} has not submitted a return for ${periodLabel(period)} yet.`,
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
      this.result(
        this.message(
          'success',
          `Loaded version ${detail.version}, submitted ${new Date(detail.submittedAt).toLocaleString('en-GB')} by ${detail.submittedBy}. Any filters on Contributions, Skills and Projects were cleared so that every row was replaced.`,
        ),
      );
    });
  }

  private statusBoard(): Promise<void> {
    return this.run('Status board', 'Fetching the status board…', async () => {
      const board = await this.requireSession().api.status(this.target().period);
      this.result(statusBoardView(board));
    });
  }

  private consolidated(): Promise<void> {
    return this.run('Consolidated view', 'Writing the consolidated view…', async () => {
      const view = await this.requireSession().api.consolidated(this.target().period);
      const written = await excel.showConsolidated(view);
      const charts = written.charts.length;
      this.result(
        this.message(
          written.notices.length ? 'warning' : 'success',
          `Consolidated view for ${periodLabel(view.period)} written: ${written.summary}, ${written.changes} and one sheet per table, with ${charts} chart${charts === 1 ? '' : 's'} on ${written.dashboard} drawn from those tables.`,
        ),
        ...written.notices.map((n) => this.message('info', n)),
        changesView(view, written.changes, (target) => this.goToCell(target)),
      );
    });
  }

  private download(): Promise<void> {
    return this.host.savesDownloads ? this.downloadHere() : this.downloadInBrowser();
  }

  /** Where the web view saves files (Windows, the web): the file comes through the pane. */
  private downloadHere(): Promise<void> {
    return this.run('Download consolidated workbook', 'Preparing the consolidated workbook…', async () => {
      const { period } = this.target();
      const blob = await this.requireSession().api.consolidatedWorkbook(period);
      const name = `shared-cdo-consolidated-${period}.xlsx`;
      const link = h('a', { href: URL.createObjectURL(blob), download: name }, `Save ${name} again`);
      link.click();
      // The pane cannot see the save itself: it says what it handed over and how to do it again.
      this.result(
        this.message(
          'success',
          `The consolidated workbook for ${periodLabel(period)} was handed to your browser to save as ${name}. If no file appears, use the link below.`,
        ),
        h('p', {}, link),
      );
    });
  }

  /**
   * Where the web view ignores downloads (Excel for Mac, iPad): a single-use link opened in the system
   * browser, which saves the file.
   */
  private downloadInBrowser(): Promise<void> {
    return this.run('Download consolidated workbook', 'Preparing a download link…', async () => {
      const { period } = this.target();
      const link = await this.requireSession().api.downloadLink({ kind: 'consolidated', period });
      // The service's expiry, shown as a time of day: this computer's clock may be wrong, and a
      // difference from it could say "about -12 minutes".
      const until = new Date(link.expiresAt).toLocaleTimeString('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      });
      const anchor = h('a', { href: link.href, target: '_blank', rel: 'noopener' }, 'Open the download link');
      try {
        excel.openInBrowser(link.href);
      } catch {
        this.result(
          this.message(
            'warning',
            `Excel did not open your browser. Use the link below to download the consolidated workbook for ${periodLabel(period)}; it works once, until ${until}.`,
          ),
          h('p', {}, anchor),
        );
        return;
      }
      this.result(
        this.message(
          'info',
          `Your browser was asked to open a download link for the consolidated workbook for ${periodLabel(period)}; the browser saves it. The link works once, until ${until}. If your browser did not open, use the link below.`,
        ),
        h('p', {}, anchor),
      );
    });
  }

  // ---- Plumbing -----------------------------------------------------------------------------------

  /** What the output area shows the outcome of: its heading, which takes focus after each action. */
  private action = '';

  /**
   * Runs an action: its buttons off, a spinner, then its outcome under a heading named for it. An
   * action works on the council and period shown in the pickers, taking them up first if changed.
   */
  private async run(title: string, label: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.action = title;
    this.root.setAttribute('aria-busy', 'true');
    for (const b of this.root.querySelectorAll<HTMLElement>('.actions fluent-button'))
      b.setAttribute('disabled', '');
    this.progress(label);
    try {
      if (title !== 'Council and period') await this.adoptShownChoice();
      await work();
    } catch (error) {
      this.result(this.failure(error));
    } finally {
      this.busy = false;
      this.root.removeAttribute('aria-busy');
      for (const b of this.root.querySelectorAll<HTMLElement>('.actions fluent-button'))
        b.removeAttribute('disabled');
    }
  }

  private failure(error: unknown): HTMLElement {
    if (error instanceof ServiceError) {
      const message = this.message(
        error.kind === 'conflict' || error.kind === 'locked' ? 'warning' : 'error',
        error.message,
      );
      if (error.kind === 'unauthorised' && this.session) {
        return h(
          'div',
          {},
          message,
          h(
            'div',
            { class: 'inline-actions' },
            this.button('reconnect', 'Connect again', () => this.signOut()),
          ),
        );
      }
      return message;
    }
    if (error instanceof excel.WorkbookConflict) return this.message('warning', error.message);
    const refusal = excel.excelRefusal(error);
    if (refusal) return this.message('warning', refusal);
    const detail = error instanceof Error ? error.message : String(error);
    return this.message('error', `Excel could not finish this; try again. (${detail})`);
  }

  private problems(list: CheckResult['problems']): HTMLElement {
    return problemList(list, (target: CellTarget) => this.goToCell(target));
  }

  private goToCell(target: CellTarget): void {
    void excel.goTo(target).catch((error: unknown) => this.result(this.failure(error)));
  }

  private progress(label: string): void {
    replaceChildren(this.output, this.spinner(label));
    this.announce(label);
  }

  /** Shows an action's outcome, announces it and moves focus to it, so no one loses their place. */
  private result(...content: (HTMLElement | null)[]): void {
    const heading = this.action ? h('h2', { class: 'result-heading', tabindex: '-1' }, this.action) : null;
    this.notify(this.output, heading, ...content);
  }

  private notify(area: HTMLElement, ...content: (HTMLElement | null)[]): void {
    replaceChildren(area, ...content);
    const first = content.find((c): c is HTMLElement => c !== null && !c.matches('.result-heading'));
    this.announce(first?.textContent ?? '');
    // The outcome's heading, so a keyboard or screen reader user starts at the top of what is new
    // (the first error's link is the next Tab); where there is no heading, the message itself.
    const target =
      area.querySelector<HTMLElement>('.result-heading') ?? area.querySelector<HTMLElement>('.message');
    target?.focus();
  }

  /** Says `text` through the page's live region (screen readers read it once, politely). */
  private announce(text: string): void {
    // Emptied first so that the same words said twice are announced twice.
    this.announcer.textContent = '';
    window.setTimeout(() => (this.announcer.textContent = text.replace(/\s+/g, ' ').trim()), 50);
  }

  private show(...content: (HTMLElement | null)[]): void {
    replaceChildren(this.root, ...content);
  }

  /** A message bar; a warning or an error says so in a word and an icon, not by its colour alone. */
  private message(intent: Intent, text: string): HTMLElement {
    const word = intent === 'warning' ? 'Warning' : intent === 'error' ? 'Error' : undefined;
    return h(
      'fluent-message-bar',
      { intent, layout: 'multiline', class: 'message', 'data-intent': intent, tabindex: '-1' },
      word ? h('span', { class: 'intent-word' }, `${word}: `) : null,
      text,
    );
  }

  private spinner(label: string): HTMLElement {
    return h(
      'div',
      { class: 'busy' },
      h('fluent-spinner', { size: 'tiny', 'aria-hidden': 'true' }),
      h('span', {}, label),
    );
  }

  private button(id: string, label: string, action: () => unknown, appearance?: 'primary'): HTMLElement {
    return h('fluent-button', { id, appearance, type: 'button', onclick: () => void action() }, label);
  }

  private select(
    id: string,
    label: string,
    options: { value: string; label: string }[],
    selected: string,
  ): HTMLElement {
    const select = h(
      'select',
      { id },
      ...options.map((o) => h('option', { value: o.value, selected: o.value === selected }, o.label)),
    );
    return h('div', { class: 'picker' }, h('label', { for: id }, label), select);
  }

  private requireSession(): Session {
    if (!this.session) throw new ServiceError('unauthorised', 'Connect to the service first.');
    return this.session;
  }
}

/** A moment as a person in the UK reads it: 5 October 2026 at 14:02. */
function when(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return `${day} at ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}
