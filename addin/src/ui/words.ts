// The pane's words (DESIGN §12) in the language it speaks, English or Welsh. The language is set once
// as the pane starts (choosing the other one reloads the pane), so every view draws its words from one
// catalogue and none is left in the other language.
import { message, monthLabel, type Locale, type Messages } from '../../../shared/i18n/index.js';

let spoken: Locale = 'en';

/**
 * Makes `locale` the pane's language, and the document's, so a screen reader speaks it (English keeps
 * the page's own `en-GB`).
 */
export function speak(locale: Locale): void {
  spoken = locale;
  if (locale !== 'en') document.documentElement.lang = locale;
}

export const paneLanguage = (): Locale => spoken;

/** The text of `key` in the pane's language, its placeholders filled. */
export const t: Messages = (key, ...params) => message(spoken, key, ...params);

/** "November 2026" or "Tachwedd 2026". */
export const monthName = (period: string): string => monthLabel(spoken, period);

/** "A and B and C" or "A a B a C": names joined as the pane has always joined them. */
export const joinedByAnd = (items: readonly string[]): string =>
  items.length ? items.reduce((first, last) => t('list.and', { first, last })) : '';

/** "1 error", "3 errors": a count of a check's findings. */
export const errorCount = (count: number): string =>
  count === 1 ? t('pane.count.errorOne', { count }) : t('pane.count.errorMany', { count });

export const warningCount = (count: number): string =>
  count === 1 ? t('pane.count.warningOne', { count }) : t('pane.count.warningMany', { count });
