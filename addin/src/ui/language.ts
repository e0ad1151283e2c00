// The pane's language (DESIGN §12): Welsh when Office's display language is Welsh, unless the person
// chose otherwise in the pane; their choice is kept in the browser's storage for next time, like the
// token (per Office partition, never in the workbook, which others share).
import { LOCALES, type Locale } from '../../../shared/i18n/index.js';
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

/**
 * The pane's language choice: a button named, in its own language, for the other language ("Cymraeg"
 * in English, "English" in Welsh). Choosing it keeps the choice and reloads the pane, which reconnects
 * with the saved token and speaks the chosen language throughout.
 */
export function languageChoice(storage: Storage, partitionKey: string | undefined): HTMLElement {
  const other: Locale = paneLanguage() === 'cy' ? 'en' : 'cy';
  return h(
    'footer',
    { class: 'language', 'aria-label': t('pane.language') },
    h(
      'fluent-button',
      {
        id: 'language',
        appearance: 'subtle',
        size: 'small',
        lang: other,
        onclick: () => {
          rememberLocale(storage, partitionKey, other);
          window.location.reload();
        },
      },
      t('pane.language.other'),
    ),
  );
}
