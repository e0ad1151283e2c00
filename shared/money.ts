// Money is integer pence everywhere; pounds exist only in sheet cells (DESIGN §2).

/** Rounds half away from zero, the one rounding rule of the design. */
export function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * Converts a pounds amount as a cell holds it to pence. The decimal string of the number is used so that
 * 0.285 (stored as 0.28499999…) still becomes 29p, as a finance officer reading the cell expects.
 */
export function poundsToPence(pounds: number): number {
  if (!Number.isFinite(pounds)) throw new RangeError(`Not a finite amount: ${pounds}`);
  // Fast path for the usual cell, a whole number of pence: the decimal-string work below would give the
  // same answer (it only matters within half a penny of a boundary) and is slow over 100,000s of cells.
  const scaled = pounds * 100;
  const nearest = Math.round(scaled);
  if (Math.abs(scaled - nearest) < 1e-7 && Math.abs(nearest) <= Number.MAX_SAFE_INTEGER) return nearest + 0;
  const text = Math.abs(pounds).toFixed(10);
  const [whole = '0', frac = ''] = text.split('.');
  const pence = Number(whole) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
  const magnitude = pence + (frac.charAt(2) >= '5' ? 1 : 0);
  return pounds < 0 ? -magnitude : magnitude;
}

/** Pence as pounds for a cell (exact for any amount below 2^53 pence). */
export const penceToPounds = (pence: number): number => pence / 100;

/** Parses money as a cell may hold it: a number, or text such as "£1,200.50", "1200" or "(£5.00)". */
export function parseMoneyText(text: string): number | undefined {
  let t = text.trim().replace(/\s+/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  }
  t = t.replace(/^£/, '').replace(/^GBP/i, '');
  if (!/^(\d{1,3}(,\d{3})*|\d+)(\.\d+)?$/.test(t)) return undefined;
  const value = Number(t.replace(/,/g, ''));
  return negative ? -value : value;
}

/** Formats pence as "£1,234.56" for messages and e-mails. */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}
