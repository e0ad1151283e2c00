// The Data quality sheet's lines in the partnership's language (DESIGN §12): the consolidation's warnings
// keep their codes and English messages for the API, carry what they say as a key and values, and the
// sheet states them in Welsh from it (Welsh first, then English, when bilingual), their IDs, amounts and
// dates as they are.
import { describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { consolidate } from '../../shared/consolidate/index.js';
import type { WarningKey } from '../../shared/i18n/en-warnings.js';
import { CY, EN, message } from '../../shared/i18n/index.js';
import { dataQualityLines } from '../../shared/report/data-quality.js';
import type { DataQualityWarning } from '../../shared/schemas.js';
import { everyWarning } from '../server/every-warning.js';
import { demoRecords } from '../server/mail/demo-records.js';

const PERIOD = '2027-03';
const view = consolidate(demoPartnership, demoRecords({ hostile: false }), PERIOD);

/** The fixed words of an English catalogue text, between its placeholders. */
const englishWords = (text: string) =>
  text
    .split(/\{\w+\}/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);

/** A warning's Welsh text with its values filled in: `message` for a key of the table below. */
const welshOf = message.bind(null, 'cy') as (key: WarningKey, values: Record<string, string>) => string;

/** The demo view with these warnings instead of its own, as the sheet would list them. */
const withWarnings = (warnings: DataQualityWarning[]) => ({
  ...view,
  dataQuality: { ...view.dataQuality, warnings },
});

/** The Data quality lines of the warnings alone, in `locales`. */
const warningLines = (warnings: DataQualityWarning[], locales: ('en' | 'cy')[]) =>
  dataQualityLines(withWarnings(warnings), locales).slice(-warnings.length);

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

  // Each way of going wrong, the warnings the consolidation gives for it: their codes, their English as
  // it has always been, and the key and values of their Welsh, worked out by hand.
  const WAYS: [keyof ReturnType<typeof everyWarning>, string, string, WarningKey, Record<string, string>][] =
    [
      [
        'stranger',
        'unknown-council',
        'Returns from "elsewhere" were left out because no council has that ID in the partnership.',
        'warning.unknownCouncil',
        { council: 'elsewhere' },
      ],
      [
        'notLed',
        'lead-missing',
        "Project P-1 names vale-of-white-horse as lead council, but vale-of-white-horse's return does not list it as its own; the details reported by cherwell are used.",
        'warning.leadMissing',
        { project: 'P-1', lead: 'vale-of-white-horse', main: 'cherwell' },
      ],
      [
        'notLed',
        'not-a-partner',
        'cherwell reports project P-1 but is neither its lead council nor one of its partners.',
        'warning.notAPartner',
        { council: 'cherwell', project: 'P-1' },
      ],
      [
        'observerShare',
        'share-not-paying',
        'west-oxfordshire has a share for 2026-27 but is not a paying member that year, so the paying members share the whole cost in proportion to their own shares.',
        'warning.shareNotPaying',
        { council: 'west-oxfordshire', year: '2026-27' },
      ],
      [
        'noMembers',
        'no-paying-councils',
        'No council is a paying member in 2026-27, so nobody is due to pay the net cost.',
        'warning.noPayingCouncils',
        { year: '2026-27' },
      ],
      [
        'noPopulations',
        'population-missing',
        'No paying council has a population, so costs are shared equally instead of by the Population method.',
        'warning.populationMissing',
        { method: CY['method.population'].text },
      ],
      [
        'noUsage',
        'usage-fallback',
        'No CDO time is recorded for paying councils in 2026-27 up to June 2026, so costs are shared equally instead of by usage.',
        'warning.usageFallback',
        { year: '2026-27', month: 'Mehefin 2026' },
      ],
      [
        'dueChanged',
        'settings-changed-since-agreement',
        "Cherwell District Council's due for the year is £64,793.16 under the settings in force; £60,000.00 was agreed on 05/11/2026. Propose the cost shares again for every council to agree.",
        'warning.settingsChanged.council',
        { council: 'Cherwell District Council', due: '£64,793.16', agreed: '£60,000.00', date: '05/11/2026' },
      ],
      [
        'sameDues',
        'settings-changed-since-agreement',
        "The settings of 2026-27 have changed since the cost shares were agreed on 05/11/2026, though no council's due has. Propose the cost shares again for every council to agree.",
        'warning.settingsChanged.partnership',
        { year: '2026-27', date: '05/11/2026' },
      ],
    ];
  const made = everyWarning();

  it('are the warnings the consolidation gives, each way of going wrong, in English as before', () => {
    for (const way of new Set(WAYS.map(([w]) => w))) {
      const expected = WAYS.filter(([w]) => w === way).map(([, code, english]) => [code, english]);
      expect(
        made[way].map((w) => [w.code, w.message]),
        way,
      ).toEqual(expected);
      expect(warningLines(made[way], ['en']).map((l) => l.message)).toEqual(expected.map(([, e]) => e));
    }
  });

  it.each(WAYS)(
    'say the %s warning (%s) in Welsh from its key, values kept',
    (way, code, english, key, cy) => {
      const warnings = made[way];
      const i = warnings.findIndex((w) => w.code === code && w.message === english);
      const welsh = warningLines(warnings, ['cy'])[i]!;
      expect(welsh.kind).toBe(code);
      expect(welsh.message).toBe(welshOf(key, cy));
      expect(englishWords(EN[key]).filter((w) => welsh.message.includes(w))).toEqual([]);
      expect(warningLines(warnings, ['cy', 'en'])[i]!.message).toBe(`${welsh.message} / ${english}`);
    },
  );

  it('give a warning without a key, or with one the catalogue does not know, in English, never blank', () => {
    const [stranger] = made.stranger;
    const { say: _say, ...keyless } = stranger!;
    const unknown = { ...stranger!, say: { key: 'warning.fromTheFuture' as WarningKey } };
    expect(warningLines([keyless, unknown], ['cy']).map((l) => l.message)).toEqual([
      stranger!.message,
      stranger!.message,
    ]);
  });
});
