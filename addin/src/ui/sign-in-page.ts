// The page Office's sign-in dialog shows (the pane's own page, opened with `?sign-in=dialog`), in the
// pane's language: its title, what it is doing, and what went wrong if the pane could not be handed a
// token, with a way to try again.
import type { Locale } from '../../../shared/i18n/index.js';
import { runSignInDialog } from '../api/sign-in-dialog.js';
import { signInMessage } from '../api/microsoft.js';
import { h, replaceChildren } from './dom.js';
import { message, spinner } from './feedback.js';
import { t } from '../words.js';

export async function signInPage(
  root: HTMLElement,
  announcer: HTMLElement,
  origin: string,
  storage: Storage,
  locale: Locale,
): Promise<void> {
  document.title = t('signIn.dialog.pageTitle');
  const status = h('div', {}, spinner(t('pane.signingIn')));
  replaceChildren(root, h('h2', {}, t('connect.microsoft')), status);
  announcer.textContent = t('pane.signingIn');
  const outcome = await runSignInDialog(origin, storage, locale);
  if (!outcome) return;
  const said = message('error', signInMessage('failed', outcome.failed, locale));
  // Starts again from the dialog's own address: after Microsoft's page, this one has lost it.
  const again = h(
    'fluent-button',
    {
      id: 'try-again',
      appearance: 'primary',
      onclick: () => window.location.assign(`taskpane.html?sign-in=dialog&lang=${locale}`),
    },
    t('pane.tryAgain'),
  );
  replaceChildren(status, said, h('div', { class: 'inline-actions' }, again));
  announcer.textContent = said.textContent ?? '';
  said.focus();
}
