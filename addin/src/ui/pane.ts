// The task pane: connect, then the month's work for the council (set up, check, submit, load), the
// year's cost-share agreement and, for the CDO, the partnership's status and consolidated view. Every failure shows a plain message and
// leaves the user's sheets as they were. The pane owns the session and the output area; each workflow
// lives in its own module and reaches the pane through `PaneContext` (context.ts).
import { periodLabel } from '../../../shared/dates.js';
import { AGREEMENT_WORDS } from '../../../shared/glossary.js';
import { ServiceError } from '../api/client.js';
import type { CellTarget, CheckResult, HostInfo, WorkbookChoices } from '../excel/index.js';
import * as excel from '../excel/index.js';
import { AgreementView } from './agreement.js';
import { Connect } from './connect.js';
import type { PaneContext, Session } from './context.js';
import { CouncilActions } from './council-actions.js';
import { h, replaceChildren } from './dom.js';
import { button, failureMessage, message, select, spinner } from './feedback.js';
import { PartnershipActions } from './partnership-actions.js';
import { periodChoices } from './periods.js';
import { problemList } from './results.js';

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

export class Pane implements PaneContext {
  private current?: Session;
  private busy = false;
  private readonly connection: Connect;
  private readonly council = new CouncilActions(this);
  private readonly partnership: PartnershipActions;
  private readonly agreement = new AgreementView(this);

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostInfo,
    /** The browser's storage, or the pane's memory when the browser refuses storage to add-ins. */
    store: { storage: Storage; persistent: boolean },
    origin: string,
    /** A live region outside `root`, which the pane replaces wholesale. */
    private readonly announcer: HTMLElement,
  ) {
    this.connection = new Connect(this, host, store, origin, (session) => {
      this.current = session;
      this.showMain();
    });
    this.partnership = new PartnershipActions(this, host);
  }

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
        message(
          'error',
          'This version of Excel is too old for Shared CDO (it needs Excel API 1.8). Update Office and open the pane again.',
        ),
      );
      return;
    }
    await this.connection.begin();
  }

  private signOut(): Promise<void> {
    const ended = this.current;
    this.current = undefined;
    return this.connection.signOut(ended);
  }

  // ---- Main view ----------------------------------------------------------------------------------

  output = h('div', { class: 'output' });

  private showMain(): void {
    const s = this.session();
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
        : select(
            'council',
            'Council',
            s.partnership.councils.map((c) => ({ value: c.id, label: c.name })),
            s.choices.council ?? '',
          );
    const periodPicker = select(
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
            button('setup', 'Set up sheets', () => this.council.setUp()),
            button('check', 'Check', () => this.council.check()),
            button('submit', 'Submit', () => this.council.submit(), 'primary'),
            button('load', 'Load last submission', () => this.council.confirmLoad()),
          )
        : null,
      h(
        'div',
        { class: 'actions', role: 'group', 'aria-label': 'Partnership' },
        button('status', 'Status board', () => this.partnership.statusBoard()),
        seesPartnership
          ? button('consolidated', 'Consolidated view', () => this.partnership.consolidated())
          : null,
        button('agreement', AGREEMENT_WORDS.title, () => this.agreement.show()),
        seesPartnership
          ? button('download', 'Download consolidated workbook', () => this.partnership.download())
          : null,
      ),
      this.output,
    );
    heading.focus();
    this.announce(`Connected as ${s.me.label}.`);
  }

  councilName(id?: string): string {
    const s = this.session();
    return s.partnership.councils.find((c) => c.id === id)?.name ?? id ?? 'No council';
  }

  /** The council and period shown in the pickers, when they differ from the ones in use. */
  private shownChoice(): Partial<WorkbookChoices> | undefined {
    const s = this.session();
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
    const s = this.session();
    s.choices = { ...s.choices, ...change };
    await excel.saveChoices(s.choices);
    return true;
  }

  private async choose(): Promise<void> {
    const s = this.session();
    const changed = await this.adoptShownChoice();
    this.result(
      message(
        'info',
        changed
          ? `Now working on ${this.councilName(s.choices.council)}, ${periodLabel(s.choices.period ?? '')}. Set up sheets updates the About sheet to match.`
          : `Still working on ${this.councilName(s.choices.council)}, ${periodLabel(s.choices.period ?? '')}: choose another council or period first.`,
      ),
    );
  }
  target(): { council: string; period: string } {
    const { council, period } = this.session().choices;
    if (!council || !period) throw new ServiceError('invalid', 'Choose the council and period first.');
    return { council, period };
  }

  // ---- Plumbing -----------------------------------------------------------------------------------

  /** What the output area shows the outcome of: its heading, which takes focus after each action. */
  private action = '';

  startAction(title: string): void {
    this.action = title;
  }

  /**
   * Runs an action: its buttons off, a spinner, then its outcome under a heading named for it. An
   * action works on the council and period shown in the pickers, taking them up first if changed.
   */
  async run(title: string, label: string, work: () => Promise<void>): Promise<void> {
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

  failure(error: unknown): HTMLElement {
    return failureMessage(error, this.current ? () => this.signOut() : undefined);
  }

  problems(list: CheckResult['problems']): HTMLElement {
    return problemList(list, (target: CellTarget) => this.goToCell(target));
  }

  goToCell(target: CellTarget): void {
    void excel.goTo(target).catch((error: unknown) => this.result(this.failure(error)));
  }

  progress(label: string): void {
    replaceChildren(this.output, spinner(label));
    this.announce(label);
  }

  /** Shows an action's outcome, announces it and moves focus to it, so no one loses their place. */
  result(...content: (HTMLElement | null)[]): void {
    const heading = this.action ? h('h2', { class: 'result-heading', tabindex: '-1' }, this.action) : null;
    this.notify(this.output, heading, ...content);
  }

  notify(area: HTMLElement, ...content: (HTMLElement | null)[]): void {
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
  announce(text: string): void {
    // Emptied first so that the same words said twice are announced twice.
    this.announcer.textContent = '';
    window.setTimeout(() => (this.announcer.textContent = text.replace(/\s+/g, ' ').trim()), 50);
  }

  show(...content: (HTMLElement | null)[]): void {
    replaceChildren(this.root, ...content);
  }

  session(): Session {
    if (!this.current) throw new ServiceError('unauthorised', 'Connect to the service first.');
    return this.current;
  }
}
