// What a problem says, as a catalogue key and its values (DESIGN §12): a problem crosses a worker
// thread, JSON and the store on its way to the person who reads it, so it carries what to say rather than
// only the English said; each reader renders it in their own language. The values are plain data:
// a name, a figure or a cell's text stays as it is in every language; a phrase of the catalogue (what
// a cell must be, a date found), a list ("A, B and C"), a month and a word of the fixed vocabulary are
// worded in the reader's language. The consolidation's warnings say theirs the same way.
import { EN } from './en.js';
import type { ProblemKey } from './en-problems.js';
import type { WarningKey } from './en-warnings.js';
import { listAnd, message, monthLabel, type Locale, type Placeholders } from './index.js';
import { vocabularyWord } from './vocabulary-words.js';

type Plain = string | number;

/** A catalogue phrase inside a problem's sentence: what a cell must be, or what it held. */
export interface Phrase {
  readonly key: ProblemKey;
  readonly values?: Readonly<Record<string, Plain>>;
}

/** Items joined with the reader's "and". */
export interface ListOf {
  readonly and: string[];
}

/** A month (`YYYY-MM`) as the reader writes it: "April 2026", "Ebrill 2026". */
export interface MonthOf {
  readonly month: string;
}

/** A word of DESIGN §2's vocabulary (a cost-share method, a phase) as the reader writes it. */
export interface WordOf {
  readonly word: string;
}

export type SayValue = Plain | Phrase | ListOf | MonthOf | WordOf;

/** A key a sentence can say: a problem's, or a consolidation warning's. */
export type SayKey = ProblemKey | WarningKey;

/** A sentence: a key of the problems' (or the warnings') catalogue and the values of its placeholders. */
export interface Say<K extends SayKey = ProblemKey> {
  readonly key: K;
  readonly values?: Readonly<Record<string, SayValue>>;
}

type Values<K extends SayKey, V> = [Placeholders<(typeof EN)[K]>] extends [never]
  ? []
  : [values: Record<Placeholders<(typeof EN)[K]>, V>];

/** A sentence; the compiler checks the key and that every placeholder is given. */
export const say = <K extends SayKey>(key: K, ...values: Values<K, SayValue>): Say<K> =>
  values[0] === undefined ? { key } : { key, values: values[0] };

/** A phrase of plain values, to go inside a sentence. */
export const phrase = <K extends ProblemKey>(key: K, ...values: Values<K, Plain>): Phrase =>
  values[0] === undefined ? { key } : { key, values: values[0] };

const valueIn = (locale: Locale, value: SayValue): string => {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if ('key' in value) return spoken(locale, value);
  if ('and' in value) return listAnd(locale, value.and);
  if ('word' in value) return vocabularyWord(locale, value.word);
  return monthLabel(locale, value.month);
};

/** `message` for a key known only at run time, its values already rendered. */
const fill = message as (locale: Locale, key: SayKey, values: Record<string, string>) => string;

/** A sentence in `locale`. */
export function spoken(locale: Locale, sentence: Say<SayKey>): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(sentence.values ?? {})) values[name] = valueIn(locale, value);
  return fill(locale, sentence.key, values);
}

const isKey = (key: unknown): boolean => typeof key === 'string' && Object.hasOwn(EN, key);

/**
 * Whether a sentence that came from elsewhere (JSON, a stored receipt) names only keys this catalogue
 * has: one written by another version of the service may not.
 */
export function isKnown(sentence: Say<SayKey>): boolean {
  if (!isKey(sentence.key)) return false;
  return Object.values(sentence.values ?? {}).every(
    (value) => typeof value !== 'object' || !('key' in value) || isKey(value.key),
  );
}

/**
 * What a message that carries its sentence (a problem, a warning) says in `locale`: its English as
 * written; another language from its key, or the English when it has no key (written by an earlier
 * version) or one this catalogue does not know, never blank.
 */
export function saidIn(
  locale: Locale,
  said: { readonly message: string; readonly say?: Say<SayKey> | undefined },
): string {
  if (locale === 'en' || !said.say || !isKnown(said.say)) return said.message;
  return spoken(locale, said.say);
}
