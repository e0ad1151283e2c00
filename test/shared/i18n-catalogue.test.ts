// The message catalogues (DESIGN §12): English and Welsh hold the same keys with the same placeholders,
// every key is used by the code, every Welsh string says whether a Welsh speaker has reviewed it, and
// months are written in the reader's language.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CY, EN, listAnd, localesOf, message, monthLabel, shortMonthLabel } from '../../shared/i18n/index.js';
import { COUNCIL_STATUS_WORDS, FIGURES, glossaryFigures, SKILL_STATUS_WORDS } from '../../shared/glossary.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOGUES = new Set([
  'shared/i18n/en.ts',
  'shared/i18n/en-pane.ts',
  'shared/i18n/en-cli.ts',
  'shared/i18n/en-cli-help.ts',
  'shared/i18n/en-problems.ts',
  'shared/i18n/en-warnings.ts',
  'shared/i18n/cy.ts',
  'shared/i18n/cy-pane.ts',
  'shared/i18n/cy-cli.ts',
  'shared/i18n/cy-cli-help.ts',
  'shared/i18n/cy-problems.ts',
  'shared/i18n/cy-warnings.ts',
]);

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

function sourceText(): string {
  const files: string[] = [];
  for (const folder of ['shared', 'server', 'addin/src']) {
    for (const entry of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      if (entry.isFile() && /\.ts$/.test(entry.name) && !CATALOGUES.has(file)) files.push(file);
    }
  }
  return files.map((file) => readFileSync(path.join(ROOT, file), 'utf8')).join('\n');
}

describe('the message catalogues', () => {
  const en = Object.keys(EN);
  const cy = Object.keys(CY);

  it('have the same keys in English and Welsh', () => {
    expect(en.length).toBeGreaterThan(100);
    expect(cy.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !cy.includes(k))).toEqual([]);
  });

  it('have the same placeholders in both languages', () => {
    const differ = en.filter(
      (k) =>
        placeholders(EN[k as keyof typeof EN]).join() !== placeholders(CY[k as keyof typeof CY].text).join(),
    );
    expect(differ).toEqual([]);
  });

  it('have no key the code does not use', () => {
    const source = sourceText();
    expect(en.filter((k) => !source.includes(`'${k}'`))).toEqual([]);
  });

  it('have a Welsh text for every key, each marked reviewed by a Welsh speaker or not', () => {
    for (const key of cy) {
      const entry = CY[key as keyof typeof CY];
      expect(entry.text.trim(), key).not.toBe('');
      expect(typeof entry.reviewed, key).toBe('boolean');
    }
  });

  it('never leave a Welsh string the same as the English unless it is a name or code', () => {
    // Beta and Hybrid are the same words in both (a copy left untranslated by mistake would show up here).
    const same = en.filter((k) => EN[k as keyof typeof EN] === CY[k as keyof typeof CY].text);
    // So are the command line's Tenant (Microsoft's Welsh interface keeps the word) and Label.
    expect(same).toEqual(['phase.beta', 'method.hybrid', 'cli.table.tenant', 'cli.table.label']);
  });
});

describe('messages', () => {
  it('fill their placeholders', () => {
    expect(message('en', 'rollup.subject', { month: 'November 2026', partnership: 'Cymru' })).toBe(
      'Shared CDO roll-up — November 2026 — Cymru',
    );
    expect(message('cy', 'rollup.since', { month: 'Hydref 2026' })).toBe('Ers Hydref 2026');
  });

  it('give the glossary its English words, and its Welsh words in Welsh', () => {
    expect(COUNCIL_STATUS_WORDS.behind).toBe('Behind profile');
    expect(SKILL_STATUS_WORDS.gap).toBe('No practitioner');
    expect(FIGURES.outstandingPence.label).toBe('Still to pay this year');
    expect(glossaryFigures('cy').outstandingPence.label).toBe(CY['figure.outstanding.label'].text);
  });

  it('write months in the reader’s language', () => {
    expect(monthLabel('en', '2026-11')).toBe('November 2026');
    expect(monthLabel('cy', '2026-11')).toBe('Tachwedd 2026');
    expect(monthLabel('cy', '2027-02')).toBe('Chwefror 2027');
    expect(shortMonthLabel('cy', '2026-11')).toBe('Tach');
  });

  it('join lists with the language’s "and"', () => {
    expect(listAnd('en', ['A', 'B', 'C'])).toBe('A, B and C');
    expect(listAnd('cy', ['A', 'B'])).toBe('A a B');
    expect(listAnd('cy', ['A'])).toBe('A');
  });

  it('put Welsh first when a partnership is bilingual, and English by default', () => {
    expect(localesOf('Bilingual')).toEqual(['cy', 'en']);
    expect(localesOf('Cymraeg')).toEqual(['cy']);
    expect(localesOf('English')).toEqual(['en']);
    expect(localesOf(undefined)).toEqual(['en']);
  });
});
