// What Excel makes of typed text (numbers, pounds, percentages, dates), its date serials, the header
// names it makes unique, and the order of requirement sets.

export const ISO_MONTH = /^(\d{4})-(\d{2})$/;
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
export const NUMBER = /^-?\d+(\.\d+)?$/;
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const POUNDS = /^(-)?£(-)?(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?$/;
const PERCENT = /^(-?\d+(?:\.\d+)?)%$/;
const SCIENTIFIC = /^-?\d+(\.\d+)?e[+-]?\d+$/i;
export const BOOLEAN = /^(true|false)$/i;

/** What Excel makes of text typed into a General cell that reads as a number: value and format. */
export function typedNumber(text: string): { value: number; format: string } | undefined {
  const plain = (digits: string) => Number(digits.replace(/,/g, ''));
  if (THOUSANDS.test(text)) return { value: plain(text), format: text.includes('.') ? '#,##0.00' : '#,##0' };
  const pounds = POUNDS.exec(text);
  if (pounds) {
    const sign = pounds[1] || pounds[2] ? -1 : 1;
    return {
      value: sign * plain(`${pounds[3]}${pounds[4] ?? ''}`),
      format: pounds[4] ? '£#,##0.00' : '£#,##0',
    };
  }
  const percent = PERCENT.exec(text);
  if (percent) return { value: Number(percent[1]) / 100, format: percent[1]!.includes('.') ? '0.00%' : '0%' };
  if (SCIENTIFIC.test(text)) return { value: Number(text), format: '0.00E+00' };
  return undefined;
}

/** Whether requirement set `a` (major.minor) is at most `b`: 1.8 comes before 1.12. */
export function setAtMost(a: string, b: string): boolean {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am < bm || (am === bm && an <= bn);
}

/** `name`, or `name2`, `name3`… — the first that `taken` (lower case) does not hold, as Excel numbers headers. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name}${n}`.toLowerCase())) return `${name}${n}`;
}

export function dateSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
