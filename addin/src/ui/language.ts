// The pane's language (DESIGN §12): Welsh when Office's display language is Welsh, unless the person
// chose otherwise in the pane; their choice is kept in the browser's storage for next time, like the
// token (per Office partition, never in the workbook, which others share); and so is the language it
// spoke last, so that its first words next time, before Office answers, are in it.
import { HELP_PAGE, LOCALES, type Locale } from '../../../shared/i18n/index.js';
import { h } from './dom.js';
import { paneLanguage, t } from '../words.js';

const PREFIX = 'SharedCdo.language';

const storageKey = (partitionKey: string | undefined): string =>
  partitionKey ? `${partitionKey}${PREFIX}` : PREFIX;

const isLocale = (value: string | null): value is Locale => LOCALES.some((l) => l === value);

/** The locale of Office's display language tag: `cy-GB` (or `cy`) is Welsh, every other tag English. */
export const localeOfDisplayLanguage = (tag: string | undefined): Locale =>
  /^cy(-|$)/i.test(tag ?? '') ? 'cy' : 'en';

/** The person's own choice if they made one, else Office's display language. */
export function paneLocale(
  storage: Storage,
  partitionKey: string | undefined,
  displayLanguage?: string,
): Locale {
  const chosen = storage.getItem(storageKey(partitionKey));
  return isLocale(chosen) ? chosen : localeOfDisplayLanguage(displayLanguage);
}

export function rememberLocale(storage: Storage, partitionKey: string | undefined, locale: Locale): void {
  storage.setItem(storageKey(partitionKey), locale);
}

/** The language the pane spoke last in this browser, whichever partition: a guess for next time. */
const LAST_SPOKEN = `${PREFIX}.last`;

/**
 * Keeps `locale` as the pane's next first guess, where the browser's own language would guess wrong;
 * otherwise nothing is kept (a pane in the browser's language stores nothing new).
 */
export function rememberSpoken(storage: Storage, locale: Locale, browserLanguages: readonly string[]): void {
  if (locale === localeOfDisplayLanguage(browserLanguages[0])) storage.removeItem(LAST_SPOKEN);
  else storage.setItem(LAST_SPOKEN, locale);
}

/**
 * The language the pane will most likely speak, known before Office says which (Office's display
 * language and the partition that keys the person's choice come with Office): the one it spoke last
 * in this browser, else Welsh where the browser's own language is Welsh. The pane settles the
 * language once Office answers.
 */
export function likelyLocale(storage: () => Storage, browserLanguages: readonly string[]): Locale {
  try {
    const last = storage().getItem(LAST_SPOKEN);
    if (isLocale(last)) return last;
  } catch {
    // Storage refused to the pane: the browser's language alone.
  }
  return localeOfDisplayLanguage(browserLanguages[0]);
}

/**
 * The pane's footer: its help page in the pane's language (opened beside the pane, so the pane keeps its
 * place), and the language choice: a button named, in its own language, for the other language
 * ("Cymraeg" in English, "English" in Welsh). Choosing it keeps the choice and calls `switchTo`, which
 * draws the pane again in that language in place; the footer is drawn again too, and the choice keeps
 * the focus.
 */
export function paneFooter(
  storage: Storage,
  partitionKey: string | undefined,
  switchTo: (locale: Locale) => void,
  browserLanguages: readonly string[],
): HTMLElement {
  const other: Locale = paneLanguage() === 'cy' ? 'en' : 'cy';
  const footer = h(
    'footer',
    { class: 'language', 'aria-label': t('pane.language') },
    h(
      'a',
      { id: 'help', href: HELP_PAGE[paneLanguage()], target: '_blank', rel: 'noopener' },
      t('pane.help'),
    ),
    h(
      'fluent-button',
      {
        id: 'language',
        appearance: 'subtle',
        size: 'small',
        lang: other,
        onclick: () => {
          rememberLocale(storage, partitionKey, other);
          rememberSpoken(storage, other, browserLanguages);
          switchTo(other);
          const redrawn = paneFooter(storage, partitionKey, switchTo, browserLanguages);
          footer.replaceWith(redrawn);
          redrawn.querySelector<HTMLElement>('#language')?.focus();
        },
      },
      t('pane.language.other'),
    ),
  );
  return footer;
}
