// The year's statements workbook of a Welsh partnership (DESIGN §12): its words in Welsh, or Welsh then
// English when bilingual; sheet names, council names and every figure as in English.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Statement, YearRecord } from '../../../shared/agreements.js';
import { CY, EN } from '../../../shared/i18n/index.js';
import type { Language } from '../../../shared/vocabulary.js';
import { writeStatementsWorkbook } from '../../../server/workbook/write-statements.js';
import { writtenBytes } from '../../helpers/xlsx.js';

const statement = (council: string, name: string, duePence: number, paid: number): Statement => ({
  council,
  name,
  membership: 'Member',
  duePence,
  cashPaidPence: paid,
  inKindPence: 0,
  contributedPence: paid,
  balancePence: duePence - paid,
  monthlyPence: [paid, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  broughtForwardPence: 0,
});

const YEAR: YearRecord = {
  fy: '2025-26',
  status: 'closed',
  closedAt: '2026-04-14T09:00:00.000Z',
  closedBy: 'Chris Digital',
  netCostPence: 2_000_000,
  agreement: null,
  statements: [
    statement('cardiff', 'Cardiff Council', 1_000_000, 1_200_000),
    statement('gwynedd', 'Cyngor Gwynedd', 1_000_000, 400_000),
  ],
};

async function sheets(language?: Language): Promise<Map<string, unknown[][]>> {
  const bytes = await writtenBytes((out) =>
    writeStatementsWorkbook(YEAR, 'Partneriaeth Ddigidol', out, language),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return new Map(
    book.worksheets.map((w) => [
      w.name,
      (w.getSheetValues() as unknown[][])
        .filter(Boolean)
        .map((r) => r.slice(1).map((c) => (c as { richText?: unknown })?.richText ?? c)),
    ]),
  );
}

const texts = (book: Map<string, unknown[][]>): string[] =>
  [...book.values()].flat(2).filter((c): c is string => typeof c === 'string');
const numbers = (book: Map<string, unknown[][]>): number[] =>
  [...book.values()].flat(2).filter((c): c is number => typeof c === 'number');

describe('the statements workbook in Welsh', () => {
  it('writes its words in Welsh, then English when bilingual, with the same sheets and figures', async () => {
    const [english, welsh, bilingual] = await Promise.all([sheets(), sheets('Cymraeg'), sheets('Bilingual')]);
    for (const book of [welsh, bilingual]) {
      expect([...book.keys()]).toEqual([...english.keys()]);
      expect(numbers(book)).toEqual(numbers(english));
    }
    const gwynedd = (book: Map<string, unknown[][]>) => texts(new Map([['', book.get('Cyngor Gwynedd')!]]));
    expect(gwynedd(english)).toContain(EN['statements.balanceToInvoice']);
    expect(gwynedd(welsh)).toContain(CY['statements.balanceToInvoice'].text);
    expect(gwynedd(welsh)).not.toContain(EN['statements.balanceToInvoice']);
    expect(gwynedd(welsh)).toContain('Ebrill 2025');
    expect(gwynedd(bilingual)).toContain(
      `${CY['statements.balanceToInvoice'].text} / ${EN['statements.balanceToInvoice']}`,
    );
    expect(gwynedd(bilingual)).toContain('Ebrill 2025 / April 2025');
    expect(texts(welsh)).toContain(
      `${CY['statements.title'].text.replace('{partnership}', 'Partneriaeth Ddigidol').replace('{year}', '2025-26')}`,
    );
    // No text of the English workbook is left in the Welsh one, but the names (the same in both).
    const names = ['Cardiff Council', 'Cyngor Gwynedd', 'Partneriaeth Ddigidol'];
    const englishTexts = texts(english).filter((t) => !names.includes(t));
    expect(englishTexts.length).toBeGreaterThan(10);
    expect(texts(welsh).filter((t) => englishTexts.includes(t))).toEqual([]);
  });
});
