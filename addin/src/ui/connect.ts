// Connecting the pane to the service: a saved token, Microsoft 365 sign-in (silent, then interactive)
// or a token pasted in the form; and signing out. Once connected it hands the session to the pane.
import { ApiClient, ServiceError } from '../api/client.js';
import { MicrosoftSignIn, signInFailure, signInMessage } from '../api/microsoft.js';
import type { Connection } from '../api/token-store.js';
import { forgetConnection, loadConnection, saveConnection } from '../api/token-store.js';
import type { HostInfo } from '../excel/index.js';
import * as excel from '../excel/index.js';
import type { PaneShell, Session } from './context.js';
import { h, replaceChildren } from './dom.js';
import { message, spinner } from './feedback.js';
import { defaultPeriod } from './periods.js';
import { paneLanguage, t } from '../words.js';

export class Connect {
  /** Microsoft 365 sign-in, when the service has it on. */
  private microsoft?: MicrosoftSignIn;

  constructor(
    private readonly shell: PaneShell,
    private readonly host: HostInfo,
    /** The browser's storage, or the pane's memory when the browser refuses storage to add-ins. */
    private readonly store: { storage: Storage; persistent: boolean },
    private readonly origin: string,
    /** Called once the service has answered who this is: the pane shows its main view. */
    private readonly connected: (session: Session) => void,
  ) {}

  /** A saved token, else a silent Microsoft 365 sign-in, else the form. */
  async begin(): Promise<void> {
    const saved = loadConnection(this.store.storage, this.host.partitionKey);
    if (saved) {
      await this.connect(saved, true);
      return;
    }
    this.shell.show(spinner(t('connect.connecting')));
    this.microsoft = await this.microsoftSignIn();
    const token = await this.microsoft?.silently();
    if (this.microsoft && token) await this.connectMicrosoft(this.microsoft, true);
    else this.showConnect(this.store.persistent ? undefined : () => this.storageBlocked());
  }

  /** Forgets the token (or ends the Microsoft 365 sign-in) of `session` and shows the form. */
  async signOut(session: Session | undefined): Promise<void> {
    const microsoft = session?.microsoft;
    forgetConnection(this.store.storage, this.host.partitionKey);
    if (microsoft) await microsoft.signOut();
    this.showConnect(() =>
      message('info', microsoft ? t('connect.signedOutMicrosoft') : t('connect.signedOut')),
    );
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
    return message('warning', t('connect.storageBlocked', { origin: this.origin }));
  }

  /** The form, with `notice` (drawn as `notify` draws) in its status. */
  private showConnect(notice?: () => HTMLElement): void {
    const status = h('div', { class: 'connect-status' });
    this.shell.view(() => this.drawConnect(status));
    if (notice) this.shell.notify(status, () => [notice()]);
    else this.shell.announce(t('connect.announce'));
  }

  /** The form around `status`, the outcome of the last attempt, which keeps what it shows. */
  private drawConnect(status: HTMLElement): void {
    const saved = loadConnection(this.store.storage, this.host.partitionKey);
    // Fluent's text input labels its inner <input> from the text inside the element; an outside
    // <label for> does not reach into its shadow root.
    const url = h(
      'fluent-text-input',
      { id: 'service-url', type: 'url', value: saved?.serviceUrl ?? this.origin },
      t('connect.serviceAddress'),
    );
    const token = h(
      'fluent-text-input',
      { id: 'token', type: 'password', autocomplete: 'off' },
      t('connect.accessToken'),
    );
    const microsoft = this.microsoft;
    const signIn = microsoft
      ? h(
          'div',
          { class: 'microsoft' },
          h('h2', { tabindex: '-1' }, t('connect.title')),
          h(
            'fluent-button',
            {
              id: 'microsoft-sign-in',
              appearance: 'primary',
              type: 'button',
              onclick: () => void this.signInInteractively(microsoft, status),
            },
            t('connect.microsoft'),
          ),
          h('p', { class: 'muted' }, t('connect.orToken')),
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
            this.shell.notify(status, () => [message('warning', t('connect.pasteToken'))]);
            token.focus();
            return;
          }
          void this.connect({ serviceUrl, token: tokenText }, false, status);
        },
      },
      microsoft ? null : h('h2', { tabindex: '-1' }, t('connect.title')),
      h('p', { class: 'muted' }, t('connect.kept')),
      url,
      token,
      h('fluent-button', { type: 'submit', appearance: 'primary', id: 'connect' }, t('connect.connect')),
    );
    this.shell.show(signIn, form, status);
  }

  private async signInInteractively(microsoft: MicrosoftSignIn, status: HTMLElement): Promise<void> {
    try {
      await microsoft.interactively(paneLanguage());
    } catch (error) {
      // Cancelled, needing the user, needing an administrator's consent, or failed: each its own words.
      const failure = signInFailure(error);
      const said = () =>
        message(
          failure.reason === 'cancelled' ? 'info' : 'warning',
          signInMessage(failure.reason, failure.detail, paneLanguage()),
        );
      // A detail is MSAL's or the dialog's own words, as said then: the whole is kept as it was said.
      const kept = failure.detail ? said() : undefined;
      this.shell.notify(status, () => [kept ?? said()]);
      return;
    }
    await this.connectMicrosoft(microsoft, false, status);
  }

  /** Signed in with Microsoft 365: every request gets a current token from MSAL; nothing is saved here. */
  private connectMicrosoft(microsoft: MicrosoftSignIn, silent: boolean, status?: HTMLElement): Promise<void> {
    const token = async (): Promise<string> => {
      const current = await microsoft.silently();
      if (!current) throw new ServiceError('unauthorised', t('connect.microsoftEnded'));
      return current;
    };
    return this.open(this.client(this.origin, token), silent, status, microsoft);
  }

  /** A client of the service that asks for its messages in the pane's language, whichever it is then. */
  private client(serviceUrl: string, token: string | (() => Promise<string>)): ApiClient {
    return new ApiClient(serviceUrl, token, undefined, paneLanguage);
  }

  private connect(connection: Connection, silent: boolean, status?: HTMLElement): Promise<void> {
    return this.open(this.client(connection.serviceUrl, connection.token), silent, status, undefined, () =>
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
    if (status) replaceChildren(status, spinner(t('connect.connecting')));
    else this.shell.show(spinner(t('connect.connecting')));
    this.shell.announce(t('connect.connecting'));
    try {
      const [me, partnership, choices] = await Promise.all([
        api.me(),
        api.partnership(),
        excel.readChoices(),
      ]);
      remember?.();
      const council = me.role === 'council' ? me.council : (choices.council ?? partnership.councils[0]?.id);
      this.connected({
        api,
        ...(microsoft ? { microsoft } : {}),
        me,
        partnership,
        choices: {
          ...choices,
          ...(council ? { council } : {}),
          period: choices.period ?? defaultPeriod(new Date()),
        },
      });
    } catch (error) {
      // The service's or Excel's own words, as said then.
      const notice = this.shell.failure(error);
      if (silent) this.showConnect(() => notice);
      else if (status) this.shell.notify(status, () => [notice]);
    }
  }
}
