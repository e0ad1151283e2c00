// Every warning the consolidation gives says what it says by key (DESIGN §12), as problems do: made by
// the code that gives it, each carries a key of the warnings' catalogue, its English message is that
// key's English, and its Welsh is the Welsh catalogue's, no English words left.
import { beforeAll, describe, expect, it } from 'vitest';
import { EN_WARNINGS, type WarningKey } from '../../shared/i18n/en-warnings.js';
import { dataQualityWarningSchema, type DataQualityWarning } from '../../shared/schemas.js';
import { faults, filesMatching } from '../helpers/said-by-key.js';
import { everyWarning } from './every-warning.js';

describe('what every consolidation warning says', () => {
  let warnings: DataQualityWarning[];
  beforeAll(() => {
    warnings = Object.values(everyWarning()).flat();
  });

  it('is a key of the catalogue, in English as the message and in Welsh with no English left', () => {
    const wrong = warnings.flatMap((w) => faults(w).map((fault) => `${w.code} ${w.say?.key}: ${fault}`));
    expect(wrong).toEqual([]);
  });

  it('would be caught without its key, or with its English not from it', () => {
    const [first] = warnings;
    const { say: _say, ...keyless } = first!;
    expect(faults(keyless)).toEqual(['no key']);
    expect(faults({ ...first!, say: { key: 'warning.nonesuch' as WarningKey } })).toEqual([
      'not a key of the catalogue',
    ]);
    expect(faults({ ...first!, message: 'Something else.' })).toEqual(['English not from its key']);
  });

  it('covers every warning code and uses every sentence of the warnings catalogue', () => {
    expect([...new Set(warnings.map((w) => w.code))].sort()).toEqual([
      'lead-missing',
      'no-paying-councils',
      'not-a-partner',
      'population-missing',
      'settings-changed-since-agreement',
      'share-not-paying',
      'unknown-council',
      'usage-fallback',
    ]);
    const used = new Set(warnings.map((w) => w.say?.key));
    expect(Object.keys(EN_WARNINGS).filter((key) => !used.has(key as WarningKey))).toEqual([]);
  });

  it('is described by the view’s schema, its key and values with it', () => {
    for (const w of warnings) expect(dataQualityWarningSchema.parse(w)).toEqual(w);
    expect(() =>
      dataQualityWarningSchema.parse({ ...warnings[0]!, say: { key: 'warning.nonesuch' } }),
    ).toThrow();
  });

  it('comes from `warning()`, never a warning written by hand, so the compiler checks every key', () => {
    // The fields of a warning in order, each given or shorthand: as every producer wrote one before.
    const byHand =
      /(?<!\.)\bcode(?::\s*[^,]+)?,\s*council(?::\s*[^,]+)?,\s*project(?::\s*[^,]+)?,\s*message\b/;
    expect(filesMatching(['shared', 'server'], byHand, ['shared/consolidate/warning.ts'])).toEqual([]);
  });
});
