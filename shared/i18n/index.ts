// Messages in the reader's language (DESIGN §12): `message(locale, key, params)` looks a key up in the
// English or the Welsh catalogue and fills its `{placeholders}`; the compiler checks the key and that
// every placeholder the English text has is given. Months and dates are written in the language too.
import type { Language } from '../vocabulary.js';
import { CY } from './cy.js';
import { EN, type MessageKey } from './en.js';

export { EN, type MessageKey } from './en.js';
export { CY, type WelshMessage } from './cy.js';

/** The languages a person reads: BCP 47 primary tags, as `lang` attributes and Accept-Language use. */
export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];

/** The placeholders of a message text: `{month}` and `{partnership}` in "… — {month} — {partnership}". */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

type Params<K extends MessageKey> = [Placeholders<(typeof EN)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof EN)[K]>, string | number>];

/** A key whose text has no placeholders: a word or label that can be passed around as a key alone. */
export type PlainKey = {
  [K in MessageKey]: [Placeholders<(typeof EN)[K]>] extends [never] ? K : never;
}[MessageKey];

/** The text of `key` in `locale`, its placeholders filled. */
export function message<K extends MessageKey>(locale: Locale, key: K, ...params: Params<K>): string {
  const text = locale === 'cy' ? CY[key].text : EN[key];
  const values = params[0] as Record<string, string | number> | undefined;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A message function bound to one locale, for code that writes a whole e-mail or sheet in it. */
export type Messages = <K extends MessageKey>(key: K, ...params: Params<K>) => string;

export const messagesIn =
  (locale: Locale): Messages =>
  (key, ...params) =>
    message(locale, key, ...params);

/**
 * The languages a partnership's correspondence is written in, in the order they appear (DESIGN §12):
 * Welsh first when bilingual.
 */
export function localesOf(language: Language | undefined): readonly Locale[] {
  if (language === 'Cymraeg') return ['cy'];
  if (language === 'Bilingual') return ['cy', 'en'];
  return ['en'];
}

// Made once per locale: an ICU formatter per call would cost time over a view's many months.
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(locale: Locale, month: 'long' | 'short'): Intl.DateTimeFormat {
  const id = `${locale}:${month}`;
  let format = monthFormats.get(id);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      month === 'long' ? { month, year: 'numeric', timeZone: 'UTC' } : { month, timeZone: 'UTC' };
    format = new Intl.DateTimeFormat(`${locale}-GB`, options);
    monthFormats.set(id, format);
  }
  return format;
}

const monthDate = (period: string): Date => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1));
};

/** "November 2026" or "Tachwedd 2026": a month as a person reads it (DESIGN §2). */
export const monthLabel = (locale: Locale, period: string): string =>
  monthFormat(locale, 'long').format(monthDate(period));

/** "Nov" or "Tach", for a chart axis of one year's months. */
export const shortMonthLabel = (locale: Locale, period: string): string =>
  monthFormat(locale, 'short').format(monthDate(period));

/** "A, B and C" or "A, B a C". */
export function listAnd(locale: Locale, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return message(locale, 'list.and', { first: items.slice(0, -1).join(', '), last: items.at(-1)! });
}

/**
 * A text in each of `locales`, joined: Welsh first then English when a partnership is bilingual (DESIGN
 * §12). A text that is the same in both (a name, a figure) is given once.
 */
export const inEach = (locales: readonly Locale[], text: (locale: Locale) => string): string =>
  [...new Set(locales.map(text))].join(' / ');
