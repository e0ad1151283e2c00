// Sign-in through Office's dialog API, where the host has no nested app authentication: the pane opens
// its own page in an Office dialog (displayDialogAsync); that page runs MSAL's redirect flow (a
// dialog is a top-level window, where Microsoft's sign-in page may run) and sends the token back with
// messageParent. "Authenticate and authorize with the Office dialog API"; "Enable SSO with nested app
// authentication" › "Have a fallback".
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { messageParent, openDialog } from '../excel/office-dialog.js';
import { ApiClient } from './client.js';

export interface DialogToken {
  accessToken: string;
  /** ISO time the token stops working. */
  expiresOn: string;
}

/** What the dialog page sends to the pane. */
type DialogMessage =
  ({ status: 'success' } & DialogToken) | { status: 'error'; errorCode: string; message: string };

/** Set while this window is the sign-in dialog: it survives MSAL's redirect to Microsoft and back. */
const DIALOG_FLAG = 'SharedCdo.signInDialog';

/** Opens the sign-in dialog and waits for its token; rejects with MSAL-shaped error codes. */
export async function openSignInDialog(url: string): Promise<DialogToken> {
  const text = await openDialog(url);
  let message: DialogMessage;
  try {
    message = JSON.parse(text) as DialogMessage;
  } catch {
    throw new Error('The sign-in window sent an answer the pane could not read.');
  }
  if (message.status === 'success') return { accessToken: message.accessToken, expiresOn: message.expiresOn };
  throw Object.assign(new Error(message.message), { errorCode: message.errorCode });
}

/** Whether this page was opened as the sign-in dialog (or is coming back to it from Microsoft). */
export function isSignInDialog(location: Location, storage: Storage): boolean {
  if (new URLSearchParams(location.search).get('sign-in') === 'dialog') {
    storage.setItem(DIALOG_FLAG, '1');
    return true;
  }
  return storage.getItem(DIALOG_FLAG) === '1';
}

/** The dialog page: signs in with MSAL's redirect flow, then hands the token to the pane and closes. */
export async function runSignInDialog(origin: string, storage: Storage): Promise<void> {
  const send = (message: DialogMessage) => {
    storage.removeItem(DIALOG_FLAG);
    return messageParent(JSON.stringify(message));
  };
  try {
    const config = await new ApiClient(origin, '').config();
    if (!config.clientId || !config.authority || !config.scope)
      throw new Error('Microsoft 365 sign-in is not set up on this service.');
    const msal = await createStandardPublicClientApplication({
      auth: {
        clientId: config.clientId,
        authority: `${config.authority}/organizations`,
        redirectUri: `${origin}/addin/taskpane.html`,
      },
      cache: { cacheLocation: 'sessionStorage' },
    });
    const result = await msal.handleRedirectPromise();
    if (!result) {
      await msal.acquireTokenRedirect({ scopes: [config.scope] }); // leaves for Microsoft's page
      return;
    }
    await send({
      status: 'success',
      accessToken: result.accessToken,
      expiresOn: (result.expiresOn ?? new Date(Date.now() + 3_600_000)).toISOString(),
    });
  } catch (error) {
    await send({
      status: 'error',
      errorCode: String((error as { errorCode?: unknown }).errorCode ?? 'failed'),
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
