// The pane's language (DESIGN §12): Office's display language decides, unless the person chose in the
// pane; their choice is kept per Office partition.
import { describe, expect, it } from 'vitest';
import { browserStorage } from '../../addin/src/api/token-store.js';
import {
  likelyLocale,
  localeOfDisplayLanguage,
  paneLocale,
  rememberLocale,
  rememberSpoken,
} from '../../addin/src/ui/language.js';
import { MONTH_WORDS, monthName } from '../../addin/src/words.js';
import { LOCALES, message, monthLabel } from '../../shared/i18n/index.js';

const memory = (): Storage =>
  browserStorage(() => {
    throw new Error('no storage');
  }).storage;

describe('the pane’s language', () => {
  it('is Welsh when Office’s display language is Welsh, English for any other', () => {
    expect(localeOfDisplayLanguage('cy-GB')).toBe('cy');
    expect(localeOfDisplayLanguage('CY')).toBe('cy');
    expect(localeOfDisplayLanguage('en-GB')).toBe('en');
    expect(localeOfDisplayLanguage('cs-CZ')).toBe('en');
    expect(localeOfDisplayLanguage(undefined)).toBe('en');
  });

  it('follows the person’s own choice over Office’s, per partition', () => {
    const storage = memory();
    expect(paneLocale(storage, 'p1', 'en-GB')).toBe('en');
    rememberLocale(storage, 'p1', 'cy');
    expect(paneLocale(storage, 'p1', 'en-GB')).toBe('cy');
    expect(paneLocale(storage, 'p2', 'en-GB')).toBe('en');
    rememberLocale(storage, undefined, 'en');
    expect(paneLocale(storage, undefined, 'cy-GB')).toBe('en');
  });

  it('ignores a stored value that is no language of the pane', () => {
    const storage = memory();
    storage.setItem('SharedCdo.language', 'fr');
    expect(paneLocale(storage, undefined, 'cy-GB')).toBe('cy');
  });
});

describe('the pane’s first words', () => {
  it('are in the language the pane spoke last in this browser, else the browser’s own', () => {
    const storage = memory();
    expect(likelyLocale(() => storage, ['en-GB'])).toBe('en');
    expect(likelyLocale(() => storage, ['cy'])).toBe('cy');
    expect(likelyLocale(() => storage, [])).toBe('en');
    // Welsh in an English browser: kept, and the next guess.
    rememberSpoken(storage, 'cy', ['en-GB']);
    expect(storage.length).toBe(1);
    expect(likelyLocale(() => storage, ['en-GB'])).toBe('cy');
    // English in a Welsh browser: kept too.
    rememberSpoken(storage, 'en', ['cy-GB']);
    expect(likelyLocale(() => storage, ['cy-GB'])).toBe('en');
    // The browser's own language needs nothing kept: what was kept goes.
    rememberSpoken(storage, 'en', ['en-GB']);
    expect(storage.length).toBe(0);
    expect(likelyLocale(() => storage, ['en-GB'])).toBe('en');
    // A person's choice is kept apart, per partition: it does not answer for another partition's pane.
    rememberLocale(storage, 'p1', 'cy');
    expect(likelyLocale(() => storage, ['en-GB'])).toBe('en');
  });

  it('follow the browser’s language when storage is refused to the pane', () => {
    const refused = (): Storage => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    expect(likelyLocale(refused, ['cy-GB'])).toBe('cy');
    expect(likelyLocale(refused, ['en-US'])).toBe('en');
  });
});

describe('the pane’s months', () => {
  it('are the months the service writes, in English and in Welsh', () => {
    for (const locale of LOCALES) {
      const fromCatalogue = MONTH_WORDS.map((key) => `${message(locale, key)} 2026`);
      const fromIntl = MONTH_WORDS.map((_, i) =>
        monthLabel(locale, `2026-${String(i + 1).padStart(2, '0')}`),
      );
      expect(fromCatalogue).toEqual(fromIntl);
    }
    expect(monthName('2026-11')).toBe('November 2026');
  });
});
