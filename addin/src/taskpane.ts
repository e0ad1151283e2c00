// The task pane's entry point: Fluent components, Office's theme, then the pane.
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/spinner.js';
import '@fluentui/web-components/text-input.js';
import { isSignInDialog, signInDialogLocale } from './api/sign-in-dialog.js';
import { browserStorage } from './api/token-store.js';
import { connectToHost, officeLoaded } from './excel/index.js';
import { likelyLocale, paneFooter, paneLocale, rememberSpoken } from './ui/language.js';
import { officeUnreachableView, Pane } from './ui/pane.js';
import { signInPage } from './ui/sign-in-page.js';
import { applyTheme } from './ui/theme.js';
import { speak, t } from './words.js';

async function main(): Promise<void> {
  const root = document.getElementById('pane');
  const announcer = document.getElementById('announce');
  if (!root || !announcer) return;
  // The page's first words in the language the pane most likely speaks, at once: the page's policy
  // allows no script in the HTML, and this module runs as soon as the page is read, before Office
  // answers. The HTML's own words stay English, for a browser that runs no script at all.
  speak(likelyLocale(() => window.localStorage, navigator.languages));
  root.querySelector('.busy')?.replaceChildren(t('pane.starting'));
  // Opened as Office's sign-in dialog (a host without nested app authentication): sign in, hand the
  // token to the pane, and show nothing else, in the pane's language (named in the dialog's address).
  if (officeLoaded() && isSignInDialog(window.location, window.sessionStorage)) {
    const locale = signInDialogLocale(window.location, window.sessionStorage);
    speak(locale);
    applyTheme();
    await signInPage(root, announcer, window.location.origin, window.sessionStorage, locale);
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
  const locale = paneLocale(storage, host.partitionKey, host.displayLanguage);
  speak(locale);
  rememberSpoken(storage, locale, navigator.languages);
  const pane = new Pane(root, host, { storage, persistent }, window.location.origin, announcer);
  if (host.inExcel)
    root.after(
      paneFooter(
        storage,
        host.partitionKey,
        (locale) => {
          pane.speak(locale);
          pane.announce(t('pane.language.now'));
        },
        navigator.languages,
      ),
    );
  await pane.start();
}

void main();
