// Microsoft 365 sign-in in the pane (DESIGN §9.1): MSAL's nestable client signs in through Office's
// nested app authentication where the host has it, and through MSAL's own pop-up where it does not.
// Tokens are asked for per request, so MSAL renews them before they expire.
import {
  createNestablePublicClientApplication,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { ClientConfig } from '../../../shared/api.js';

export type MicrosoftConfig = Required<Pick<ClientConfig, 'clientId' | 'authority' | 'scope'>>;

export class MicrosoftSignIn {
  private constructor(
    private readonly msal: IPublicClientApplication,
    private readonly scopes: string[],
  ) {}

  /** `redirectUri`: where MSAL's pop-up returns (the pane's own page). */
  static async create(config: MicrosoftConfig, redirectUri: string): Promise<MicrosoftSignIn> {
    const msal = await createNestablePublicClientApplication({
      // "organizations": any work account; the service decides whose tenant is registered.
      auth: { clientId: config.clientId, authority: `${config.authority}/organizations`, redirectUri },
    });
    return new MicrosoftSignIn(msal, [config.scope]);
  }

  /** A token without asking the user (Office already has them, or MSAL has a session), or undefined. */
  async silently(): Promise<string | undefined> {
    const account = this.msal.getActiveAccount() ?? this.msal.getAllAccounts()[0];
    try {
      return this.keep(
        await this.msal.acquireTokenSilent({ scopes: this.scopes, ...(account ? { account } : {}) }),
      );
    } catch {
      return undefined;
    }
  }

  /** Asks the user to sign in: Office's own prompt with nested authentication, else MSAL's pop-up. */
  async interactively(): Promise<string> {
    return this.keep(await this.msal.acquireTokenPopup({ scopes: this.scopes }));
  }

  /**
   * Forgets the account in this pane. With MSAL's pop-up its cached tokens go too; with nested
   * authentication the account is Office's own (MSAL refuses to clear it), so the pane only lets go of it.
   */
  async signOut(): Promise<void> {
    this.msal.setActiveAccount(null);
    await this.msal.clearCache().catch(() => undefined);
  }

  private keep(result: AuthenticationResult): string {
    this.msal.setActiveAccount(result.account);
    return result.accessToken;
  }
}
