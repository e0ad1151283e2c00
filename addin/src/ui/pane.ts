// The task pane: connect, then the month's work for the council (set up, check, submit, load), the
// year's cost-share agreement and, for the CDO, the partnership's status and consolidated view. Every failure shows a plain message and
// leaves the user's sheets as they were. The pane owns the session and the output area; each workflow
// lives in its own module and reaches the pane through `PaneContext` (context.ts).
import { agreementWords } from '../../../shared/glossary.js';
import type { Locale, PlainKey } from '../../../shared/i18n/index.js';
import type { Role } from '../../../shared/vocabulary.js';
import { ServiceError } from '../api/client.js';
import type { CellTarget, CheckResult, HostInfo, WorkbookChoices } from '../excel/index.js';
import * as excel from '../excel/index.js';
import { AgreementView } from './agreement.js';
import { Connect } from './connect.js';
import type { Content, PaneContext, Session } from './context.js';
import { CouncilActions } from './council-actions.js';
import { h, replaceChildren } from './dom.js';
import { button, failureMessage, message, select, spinner } from './feedback.js';
import { PartnershipActions } from './partnership-actions.js';
import { periodChoices } from './periods.js';
import { problemList } from './results.js';
import { languageTag, monthName, paneLanguage, speak, t } from '../words.js';

/** Each role as the pane names it beside the person's name. */
const ROLE_WORDS = {
  admin: 'pane.role.admin',
  cdo: 'pane.role.cdo',
  council: 'pane.role.council',
  viewer: 'pane.role.viewer',
} as const satisfies Record<Role, PlainKey>;

