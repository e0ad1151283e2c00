// The year's statements workbook (DESIGN §10), print-ready: a Summary sheet and one sheet per council,
// each printed on one A4 page — its due, what it paid month by month, in kind, the balance to invoice or
// credit, and the agreement the dues rest on.
import { agreementLine, agreementState, type YearRecord } from '../../shared/agreements.js';
import { monthsOfFinancialYear, periodLabel } from '../../shared/dates.js';
import { penceToPounds } from '../../shared/money.js';
import { previousFinancialYear } from '../../shared/dates.js';
import { ukDate } from '../services/partnership-year.js';
import type { Cell, SheetSpec } from '../xlsx/write/index.js';
import { writeXlsx } from './write.js';

const MONEY = '£#,##0.00';
const money = (pence: number): Cell => ({ value: penceToPounds(pence), numberFormat: MONEY });
const bold = (value: string): Cell => ({ value, bold: true });

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetNames(names: readonly string[]): string[] {
  const used = new Set(['summary']);
  return names.map((name) => {
    const base = name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim();
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 27)} (${n})`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

export async function writeStatementsWorkbook(
  year: YearRecord,
  partnershipName: string,
  out: NodeJS.WritableStream,
): Promise<void> {
  const names = new Map(year.statements.map((s) => [s.council, s.name]));
  const line = agreementLine(
    year.fy,
    year.agreement && agreementState(year.agreement),
    (c) => names.get(c) ?? c,
    ukDate,
  );
  const months = monthsOfFinancialYear(year.fy);
  const previous = previousFinancialYear(year.fy);
  const totals = year.statements.reduce(
    (t, s) => ({
      due: t.due + s.duePence,
      contributed: t.contributed + s.contributedPence,
      balance: t.balance + s.balancePence,
    }),
    { due: 0, contributed: 0, balance: 0 },
  );
  const summaryRows: Cell[][] = [
    [bold(`${partnershipName}: statements for ${year.fy}`)],
    [line],
    [`Closed on ${year.closedAt ? ukDate(year.closedAt) : '—'} by ${year.closedBy ?? '—'}`],
    [],
    [bold('Council'), bold('Due for the year'), bold('Contributed to date'), bold('Balance'), bold('To')],
    ...year.statements.map((s) => [
      s.name,
      money(s.duePence),
      money(s.contributedPence),
      money(Math.abs(s.balancePence)),
      s.balancePence > 0 ? 'invoice' : s.balancePence < 0 ? 'credit' : 'settled',
    ]),
    [bold('Total'), money(totals.due), money(totals.contributed), money(totals.balance), ''],
    ['Net cost of the year', money(year.netCostPence ?? totals.due)],
  ];
  const summary: SheetSpec = {
    name: 'Summary',
    columns: [
      { header: '', width: 34 },
      { header: '', width: 18 },
      { header: '', width: 18 },
      { header: '', width: 16 },
      { header: '', width: 10 },
    ],
    header: false,
    rows: summaryRows,
    rowCount: summaryRows.length,
    printOnOnePage: true,
  };
  const sheets = sheetNames(year.statements.map((s) => s.name)).map((name, i): SheetSpec => {
    const s = year.statements[i]!;
    const rows: Cell[][] = [
      [bold(`${s.name}: statement for ${year.fy}`)],
      [partnershipName],
      [line],
      [],
      [bold('Due for the year'), money(s.duePence)],
      [],
      [bold('Contributed in the month')],
      ...months.map((m, k) => [periodLabel(m), money(s.monthlyPence[k]!)]),
      [],
      ['Cash paid', money(s.cashPaidPence)],
      ['In-kind time', money(s.inKindPence)],
      [bold('Contributed to date'), money(s.contributedPence)],
      [],
      s.balancePence > 0
        ? [bold('Balance to invoice'), money(s.balancePence)]
        : s.balancePence < 0
          ? [bold('Balance to credit'), money(-s.balancePence)]
          : [bold('Balance'), 'settled'],
      [],
      [
        `Brought forward from ${previous} (shown apart, not part of this year's due)`,
        money(s.broughtForwardPence),
      ],
    ];
    return {
      name,
      columns: [
        { header: '', width: 58, wrap: true },
        { header: '', width: 18 },
      ],
      header: false,
      rows,
      rowCount: rows.length,
      printOnOnePage: true,
    };
  });
  await writeXlsx([summary, ...sheets], out, {
    title: `Statements ${year.fy}`,
    subject: `Statements for ${year.fy}`,
    footer: `${partnershipName} · ${year.fy}`,
  });
}
