// A number and a number's bounds as a person reads them, in messages and in Excel's alerts alike.
import { phrase, spoken, type Phrase } from '../i18n/say.js';

/** A number as a person writes it: 12.5, 100, 0.01 (no float noise). */
export const plainNumber = (n: number): string => String(Number(n.toFixed(6)));

/** "between 0 and 31", "0 or more", "31 or less": a number's bounds, as a problem says them. */
export function boundsPhrase(min: number | undefined, max: number | undefined): Phrase {
  if (min !== undefined && max !== undefined)
    return phrase('problem.expected.between', { min: plainNumber(min), max: plainNumber(max) });
  return min !== undefined
    ? phrase('problem.expected.atLeast', { min: plainNumber(min) })
    : phrase('problem.expected.atMost', { max: plainNumber(max ?? 0) });
}

/** A number's bounds in English, as Excel's alerts say them. */
export const boundsInWords = (min: number | undefined, max: number | undefined): string =>
  spoken('en', boundsPhrase(min, max));
