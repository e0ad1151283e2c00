// What the pane asks of Office for signing in: which route the host allows, and Office's dialog API
// (displayDialogAsync, messageParent; DialogApi 1.1). The rest of sign-in is addin/src/api/.
import { t as say } from '../words.js';

export type SignInRoute = 'nested' | 'dialog' | 'none';

/**
 * Nested app authentication where Office has it (NestedAppAuth 1.1; on the web only for files from
 * SharePoint or OneDrive); else Office's dialog; else none.
 */
export function signInRoute(): SignInRoute {
  const { requirements, ui } = Office.context;
  if (requirements.isSetSupported('NestedAppAuth', '1.1')) return 'nested';
  if (requirements.isSetSupported('DialogApi', '1.1') && typeof ui?.displayDialogAsync === 'function')
    return 'dialog';
  return 'none';
}

/** Office's code for a dialog the user closed (DialogEventReceived). */
export const DIALOG_CLOSED = 12006;

/**
 * Opens `url` in an Office dialog and resolves with the first message its page sends; rejects with
 * `errorCode` `dialog_<Office's code>`, or `user_cancelled` when the user closes it.
 */
export function openDialog(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(
      url,
      { height: 60, width: 30, promptBeforeOpen: false },
      (opened) => {
        if (opened.status === Office.AsyncResultStatus.Failed) {
          reject(
            Object.assign(new Error(opened.error.message), { errorCode: `dialog_${opened.error.code}` }),
          );
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          resolve('message' in arg ? arg.message : '');
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          const code = 'error' in arg ? arg.error : 0;
          reject(
            code === DIALOG_CLOSED
              ? Object.assign(new Error(say('signIn.windowClosed')), { errorCode: 'user_cancelled' })
              : Object.assign(new Error(say('signIn.windowStopped', { code })), {
                  errorCode: `dialog_${code}`,
                }),
          );
        });
      },
    );
  });
}

/** In the dialog's page: waits for Office, then sends `text` to the pane that opened it. */
export async function messageParent(text: string): Promise<void> {
  await Office.onReady();
  Office.context.ui.messageParent(text);
}
