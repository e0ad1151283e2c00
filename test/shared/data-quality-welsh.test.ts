// The Data quality sheet's lines in the partnership's language (DESIGN §12): the consolidation's warnings
// keep their codes and English messages for the API, and the sheet states them in Welsh (Welsh first, then
// English, when bilingual), their IDs, amounts and dates read back out of the English.
import { describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { consolidate } from '../../shared/consolidate/index.js';
import { CY, EN, message } from '../../shared/i18n/index.js';
import { dataQualityLines, warningSentence } from '../../shared/report/data-quality.js';
import type { DataQualityWarning } from '../../shared/schemas.js';
import { demoRecords } from '../server/mail/demo-records.js';

const PERIOD = '2027-03';
const view = consolidate(demoPartnership, demoRecords({ hostile: false }), PERIOD);

/** The fixed words of an English catalogue text, between its placeholders. */
const englishWords = (text: string) =>
  text
    .split(/\{\w+\}/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);

const warning = (code: string, text: string): DataQualityWarning => ({
  code,
  council: null,
  project: null,
  message: text,
});

describe('the Data quality lines', () => {
  it('are as before in English: the API’s messages, the kinds in words or codes', () => {
    const lines = dataQualityLines(view);
    expect(lines.map((l) => l.kind)).toEqual([
      'Missing return',
      'Carried forward',
      'Project conflict',
      'Project conflict',
      'lead-missing',
      'lead-missing',
    ]);
    expect(lines[0]!.message).toBe('No return for March 2027 nor any earlier month of 2026-27.');
    expect(lines.slice(4).map((l) => l.message)).toEqual(view.dataQuality.warnings.map((w) => w.message));
  });

  it('are in Welsh for a Welsh partnership, the warnings’ IDs kept and no English words left', () => {
    const lines = dataQualityLines(view, ['cy']);
    expect(lines[0]!.kind).toBe(CY['dataQuality.kind.missing'].text);
    expect(lines[0]!.message).toContain('Mawrth 2027');
    const leadMissing = lines.filter((l) => l.kind === 'lead-missing');
    expect(leadMissing).toHaveLength(2);
    for (const line of leadMissing) {
      expect(line.message).toMatch(/^Mae prosiect OXD-\d+ yn enwi south-oxfordshire/);
      expect(line.message).toContain('vale-of-white-horse');
      expect(englishWords(EN['warning.leadMissing']).filter((w) => line.message.includes(w))).toEqual([]);
    }
    for (const line of lines) expect(line.message).not.toMatch(/ the | is used|No return/);
  });

  it('are in both languages for a bilingual partnership, Welsh first', () => {
    const [welsh, both] = [dataQualityLines(view, ['cy']), dataQualityLines(view, ['cy', 'en'])];
    const english = dataQualityLines(view);
    both.forEach((line, i) => {
      expect(line.message).toBe(`${welsh[i]!.message} / ${english[i]!.message}`);
      if (i < 4) expect(line.kind).toBe(`${welsh[i]!.kind} / ${english[i]!.kind}`);
      else expect(line.kind).toBe('lead-missing');
    });
  });

  it('read a warning the consolidation wrote back into Welsh: the cost-share method too', () => {
    const noPopulations = {
      ...demoPartnership,
      costShareMethod: 'Population' as const,
      councils: demoPartnership.councils.map((c) => ({ ...c, population: 0 })),
    };
    const fallback = consolidate(noPopulations, demoRecords({ hostile: false }), PERIOD);
    const w = fallback.dataQuality.warnings.find((x) => x.code === 'population-missing');
    expect(w?.message).toBe(message('en', 'warning.populationMissing', { method: 'Population' }));
    expect(warningSentence(w!, fallback, 'cy')).toBe(
      message('cy', 'warning.populationMissing', { method: CY['method.population'].text }),
    );
  });

  it.each([
    [
      'unknown-council',
      'warning.unknownCouncil',
      'Returns from "oxon-x" were left out because no council has that ID in the partnership.',
      ['oxon-x'],
    ],
    [
      'not-a-partner',
      'warning.notAPartner',
      'cherwell reports project OXD-009 but is neither its lead council nor one of its partners.',
      ['cherwell', 'OXD-009'],
    ],
    [
      'share-not-paying',
      'warning.shareNotPaying',
      'cherwell has a share for 2026-27 but is not a paying member that year, so the paying members share the whole cost in proportion to their own shares.',
      ['cherwell', '2026-27'],
    ],
    [
      'no-paying-councils',
      'warning.noPayingCouncils',
      'No council is a paying member in 2026-27, so nobody is due to pay the net cost.',
      ['2026-27'],
    ],
    [
      'usage-fallback',
      'warning.usageFallback',
      'No CDO time is recorded for paying councils in 2026-27 up to March 2027, so costs are shared equally instead of by usage.',
      ['2026-27', 'Mawrth 2027'],
    ],
    [
      'settings-changed-since-agreement',
      'warning.settingsChanged.council',
      "Cherwell District Council's due for the year is £70,000.00 under the settings in force; £65,000.00 was agreed on 05/11/2026. Propose the cost shares again for every council to agree.",
      ['Cherwell District Council', '£70,000.00', '£65,000.00', '05/11/2026'],
    ],
    [
      'settings-changed-since-agreement',
      'warning.settingsChanged.partnership',
      "The settings of 2026-27 have changed since the cost shares were agreed on 05/11/2026, though no council's due has. Propose the cost shares again for every council to agree.",
      ['2026-27', '05/11/2026'],
    ],
  ] as const)('put the %s warning (%s) into Welsh, its values kept', (code, key, english, values) => {
    const welsh = warningSentence(warning(code, english), view, 'cy');
    expect(welsh.startsWith(CY[key].text.split('{')[0]!)).toBe(true);
    for (const value of values) expect(welsh).toContain(value);
    expect(englishWords(EN[key]).filter((w) => welsh.includes(w))).toEqual([]);
    expect(warningSentence(warning(code, english), view, 'en')).toBe(english);
  });

  it('give a warning worded in a way the catalogue does not know as the consolidation wrote it', () => {
    const odd = warning('lead-missing', 'Something new happened.');
    expect(warningSentence(odd, view, 'cy')).toBe('Something new happened.');
  });
});
