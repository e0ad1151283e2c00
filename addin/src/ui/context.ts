// What the pane's workflows (connect, council actions, partnership actions) need from the pane: its
// session, its output area and the way it runs an action. The workflows depend on this interface only,
// and the pane that implements it imports them, so no module imports the pane back.
import type { Me } from '../../../shared/api.js';
import type { PlainKey } from '../../../shared/i18n/index.js';
import type { Partnership } from '../../../shared/schemas.js';
import type { ApiClient } from '../api/client.js';
import type { MicrosoftSignIn } from '../api/microsoft.js';
import type { CellTarget, CheckResult, WorkbookChoices } from '../excel/index.js';

export interface Session {
  api: ApiClient;
  /** Set when signed in with Microsoft 365 rather than an access token. */
  microsoft?: MicrosoftSignIn;
  me: Me;
  partnership: Partnership;
  choices: WorkbookChoices;
}

/** What a view or an outcome is drawn of; null for a part left out. */
export type Content = HTMLElement | null;

/** The pane's frame: what is on screen, what is said, and how a failure reads. */
export interface PaneShell {
  /** Replaces everything the pane shows. */
  show(...content: (HTMLElement | null)[]): void;
  /**
   * Shows a view that `draw` draws (with `show`), and draws again when the person changes the pane's
   * language; the fields it draws keep what was entered in them.
   */
  view(draw: () => void): void;
  /**
   * Replaces `area`'s content with an outcome drawn by `draw`, announces it and moves focus to it.
   * `draw` is called again when the person changes the pane's language: what it builds is said again
   * in the new language; what it returns built beforehand (the service's or Excel's own words) is kept
   * as it was said, marked in its language.
   */
  notify(area: HTMLElement, draw: () => Content[]): void;
  /** Says `text` through the page's live region. */
  announce(text: string): void;
  /** A failure as the message a person reads. */
  failure(error: unknown): HTMLElement;
}

/** The pane once connected: the session and the output area where each action shows its outcome. */
export interface PaneContext extends PaneShell {
  /** The session; a plain "connect first" failure when there is none. */
  session(): Session;
  /** The council and period chosen; a plain failure when either is missing. */
  target(): { council: string; period: string };
  councilName(id?: string): string;
  /**
   * Runs an action: its buttons off, a spinner, then its outcome under a heading named `title`; the
   * council and period shown in the pickers are taken up first.
   */
  run(title: PlainKey, label: string, work: () => Promise<void>): Promise<void>;
  /** Names the outcome shown next, for an outcome shown without `run` (a confirmation). */
  startAction(title: PlainKey): void;
  /** Shows the current action's outcome, drawn by `draw` (as `notify` draws), in the output area. */
  result(draw: () => Content[]): void;
  /** A spinner with `label` in the output area. */
  progress(label: string): void;
  /** The output area, to move focus inside an outcome. */
  readonly output: HTMLElement;
  problems(list: CheckResult['problems']): HTMLElement;
  goToCell(target: CellTarget): void;
}
