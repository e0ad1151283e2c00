// Every problem a check raises says what it says by key (DESIGN §12): run over deliberately wrong
// returns, partnerships and request bodies, each problem carries a key of the problems' catalogue, its
// English message is that key's English, and its Welsh is the Welsh catalogue's, no English words left.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CY, EN } from '../../shared/i18n/index.js';
import { EN_PROBLEMS, type ProblemKey } from '../../shared/i18n/en-problems.js';
import { problemMessage } from '../../shared/i18n/problems.js';
import { isKnown, spoken, type Say } from '../../shared/i18n/say.js';
import type { Problem } from '../../shared/schemas.js';
import { wrongProblems } from './wrong-returns.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The keys a sentence uses: its own and its phrases'. */
const keysOf = (said: Say): ProblemKey[] => [
  said.key,
  ...Object.values(said.values ?? {}).flatMap((v) => (typeof v === 'object' && 'key' in v ? [v.key] : [])),
];

/** The words of a key's English text between its placeholders that its Welsh text does not share. */
const englishWords = (key: ProblemKey): string[] =>
  EN[key]
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter((part) => (part.match(/[a-z]{2,}/gi) ?? []).length >= 2 && !CY[key].text.includes(part));

/** What is wrong with a problem's keys and Welsh, or nothing. */
function faults(p: Problem): string[] {
  if (!p.say) return ['no key'];
  if (!isKnown(p.say)) return ['not a key of the catalogue'];
  const wrong: string[] = [];
  if (spoken('en', p.say) !== p.message) wrong.push('English not from its key');
  const welsh = problemMessage('cy', p);
  if (welsh === p.message) wrong.push('Welsh the same as English');
  for (const key of keysOf(p.say)) {
    for (const words of englishWords(key)) if (welsh.includes(words)) wrong.push(`English left: ${words}`);
  }
  return wrong;
}

/** The problem codes shared/parse documents, from its list in shared/parse/index.ts. */
function documentedCodes(): string[] {
  const list = source('shared/parse/index.ts').split('Problem codes')[1]!.split('\nexport')[0]!;
  return list
    .replace(/^\/\/ ?/gm, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/(?:^- [^:]*|[A-Z][\w /]*):/gm, '')
    .replace(/[A-Z][a-z]+:/g, '')
    .split(/[,;.\s]+/)
    .filter(
      (word) =>
        /^[a-z]+(-[a-z]+)*$/.test(word) &&
        !['stable', 'for', 'callers', 'that', 'act', 'on', 'them'].includes(word),
    );
}

/** Problem codes the service raises of its own (server/), besides the readers' and rules'. */
const SERVICE_CODES = ['invalid-value', 'period-mismatch', 'empty-return', 'consolidation'];

describe('what every problem says', () => {
  let problems: Problem[];
  beforeAll(async () => {
    problems = await wrongProblems();
  });

  it('is a key of the catalogue, in English as the message and in Welsh with no English left', () => {
    expect(problems.length).toBeGreaterThan(100);
    const wrong = problems.flatMap((p) => faults(p).map((fault) => `${p.code} ${p.say?.key}: ${fault}`));
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('would be caught without its key, or with its Welsh missing', () => {
    const [first] = problems;
    const { say: _say, ...keyless } = first!;
    expect(faults(keyless)).toEqual(['no key']);
    expect(faults({ ...first!, say: { key: 'problem.nonesuch' as ProblemKey } })).toEqual([
      'not a key of the catalogue',
    ]);
    expect(faults({ ...first!, message: 'Something else.' })).toEqual(['English not from its key']);
  });

  it('covers every problem code the readers, the rules and the service raise', () => {
    const raised = new Set(problems.map((p) => p.code));
    const codes = [...documentedCodes(), ...SERVICE_CODES];
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((code) => !raised.has(code))).toEqual([]);
  });

  it('uses every sentence and phrase of the problems catalogue but the count of a list cut short', () => {
    const used = new Set(problems.flatMap((p) => (p.say ? keysOf(p.say) : [])));
    const unused = Object.keys(EN_PROBLEMS).filter((key) => !used.has(key as ProblemKey));
    expect(unused).toEqual(['problem.invalidPartnership', 'problem.unlisted']);
  });

  it('comes from `problem()`, never a problem written by hand, so the compiler checks every key', () => {
    const byHand = /\{[^{}]*\bcode:\s*'[^{}]*\bseverity:[^{}]*\bmessage:[^{}]*\}/;
    const files: string[] = [];
    for (const folder of ['shared', 'server', 'addin/src']) {
      for (const entry of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
        if (byHand.test(source(file))) files.push(file);
      }
    }
    expect(files).toEqual([]);
  });
});
