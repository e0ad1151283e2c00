// The pane's language (DESIGN §12): Office's display language decides, unless the person chose in the
// pane; their choice is kept per Office partition.
import { describe, expect, it } from 'vitest';
import { browserStorage } from '../../addin/src/api/token-store.js';
import { localeOfDisplayLanguage, paneLocale, rememberLocale } from '../../addin/src/ui/language.js';

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
