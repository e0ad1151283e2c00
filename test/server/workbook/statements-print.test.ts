// The year's statements as a finance officer prints them: converted to PDF by LibreOffice, the Summary
// and each council's statement are one A4 page each, with the figures worked out by hand below.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStatementsWorkbook } from '../../../server/workbook/write-statements.js';
import type { Statement, YearRecord } from '../../../shared/agreements.js';
import { convertWithLibreOffice } from '../../helpers/libreoffice.js';
import { pdfPages } from '../../helpers/pdf.js';
import { requireTool } from '../../helpers/tools.js';
import { writtenBytes } from '../../helpers/xlsx.js';

const months = (april: number, march: number): number[] => [april, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, march];
const statement = (
  council: string,
  name: string,
  duePence: number,
  monthlyPence: number[],
  inKindPence = 0,
): Statement => {
  const contributedPence = monthlyPence.reduce((a, b) => a + b, 0);
  return {
    council,
    name,
    membership: 'Member',
    duePence,
    cashPaidPence: contributedPence - inKindPence,
    inKindPence,
    contributedPence,
    balancePence: duePence - contributedPence,
    monthlyPence,
    broughtForwardPence: 0,
  };
};

// The demo's Equal dues for 2025-26 (DESIGN §4): 6,479,316 / 6,479,316 / 6,479,316 / 6,479,315.
const YEAR: YearRecord = {
  fy: '2025-26',
  status: 'closed',
  closedAt: '2026-04-14T09:00:00.000Z',
  closedBy: 'Chris Digital',
  netCostPence: 25_917_263,
  agreement: null,
  statements: [
    statement('cherwell', 'Cherwell District Council', 6_479_316, months(3_000_000, 3_479_316)),
    statement(
      'south-oxfordshire',
      'South Oxfordshire District Council',
      6_479_316,
      months(3_000_000, 3_000_000),
    ),
    statement(
      'vale-of-white-horse',
      'Vale of White Horse District Council',
      6_479_316,
      months(3_000_000, 4_000_000),
      500_000,
    ),
    statement('west-oxfordshire', 'West Oxfordshire District Council', 6_479_315, months(0, 0)),
  ],
};

describe.skipIf(!requireTool('libreoffice'))('the statements printed with LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'statements-print-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the Summary and each council’s statement on one A4 page each', async () => {
    const file = path.join(dir, 'statements.xlsx');
    await writeFile(
      file,
      await writtenBytes((out) => writeStatementsWorkbook(YEAR, 'Oxfordshire Digital Partnership', out)),
    );
    await convertWithLibreOffice(file, 'pdf', dir);
    const pdf = new Uint8Array(await readFile(path.join(dir, 'statements.pdf')));
    if (process.env['STATEMENTS_PDF']) await writeFile(process.env['STATEMENTS_PDF'], pdf);
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(5);
    for (const page of pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
    // The Summary: the dues add up to the net cost, £259,172.63.
    expect(pages[0]!.text).toContain('259,172.63');
    expect(pages[0]!.text).toContain('Cost shares 2025-26: not yet proposed');
    // Cherwell paid its due to the penny; South Oxfordshire £60,000.00 of £64,793.16: £4,793.16 to
    // invoice; the Vale £70,000.00 (£5,000.00 in kind): £5,206.84 to credit; West Oxfordshire nothing.
    expect(pages[1]!.text).toContain('Cherwell District Council');
    expect(pages[1]!.text).toContain('settled');
    expect(pages[2]!.text).toMatch(/Balance to invoice\s+£4,793\.16/);
    expect(pages[3]!.text).toMatch(/Balance to credit\s+£5,206\.84/);
    expect(pages[3]!.text).toMatch(/In-kind time\s+£5,000\.00/);
    expect(pages[4]!.text).toMatch(/Balance to invoice\s+£64,793\.15/);
  });
});
