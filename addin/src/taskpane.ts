// The task pane's entry point: Fluent components, Office's theme, then the pane.
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/spinner.js';
import '@fluentui/web-components/text-input.js';
import { isSignInDialog, runSignInDialog } from './api/sign-in-dialog.js';
import { browserStorage } from './api/token-store.js';
import { connectToHost, officeLoaded } from './excel/index.js';
import { languageChoice, paneLocale } from './ui/language.js';
import { officeUnreachableView, Pane } from './ui/pane.js';
import { applyTheme } from './ui/theme.js';
import { speak, t } from './words.js';

async function main(): Promise<void> {
  const root = document.getElementById('pane');
  const announcer = document.getElementById('announce');
  if (!root || !announcer) return;
  // Opened as Office's sign-in dialog (a host without nested app authentication): sign in, hand the
  // token to the pane, and show nothing else.
  if (officeLoaded() && isSignInDialog(window.location, window.sessionStorage)) {
    root.textContent = t('pane.signingIn');
    await runSignInDialog(window.location.origin, window.sessionStorage);
    return;
  }
  if (!officeLoaded()) {
    applyTheme();
    root.replaceChildren(officeUnreachableView());
    announcer.textContent = root.textContent ?? '';
    return;
  }
  const host = await connectToHost();
  applyTheme(host.theme);
  const { storage, persistent } = browserStorage(() => window.localStorage);
  // Office's display language, or the person's own choice (DESIGN §12).
  speak(paneLocale(storage, host.partitionKey, host.displayLanguage));
  if (host.inExcel) root.after(languageChoice(storage, host.partitionKey));
  await new Pane(root, host, { storage, persistent }, window.location.origin, announcer).start();
}

void main();
