// A1-style addresses. Office.js reports addresses as `Sheet!A1:C3` or `'My sheet'!A1:C3`.

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface CellRef {
  /** 0-based column. */
  column: number;
  /** 1-based row as Excel shows it. */
  row: number;
}

/** The top-left cell of an address such as `'CDO time'!B3:F9` or `A1`. */
export function topLeftOf(address: string): CellRef {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const match = /^\$?([A-Za-z]+)\$?(\d+)/.exec(local);
  if (!match) throw new Error(`Not a cell address: ${address}`);
  return { column: columnIndex(match[1] ?? 'A'), row: Number(match[2]) };
}

/** A local (sheet-less) address of a block of `rows` × `columns` starting at `start`. */
export function blockAddress(start: CellRef, rows: number, columns: number): string {
  const first = `${columnLetters(start.column)}${start.row}`;
  if (rows === 1 && columns === 1) return first;
  return `${first}:${columnLetters(start.column + columns - 1)}${start.row + rows - 1}`;
}

/** The sheet name of an address such as `'CDO time'!B3:F9` (quotes undone). */
export function sheetOf(address: string): string {
  const bang = address.lastIndexOf('!');
  if (bang < 0) throw new Error(`No sheet in address: ${address}`);
  const name = address.slice(0, bang);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** A sheet name as an address or formula spells it: quoted unless it is a plain word. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `sheet!local`, with the sheet quoted as needed: Office.js reads a bare address on the active sheet. */
export const onSheet = (sheet: string, local: string): string => `${quoteSheet(sheet)}!${local}`;
