// The year's statements workbook (DESIGN §10), print-ready: a Summary sheet and one sheet per council,
// each printed on one A4 page — its due, what it paid month by month, in kind, the balance to invoice or
// credit, and the agreement the dues rest on. Its words follow the partnership's language (DESIGN §12):
// both, Welsh first, when it is bilingual.
import { agreementLine, agreementState, type YearRecord } from '../../shared/agreements.js';
import { monthsOfFinancialYear } from '../../shared/dates.js';
import {
  inEach,
  localesOf,
  messagesIn,
  monthLabel,
  type Locale,
  type Messages,
  type PlainKey,
} from '../../shared/i18n/index.js';
import type { Language } from '../../shared/vocabulary.js';
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
  language?: Language,
): Promise<void> {
  const locales = localesOf(language);
  const each = (text: (m: Messages, locale: Locale) => string) =>
    inEach(locales, (locale) => text(messagesIn(locale), locale));
  const say = (key: PlainKey) => each((m) => m(key));
  const names = new Map(year.statements.map((s) => [s.council, s.name]));
  const line = each((_, locale) =>
    agreementLine(
      year.fy,
      year.agreement && agreementState(year.agreement),
      (c) => names.get(c) ?? c,
      ukDate,
      locale,
    ),
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
    [bold(each((m) => m('statements.title', { partnership: partnershipName, year: year.fy })))],
    [line],
    [
      each((m) =>
        m('statements.closed', {
          date: year.closedAt ? ukDate(year.closedAt) : '—',
          who: year.closedBy ?? '—',
        }),
      ),
    ],
    [],
    [
      bold(say('rollup.column.council')),
      bold(say('figure.due.label')),
      bold(say('figure.contributed.label')),
      bold(say('rollup.column.balance')),
      bold(say('statements.to')),
    ],
    ...year.statements.map((s) => [
      s.name,
      money(s.duePence),
      money(s.contributedPence),
      money(Math.abs(s.balancePence)),
      say(
        s.balancePence > 0
          ? 'statements.invoice'
          : s.balancePence < 0
            ? 'statements.credit'
            : 'statements.settled',
      ),
    ]),
    [
      bold(say('rollup.column.total')),
      money(totals.due),
      money(totals.contributed),
      money(totals.balance),
      '',
    ],
    [say('year.netCost'), money(year.netCostPence ?? totals.due)],
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
      [bold(each((m) => m('statements.council', { council: s.name, year: year.fy })))],
      [partnershipName],
      [line],
      [],
      [bold(say('figure.due.label')), money(s.duePence)],
      [],
      [bold(say('figure.received.label'))],
      ...months.map((month, k) => [
        each((_, locale) => monthLabel(locale, month)),
        money(s.monthlyPence[k]!),
      ]),
      [],
      [say('headline.cashPaid.label'), money(s.cashPaidPence)],
      [say('statements.inKindTime'), money(s.inKindPence)],
      [bold(say('figure.contributed.label')), money(s.contributedPence)],
      [],
      s.balancePence > 0
        ? [bold(say('statements.balanceToInvoice')), money(s.balancePence)]
        : s.balancePence < 0
          ? [bold(say('statements.balanceToCredit')), money(-s.balancePence)]
          : [bold(say('rollup.column.balance')), say('statements.settled')],
      [],
      [each((m) => m('statements.broughtForward', { year: previous })), money(s.broughtForwardPence)],
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
    title: each((m) => m('statements.bookTitle', { year: year.fy })),
    subject: each((m) => m('statements.bookSubject', { year: year.fy })),
    footer: `${partnershipName} · ${year.fy}`,
  });
}
