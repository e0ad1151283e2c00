// A number and a number's bounds as a person reads them, in messages and in Excel's alerts alike.

/** A number as a person writes it: 12.5, 100, 0.01 (no float noise). */
export const plainNumber = (n: number): string => String(Number(n.toFixed(6)));

/** "between 0 and 31", "0 or more", "31 or less": a number's bounds, as the messages say them. */
export function boundsInWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${plainNumber(min)} and ${plainNumber(max)}`;
  return min !== undefined ? `${plainNumber(min)} or more` : `${plainNumber(max ?? 0)} or less`;
}
