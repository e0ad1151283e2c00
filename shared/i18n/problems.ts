// The problems a check finds, in the reader's language (DESIGN §12). A problem keeps its English message
// as it always has (a 422's errors, stored warnings, every client); its Welsh is rendered where it is shown.
// A problem crosses a worker thread and JSON on its way to the pane, so it carries no key: the English
// message was written from a catalogue template (shared/parse, shared/sheets/types), and matching it
// against that same template gives back the key and its values. A message no template matches stays
// in English, never blank.
import { CY } from './cy.js';
import { EN, type MessageKey } from './en.js';
import { listAnd, type Locale, type PlainKey } from './index.js';

/** What a cell of a column type must be, after "<Column> must be ". */
export type ExpectedKey = Extract<PlainKey, `problem.expected.${string}`>;

const EXPECTED: readonly MessageKey[] = [
  'problem.expected.number',
  'problem.expected.wholeNumber',
  'problem.expected.percent',
  'problem.expected.pounds',
  'problem.expected.date',
  'problem.expected.month',
  'problem.expected.email',
  'problem.expected.oneOf',
  'problem.expected.between',
  'problem.expected.atLeast',
  'problem.expected.atMost',
  'problem.expected.council',
  'problem.expected.councils',
  'problem.expected.councilId',
  'problem.expected.councilIds',
];
const MESSAGES: readonly MessageKey[] = [
  'problem.required',
  'problem.mustBe',
  'problem.duplicate',
  'problem.duplicateWarning',
];

interface Template {
  readonly key: MessageKey;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An English template as a pattern: each `{name}` matches any text, the rest itself. */
function template(key: MessageKey): Template {
  const names: string[] = [];
  const source = EN[key]
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 === 1 ? (names.push(part), '(.+?)') : escape(part)))
    .join('');
  return { key, pattern: new RegExp(`^${source}$`, 's'), names };
}

const MESSAGE_TEMPLATES = MESSAGES.map(template);
const EXPECTED_TEMPLATES = EXPECTED.map(template);
const FOUND_DATE = template('problem.found.date');

type Values = Record<string, string>;
type Translate = (value: string) => string | undefined;

/** The Welsh of an English text made from one of `templates`, its values rendered in turn; undefined if none matches. */
function render(text: string, templates: readonly Template[], values: Readonly<Record<string, Translate>>) {
  for (const { key, pattern, names } of templates) {
    const match = pattern.exec(text);
    if (!match) continue;
    const welsh: Values = {};
    for (const [i, name] of names.entries()) {
      const value = match[i + 1]!;
      const rendered = values[name] ? values[name](value) : value;
      if (rendered === undefined) return undefined;
      welsh[name] = rendered;
    }
    return CY[key].text.replace(/\{(\w+)\}/g, (_, name: string) => welsh[name] ?? '');
  }
  return undefined;
}

/** The columns of a duplicate row's key, "A, B and C" in English, joined the Welsh way. */
const columnList: Translate = (english) => {
  const [init, last] = english.includes(' and ') ? english.split(/ and (?!.* and )/) : [english];
  return last === undefined ? english : listAnd('cy', [...init!.split(', '), last]);
};

const PARTS: Readonly<Record<string, Translate>> = {
  expected: (english) => render(english, EXPECTED_TEMPLATES, {}),
  found: (english) => render(english, [FOUND_DATE], {}) ?? english,
  what: columnList,
};

/** A problem's message in `locale`: in Welsh where a template covers it, otherwise the English as it is. */
export function problemMessage(locale: Locale, problem: { readonly message: string }): string {
  if (locale === 'en') return problem.message;
  return render(problem.message, MESSAGE_TEMPLATES, PARTS) ?? problem.message;
}
