// The add-in's words (DESIGN §12) in the language the pane speaks, English or Welsh: the views' and the
// Excel code's notices alike. The language is set as the pane starts and again when the person chooses
// the other one (the pane then draws its view again), so every word comes from one catalogue.
import { message, type Locale, type Messages, type PlainKey } from '../../shared/i18n/index.js';

let spoken: Locale = 'en';

/** The `lang` of text in `locale`: English is the page's own `en-GB`. */
export const languageTag = (locale: Locale): string => (locale === 'en' ? 'en-GB' : locale);

/** Makes `locale` the pane's language, and the document's, so a screen reader speaks it. */
export function speak(locale: Locale): void {
  spoken = locale;
  document.documentElement.lang = languageTag(locale);
}

export const paneLanguage = (): Locale => spoken;

/** The text of `key` in the pane's language, its placeholders filled. */
export const t: Messages = (key, ...params) => message(spoken, key, ...params);

/** The months, January first. */
export const MONTH_WORDS = [
  'month.january',
  'month.february',
  'month.march',
  'month.april',
  'month.may',
  'month.june',
  'month.july',
  'month.august',
  'month.september',
  'month.october',
  'month.november',
  'month.december',
] as const satisfies readonly PlainKey[];

/** "October" or "Hydref": the month (1–12) in the pane's language. */
export const monthWord = (month: number): string => t(MONTH_WORDS[month - 1] ?? 'month.january');

/**
 * "November 2026" or "Tachwedd 2026", as shared/i18n's monthLabel writes it on the service. The pane
 * takes the words from the catalogue, not the browser's Intl: a web view's ICU data may have no Welsh
 * (Chromium's own build has none), and would write October in English.
 */
export const monthName = (period: string): string => {
  const [year, month] = period.split('-');
  return year && month ? `${monthWord(Number(month))} ${year}` : period;
};

/** "A and B and C" or "A a B a C": names joined as the pane has always joined them. */
export const joinedByAnd = (items: readonly string[]): string =>
  items.length ? items.reduce((first, last) => t('list.and', { first, last })) : '';

/** "1 error", "3 errors": a count of a check's findings. */
export const errorCount = (count: number): string =>
  count === 1 ? t('pane.count.errorOne', { count }) : t('pane.count.errorMany', { count });

export const warningCount = (count: number): string =>
  count === 1 ? t('pane.count.warningOne', { count }) : t('pane.count.warningMany', { count });
