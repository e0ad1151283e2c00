// Every warning the consolidation gives says what it says by key (DESIGN §12), as problems do: made by
// the code that gives it, each carries a key of the warnings' catalogue, its English message is that
// key's English, and its Welsh is the Welsh catalogue's, no English words left.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CY, EN } from '../../shared/i18n/index.js';
import { EN_WARNINGS, type WarningKey } from '../../shared/i18n/en-warnings.js';
import { isKnown, saidIn, spoken } from '../../shared/i18n/say.js';
import { dataQualityWarningSchema, type DataQualityWarning } from '../../shared/schemas.js';
import { everyWarning } from './every-warning.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The words of a key's English text between its placeholders that its Welsh text does not share. */
const englishWords = (key: WarningKey): string[] =>
  EN[key]
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter((part) => (part.match(/[a-z]{2,}/gi) ?? []).length >= 2 && !CY[key].text.includes(part));

/** What is wrong with a warning's key and Welsh, or nothing. */
function faults(w: DataQualityWarning): string[] {
  if (!w.say) return ['no key'];
  if (!isKnown(w.say)) return ['not a key of the catalogue'];
  const wrong: string[] = [];
  if (spoken('en', w.say) !== w.message) wrong.push('English not from its key');
  const welsh = saidIn('cy', w);
  if (welsh === w.message) wrong.push('Welsh the same as English');
  for (const words of englishWords(w.say.key))
    if (welsh.includes(words)) wrong.push(`English left: ${words}`);
  return wrong;
}

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
    const files: string[] = [];
    for (const folder of ['shared', 'server']) {
      for (const entry of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
        if (file !== 'shared/consolidate/warning.ts' && byHand.test(source(file))) files.push(file);
      }
    }
    expect(files).toEqual([]);
  });
});
