// Microsoft 365 sign-in in the pane (DESIGN §9.1), by the route the host allows ("Enable SSO with
// nested app authentication", "Have a fallback"): nested app authentication where Office has it
// (NestedAppAuth 1.1); else Office's dialog API, whose page (sign-in-dialog.ts) runs MSAL's redirect
// flow and hands the token back; else none, and the pane offers the token form alone. MSAL's own
// pop-up is never used: desktop Office's web views do not open it (MSAL-js #3484, #5670; office-js #2184).
import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { ClientConfig } from '../../../shared/api.js';
import { message, type Locale, type PlainKey } from '../../../shared/i18n/index.js';
import { signInRoute, type SignInRoute } from '../excel/office-dialog.js';
import { openSignInDialog, type DialogToken } from './sign-in-dialog.js';

export type MicrosoftConfig = Required<Pick<ClientConfig, 'clientId' | 'authority' | 'scope'>>;

/** Why an interactive sign-in did not finish, in words the user can act on. */
export class SignInFailed extends Error {
  constructor(
    readonly reason: 'cancelled' | 'interaction-required' | 'consent-required' | 'failed',
    detail = '',
  ) {
    super(signInMessage(reason, detail));
    this.name = 'SignInFailed';
    this.detail = detail;
  }

  /** What MSAL or the dialog said, for a sign-in that failed for no reason the pane knows. */
  readonly detail: string;
}

const SIGN_IN_FAILURES = {
  cancelled: 'signIn.cancelled',
  'interaction-required': 'signIn.interactionRequired',
  'consent-required': 'signIn.consentRequired',
  failed: 'signIn.failed',
} as const satisfies Record<SignInFailed['reason'], PlainKey>;

/** A failed sign-in as a person reads it, in English or in Welsh. */
export const signInMessage = (
  reason: SignInFailed['reason'],
  detail: string,
  locale: Locale = 'en',
): string =>
  message(locale, SIGN_IN_FAILURES[reason]) + (reason === 'failed' && detail ? ` (${detail})` : '');

/**
 * MSAL's answer (or the dialog's) as a SignInFailed: the bridge's "user cancelled" arrives as
 * user_cancelled/user_canceled, its "interaction required" as an InteractionRequiredAuthError whose
 * code is Entra's (consent_required, interaction_required, login_required).
 */
export function signInFailure(error: unknown): SignInFailed {
  if (error instanceof SignInFailed) return error;
  const code = String((error as { errorCode?: unknown } | null)?.errorCode ?? '');
  if (code === 'user_cancelled' || code === 'user_canceled') return new SignInFailed('cancelled');
  if (code === 'consent_required') return new SignInFailed('consent-required');
  // Any other code Entra gives for "the user must act" (interaction_required, login_required…).
  if (error instanceof InteractionRequiredAuthError) return new SignInFailed('interaction-required');
  return new SignInFailed('failed', error instanceof Error ? error.message : '');
}

export class MicrosoftSignIn {
  /** A token the sign-in dialog handed back, kept in memory only, until it expires. */
  private dialogToken?: DialogToken;

  private constructor(
    readonly route: Exclude<SignInRoute, 'none'>,
    private readonly config: MicrosoftConfig,
    private readonly dialogUrl: string,
    private readonly msal?: IPublicClientApplication,
  ) {}

  /**
   * `paneUrl`: the pane's own page; the sign-in dialog is that page with `?sign-in=dialog`, and MSAL's
   * redirect returns to it. Undefined where the host can sign in by neither route.
   */
  static async create(config: MicrosoftConfig, paneUrl: string): Promise<MicrosoftSignIn | undefined> {
    const route = signInRoute();
    if (route === 'none') return undefined;
    const dialogUrl = `${paneUrl}?sign-in=dialog`;
    if (route === 'dialog') return new MicrosoftSignIn(route, config, dialogUrl);
    const msal = await createNestablePublicClientApplication({
      // "organizations": any work account; the service decides whose tenant is registered.
      auth: {
        clientId: config.clientId,
        authority: `${config.authority}/organizations`,
        redirectUri: paneUrl,
      },
    });
    return new MicrosoftSignIn(route, config, dialogUrl, msal);
  }

  private get scopes(): string[] {
    return [this.config.scope];
  }

  /** A token without asking the user (Office already has them, or the dialog's is current), or undefined. */
  async silently(): Promise<string | undefined> {
    if (this.dialogToken) {
      // A minute's margin, so a request does not arrive with a token that just expired.
      if (Date.parse(this.dialogToken.expiresOn) - 60_000 > Date.now()) return this.dialogToken.accessToken;
      this.dialogToken = undefined;
      return undefined;
    }
    if (!this.msal) return undefined;
    const account = this.msal.getActiveAccount() ?? this.msal.getAllAccounts()[0];
    try {
      return this.keep(
        await this.msal.acquireTokenSilent({ scopes: this.scopes, ...(account ? { account } : {}) }),
      );
    } catch {
      return undefined;
    }
  }

  /**
   * Asks the user to sign in: Office's own prompt with nested authentication, else Office's dialog,
   * which speaks `locale`, the pane's language.
   */
  async interactively(locale: Locale = 'en'): Promise<string> {
    try {
      if (this.route === 'dialog') {
        this.dialogToken = await openSignInDialog(this.dialogUrl, locale);
        return this.dialogToken.accessToken;
      }
      return this.keep(await this.msal!.acquireTokenPopup({ scopes: this.scopes }));
    } catch (error) {
      throw signInFailure(error);
    }
  }

  /**
   * Forgets the account in this pane. With nested authentication the account is Office's own (MSAL
   * refuses to clear it), so the pane only lets go of it; a dialog's token is dropped.
   */
  async signOut(): Promise<void> {
    this.dialogToken = undefined;
    if (!this.msal) return;
    this.msal.setActiveAccount(null);
    await this.msal.clearCache().catch(() => undefined);
  }

  private keep(result: AuthenticationResult): string {
    this.msal?.setActiveAccount(result.account);
    return result.accessToken;
  }
}
