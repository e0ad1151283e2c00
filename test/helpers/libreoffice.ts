// Opens a workbook in LibreOffice (headless) and saves it in another format, as a user's office suite
// would open what we write. Each call uses its own profile so parallel runs do not share a lock.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** CSV with UTF-8, comma and double quotes, raw values (not as shown), every sheet to its own file. */
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1';

export async function convertWithLibreOffice(
  file: string,
  filter: string,
  outDir: string,
): Promise<string[]> {
  const profile = await mkdtemp(path.join(tmpdir(), 'lo-profile-'));
  try {
    await run(
      'libreoffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        file,
      ],
      { timeout: 180_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return (await readdir(outDir)).map((name) => path.join(outDir, name));
}

/** Every sheet of a workbook as LibreOffice reads it: rows of cell texts, by sheet name. */
export async function sheetsAsLibreOfficeReadsThem(file: string): Promise<Record<string, string[][]>> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'lo-csv-'));
  try {
    const base = path.basename(file, path.extname(file));
    const sheets: Record<string, string[][]> = {};
    for (const csv of await convertWithLibreOffice(file, CSV_ALL_SHEETS, outDir)) {
      const name = path.basename(csv, '.csv').slice(base.length + 1);
      sheets[name] = parseCsv(await readFile(csv, 'utf8'));
    }
    return sheets;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
