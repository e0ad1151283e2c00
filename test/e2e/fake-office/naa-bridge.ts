// The host's side of nested app authentication, as Office provides it: `window.nestedAppAuthBridge`,
// answering MSAL's bridge messages (JSON envelopes with a request id and a method: GetInitContext,
// GetToken, GetTokenPopup) with the tokens the test minted from its local Entra-shaped issuer. So the
// pane's real MSAL code signs in through it.

export interface FakeNaaConfig {
  accessToken: string;
  idToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /**
   * The host asks the user before it gives a token: silent requests fail with "interaction required",
   * and the interactive one ends as given (the user signs in, cancels, or the organisation has not
   * consented).
   */
  interactive?: 'signs-in' | 'cancels' | 'consent-required';
  account: {
    homeAccountId: string;
    environment: string;
    tenantId: string;
    username: string;
    localAccountId: string;
    name: string;
  };
}

interface BridgeRequest {
  requestId: string;
  method: string;
  tokenParams?: { scope?: string; clientId?: string };
}

/** What the pane asked the host for, for the test to read. */
export const naaRequests: { method: string; scope?: string; clientId?: string }[] = [];

export function installNaaBridge(naa: FakeNaaConfig): void {
  const listeners = new Set<(message: string) => void>();
  /** Once the user signed in interactively, the host answers silent requests too. */
  let signedIn = !naa.interactive;
  const reply = (request: BridgeRequest, body: object): void => {
    const message = JSON.stringify({
      messageType: 'NestedAppAuthResponse',
      requestId: request.requestId,
      ...body,
    });
    // Asynchronously, as a host answers across its process boundary.
    setTimeout(() => listeners.forEach((listener) => listener(message)), 0);
  };
  const bridge = {
    addEventListener(name: string, listener: (message: string) => void): void {
      if (name === 'message') listeners.add(listener);
    },
    removeEventListener(name: string, listener: (message: string) => void): void {
      if (name === 'message') listeners.delete(listener);
    },
    postMessage(text: string): void {
      const request = JSON.parse(text) as BridgeRequest;
      naaRequests.push({
        method: request.method,
        ...(request.tokenParams?.scope ? { scope: request.tokenParams.scope } : {}),
        ...(request.tokenParams?.clientId ? { clientId: request.tokenParams.clientId } : {}),
      });
      if (request.method === 'GetInitContext') {
        reply(request, {
          success: true,
          initContext: { sdkName: 'fake-office', sdkVersion: '1.0.0', capabilities: { queryAccount: false } },
        });
      } else if (!signedIn && request.method === 'GetToken') {
        reply(request, {
          success: false,
          error: {
            status: 'USER_INTERACTION_REQUIRED',
            code: 'interaction_required',
            description: 'Sign in.',
          },
        });
      } else if (naa.interactive === 'cancels' && request.method === 'GetTokenPopup') {
        reply(request, {
          success: false,
          error: { status: 'USER_CANCEL', code: 'user_cancel', description: '' },
        });
      } else if (naa.interactive === 'consent-required' && request.method === 'GetTokenPopup') {
        reply(request, {
          success: false,
          error: {
            status: 'USER_INTERACTION_REQUIRED',
            code: 'consent_required',
            description: 'AADSTS65001: The user or administrator has not consented to use the application.',
          },
        });
      } else if (request.method === 'GetToken' || request.method === 'GetTokenPopup') {
        signedIn = true;
        reply(request, {
          success: true,
          token: {
            access_token: naa.accessToken,
            id_token: naa.idToken,
            expires_in: naa.expiresIn,
            scope: request.tokenParams?.scope,
          },
          account: naa.account,
        });
      } else {
        reply(request, {
          success: false,
          error: { status: 'PERSISTENT_ERROR', code: 'unsupported', description: request.method },
        });
      }
    },
  };
  Object.assign(globalThis, { nestedAppAuthBridge: bridge });
}
