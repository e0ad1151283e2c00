// Sign-in through Office's dialog API, where the host has no nested app authentication: the pane opens
// its own page in an Office dialog (displayDialogAsync); that page runs MSAL's redirect flow (a
// dialog is a top-level window, where Microsoft's sign-in page may run) and sends the token back with
// messageParent. "Authenticate and authorize with the Office dialog API"; "Enable SSO with nested app
// authentication" › "Have a fallback". The dialog cannot read the pane's state, so the pane names its
// language in the dialog's address (`&lang=cy`), and the dialog speaks it too.
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { LOCALES, message as say, type Locale } from '../../../shared/i18n/index.js';
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
/** The dialog's language, kept beside the flag for the same reason. */
const DIALOG_LANGUAGE = 'SharedCdo.signInDialog.language';

/** The dialog's address for a pane speaking `locale`; English, the page's own, needs no mention. */
export const signInDialogAddress = (url: string, locale: Locale): string =>
  locale === 'en' ? url : `${url}&lang=${locale}`;

/** The dialog's language: the one its address names, else the one kept before MSAL's redirect. */
export function signInDialogLocale(location: Pick<Location, 'search'>, storage: Storage): Locale {
  const named = new URLSearchParams(location.search).get('lang');
  const locale = LOCALES.find((l) => l === named);
  if (locale) {
    storage.setItem(DIALOG_LANGUAGE, locale);
    return locale;
  }
  return LOCALES.find((l) => l === storage.getItem(DIALOG_LANGUAGE)) ?? 'en';
}

/** Opens the sign-in dialog and waits for its token; rejects with MSAL-shaped error codes. */
export async function openSignInDialog(url: string, locale: Locale): Promise<DialogToken> {
  const text = await openDialog(signInDialogAddress(url, locale));
  let message: DialogMessage;
  try {
    message = JSON.parse(text) as DialogMessage;
  } catch {
    throw new Error(say(locale, 'signIn.unreadable'));
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

/**
 * The dialog page: signs in with MSAL's redirect flow, then hands the token to the pane, which closes
 * it. Resolves with what went wrong, in `locale`, when it did (the pane is told too), for the page to
 * say while it is still open.
 */
export async function runSignInDialog(
  origin: string,
  storage: Storage,
  locale: Locale,
): Promise<{ failed: string } | undefined> {
  const send = (message: DialogMessage) => {
    storage.removeItem(DIALOG_FLAG);
    storage.removeItem(DIALOG_LANGUAGE);
    return messageParent(JSON.stringify(message));
  };
  try {
    const config = await new ApiClient(origin, '', undefined, locale).config();
    if (!config.clientId || !config.authority || !config.scope)
      throw new Error(say(locale, 'signIn.notSetUp'));
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
      return undefined;
    }
    await send({
      status: 'success',
      accessToken: result.accessToken,
      expiresOn: (result.expiresOn ?? new Date(Date.now() + 3_600_000)).toISOString(),
    });
    return undefined;
  } catch (error) {
    const failed = error instanceof Error ? error.message : String(error);
    // A pane that cannot be told (Office gone) leaves the page to say it alone.
    await send({
      status: 'error',
      errorCode: String((error as { errorCode?: unknown }).errorCode ?? 'failed'),
      message: failed,
    }).catch(() => undefined);
    return { failed };
  }
}
