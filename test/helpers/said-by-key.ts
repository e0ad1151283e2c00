// What the problems' and the warnings' key tests share: whether a sentence said by key says what its
// catalogues say, in English and in Welsh, and the source files that build one by hand instead.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CY, EN } from '../../shared/i18n/index.js';
import { isKnown, saidIn, spoken, type Say, type SayKey } from '../../shared/i18n/say.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the project, by its path from the project's folder. */
export const source = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** The keys a sentence uses: its own and its phrases'. */
export const keysOf = <K extends SayKey>(said: Say<K>): K[] => [
  said.key,
  ...Object.values(said.values ?? {}).flatMap((v) =>
    typeof v === 'object' && 'key' in v ? [v.key as K] : [],
  ),
];

/** The words of a key's English text between its placeholders that its Welsh text does not share. */
const englishWords = (key: SayKey): string[] =>
  EN[key]
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter((part) => (part.match(/[a-z]{2,}/gi) ?? []).length >= 2 && !CY[key].text.includes(part));

/** What is wrong with a problem's or warning's key and Welsh, or nothing. */
export function faults(said: { readonly message: string; readonly say?: Say<SayKey> | undefined }): string[] {
  if (!said.say) return ['no key'];
  if (!isKnown(said.say)) return ['not a key of the catalogue'];
  const wrong: string[] = [];
  if (spoken('en', said.say) !== said.message) wrong.push('English not from its key');
  const welsh = saidIn('cy', said);
  if (welsh === said.message) wrong.push('Welsh the same as English');
  for (const key of keysOf(said.say)) {
    for (const words of englishWords(key)) if (welsh.includes(words)) wrong.push(`English left: ${words}`);
  }
  return wrong;
}

/** The TypeScript files under `folders` whose text matches `pattern`, but for those `allowed`. */
export function filesMatching(folders: readonly string[], pattern: RegExp, allowed: readonly string[] = []) {
  const files: string[] = [];
  for (const folder of folders) {
    for (const entry of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      if (!allowed.includes(file) && pattern.test(source(file))) files.push(file);
    }
  }
  return files;
}
