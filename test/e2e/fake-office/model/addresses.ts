// A1 addresses and rectangles of cells, as Excel reads and writes them.
import type { Rect } from './types.js';
import { ExcelError } from './types.js';

export const key = (r: number, c: number): string => `${r},${c}`;

export const overlaps = (a: Rect, b: Rect): boolean =>
  !(a.r1 < b.r0 || a.r0 > b.r1 || a.c1 < b.c0 || a.c0 > b.c1);

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** `A1`, `A1:C3`, `C:C`, `2:4`, with or without a sheet and `$` signs. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let local = address;
  let sheet: string | undefined;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    sheet = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    local = address.slice(bang + 1);
  }
  const parts = local.replace(/\$/g, '').split(':');
  const parse = (part: string, end: boolean): { r: number; c: number } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[2]))
      throw new ExcelError('InvalidArgument', `The address ${address} is not valid.`);
    const c = m[1] ? columnNumber(m[1]) : end ? MAX_COLUMNS - 1 : 0;
    const r = m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0;
    return { r, c };
  };
  const a = parse(parts[0] ?? '', false);
  const b = parts[1] ? parse(parts[1], true) : a;
  return { ...(sheet ? { sheet } : {}), rect: { r0: a.r, c0: a.c, r1: b.r, c1: b.c } };
}

export function formatAddress(sheet: string | undefined, rect: Rect): string {
  const first = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  const last = `${columnLetters(rect.c1)}${rect.r1 + 1}`;
  const local = first === last ? first : `${first}:${last}`;
  if (!sheet) return local;
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${local}`;
}
