// Every problem a check raises says what it says by key (DESIGN §12): run over deliberately wrong
// returns, partnerships and request bodies, each problem carries a key of the problems' catalogue, its
// English message is that key's English, and its Welsh is the Welsh catalogue's, no English words left.
import { beforeAll, describe, expect, it } from 'vitest';
import { EN_PROBLEMS, type ProblemKey } from '../../shared/i18n/en-problems.js';
import type { Problem } from '../../shared/schemas.js';
import { faults, filesMatching, keysOf, source } from '../helpers/said-by-key.js';
import { wrongProblems } from './wrong-returns.js';

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
    expect(filesMatching(['shared', 'server', 'addin/src'], byHand)).toEqual([]);
  });
});