/** Shown when Microsoft's office.js did not load: the pane cannot reach Excel without it. */
export function officeUnreachableView(): HTMLElement {
  return h(
    'div',
    { class: 'outside' },
    h('h2', {}, t('pane.unreachable.title')),
    h('p', {}, t('pane.unreachable.body')),
    h(
      'fluent-button',
      { id: 'reload', appearance: 'primary', onclick: () => window.location.reload() },
      t('pane.tryAgain'),
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
  /** Draws the view shown again, in the pane's language then; none while a passing state is shown. */
  private redraw?: () => void;

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
      this.view(() =>
        this.show(
          h(
            'div',
            { class: 'outside' },
            h('h2', {}, t('pane.outside.title')),
            h('p', {}, t('pane.outside.body')),
          ),
        ),
      );
      return;
    }
    if (!this.host.supported) {
      this.view(() => this.show(message('error', t('pane.tooOld'))));
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
    this.output = h('div', { class: 'output' });
    this.view(() => this.drawMain());
    this.root.querySelector<HTMLElement>('h2.who-name')?.focus();
    this.announce(t('pane.connectedAs', { name: this.session().me.label }));
  }

  /** The main view around the output area, which keeps what it shows. */
  private drawMain(): void {
    const s = this.session();
    const isCouncilWork = s.me.role !== 'viewer';
    const seesPartnership = s.me.role !== 'council';
    const councilPicker =
      s.me.role === 'council'
        ? h(
            'div',
            { class: 'picker' },
            h('span', { class: 'label' }, t('pane.council')),
            h('p', { class: 'council-name' }, this.councilName(s.choices.council)),
          )
        : select(
            'council',
            t('pane.council'),
            s.partnership.councils.map((c) => ({ value: c.id, label: c.name })),
            s.choices.council ?? '',
          );
    const periodPicker = select(
      'period',
      t('pane.period'),
      periodChoices(new Date(), s.choices.period),
      s.choices.period ?? '',
    );
    const heading = h(
      'h2',
      { class: 'who-name', tabindex: '-1' },
      s.me.label,
      h(
        'span',
        { class: 'muted' },
        ` · ${t(ROLE_WORDS[s.me.role])}${s.me.council ? ` · ${this.councilName(s.me.council)}` : ''}${s.me.via === 'entra' ? ' · Microsoft 365' : ''}`,
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
          t('pane.signOut'),
        ),
      ),
      // Choosing in a list changes nothing by itself (WCAG 3.2.2): an arrow key moves through the months
      // without saving each. "Change" saves the choice; so does any action, which works on what is shown.
      h(
        'form',
        {
          class: 'pickers',
          'aria-label': t('pane.choice'),
          onsubmit: (event) => {
            event.preventDefault();
            void this.run('pane.choice', t('pane.choice.saving'), () => this.choose());
          },
        },
        councilPicker,
        periodPicker,
        h(
          'fluent-button',
          { id: 'change-choice', type: 'submit', appearance: 'secondary', size: 'small' },
          t('pane.choice.change'),
        ),
      ),
      isCouncilWork
        ? h(
            'div',
            { class: 'actions', role: 'group', 'aria-label': t('pane.yourReturn') },
            button('setup', t('pane.setUp'), () => this.council.setUp()),
            button('check', t('pane.check'), () => this.council.check()),
            button('submit', t('pane.submit'), () => this.council.submit(), 'primary'),
            button('load', t('pane.load'), () => this.council.confirmLoad()),
          )
        : null,
      h(
        'div',
        { class: 'actions', role: 'group', 'aria-label': t('pane.partnership') },
        button('status', t('pane.statusBoard'), () => this.partnership.statusBoard()),
        seesPartnership
          ? button('consolidated', t('pane.consolidated'), () => this.partnership.consolidated())
          : null,
        button('agreement', agreementWords(paneLanguage()).title, () => this.agreement.show()),
        seesPartnership ? button('download', t('pane.download'), () => this.partnership.download()) : null,
      ),
      this.output,
    );
    if (this.busy) this.disableActions();
  }

  councilName(id?: string): string {
    const s = this.session();
    return s.partnership.councils.find((c) => c.id === id)?.name ?? id ?? t('pane.noCouncil');
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
    this.result(() => {
      const choice = {
        council: this.councilName(s.choices.council),
        month: monthName(s.choices.period ?? ''),
      };
      return [message('info', changed ? t('pane.choice.now', choice) : t('pane.choice.still', choice))];
    });
  }
  target(): { council: string; period: string } {
    const { council, period } = this.session().choices;
    if (!council || !period) throw new ServiceError('invalid', t('pane.choice.first'));
    return { council, period };
  }

  // ---- Plumbing -----------------------------------------------------------------------------------

  /** What the output area shows the outcome of: its heading, which takes focus after each action. */
  private action?: PlainKey;

  startAction(title: PlainKey): void {
    this.action = title;
  }

  /**
   * Runs an action: its buttons off, a spinner, then its outcome under a heading named for it. An
   * action works on the council and period shown in the pickers, taking them up first if changed.
   */
  async run(title: PlainKey, label: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.action = title;
    this.root.setAttribute('aria-busy', 'true');
    this.disableActions();
    this.progress(label);
    try {
      if (title !== 'pane.choice') await this.adoptShownChoice();
      await work();
    } catch (error) {
      const failure = this.failure(error);
      this.result(() => [failure]);
    } finally {
      this.busy = false;
      this.root.removeAttribute('aria-busy');
      for (const b of this.root.querySelectorAll<HTMLElement>('.actions fluent-button'))
        b.removeAttribute('disabled');
    }
  }

  private disableActions(): void {
    for (const b of this.root.querySelectorAll<HTMLElement>('.actions fluent-button'))
      b.setAttribute('disabled', '');
  }

  failure(error: unknown): HTMLElement {
    return failureMessage(error, this.current ? () => this.signOut() : undefined);
  }

  problems(list: CheckResult['problems']): HTMLElement {
    return problemList(list, (target: CellTarget) => this.goToCell(target));
  }

  goToCell(target: CellTarget): void {
    void excel.goTo(target).catch((error: unknown) => {
      const failure = this.failure(error);
      this.result(() => [failure]);
    });
  }

  progress(label: string): void {
    replaceChildren(this.output, spinner(label));
    this.announce(label);
  }

  /** Shows an action's outcome, announces it and moves focus to it, so no one loses their place. */
  result(draw: () => Content[]): void {
    const action = this.action;
    this.notify(this.output, () => [
      action ? h('h2', { class: 'result-heading', tabindex: '-1' }, t(action)) : null,
      ...draw(),
    ]);
  }

  /** What each area shows, as drawn, and how to draw it again in another language. */
  private readonly drawn = new Map<HTMLElement, { draw: () => Content[]; nodes: Node[] }>();

  notify(area: HTMLElement, draw: () => Content[]): void {
    const content = this.draw(area, draw);
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

  /** Draws `draw`'s content into `area`, and keeps how, for a change of language. */
  private draw(area: HTMLElement, draw: () => Content[]): Content[] {
    for (const gone of [...this.drawn.keys()].filter((a) => !a.isConnected)) this.drawn.delete(gone);
    const content = draw();
    replaceChildren(area, ...content);
    this.drawn.set(area, { draw, nodes: [...area.childNodes] });
    return content;
  }

  show(...content: (HTMLElement | null)[]): void {
    this.redraw = undefined;
    replaceChildren(this.root, ...content);
  }

  view(draw: () => void): void {
    draw();
    this.redraw = draw;
  }

  /**
   * Speaks `locale` from now on, in place (DESIGN §12): the view shown and the outcomes in it are
   * drawn again in it, keeping the session and what the person entered or chose in its fields. What
   * cannot be said again (the service's and Excel's own words, a passing state such as a spinner)
   * stays as it was said until the next action replaces it, marked with its language so that a
   * screen reader reads it in that language.
   */
  speak(locale: Locale): void {
    const said = languageTag(paneLanguage());
    const entered = [
      ...this.root.querySelectorAll<HTMLInputElement>('select[id], textarea[id], fluent-text-input[id]'),
    ].map((field) => [field.id, field.value] as const);
    const before = new Set<Element>(this.root.querySelectorAll('*'));
    speak(locale);
    if (this.redraw) this.redraw();
    for (const [area, shown] of [...this.drawn]) {
      // An outcome inside another (a refusal beside a field of a view shown as an outcome) is in an area
      // that drawing the outer one again has replaced: an area with an id is drawn again in its successor.
      const successor =
        !area.isConnected && area.id ? this.root.querySelector<HTMLElement>(`#${CSS.escape(area.id)}`) : null;
      if (successor && successor.childNodes.length === 0) {
        this.drawn.delete(area);
        this.draw(successor, shown.draw);
        continue;
      }
      const unchanged =
        area.isConnected &&
        area.childNodes.length === shown.nodes.length &&
        shown.nodes.every((node, i) => area.childNodes[i] === node);
      if (unchanged) this.draw(area, shown.draw);
      else this.drawn.delete(area);
    }
    // Whatever was kept rather than drawn again is in the language it was said in: each piece of it
    // is marked where it sits in a place the view kept (the output area, the form's status).
    const kept = (e: Element | null): e is HTMLElement => e !== null && before.has(e);
    for (const element of this.root.querySelectorAll<HTMLElement>('*'))
      if (kept(element) && kept(element.parentElement) && !kept(element.parentElement.parentElement))
        element.lang ||= said;
    for (const [id, value] of entered) {
      const field = this.root.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`);
      if (field && field.value !== value) field.value = value;
    }
  }

  session(): Session {
    if (!this.current) throw new ServiceError('unauthorised', t('pane.connectFirst'));
    return this.current;
  }
}
