// What the pane shows after an action: problems grouped by sheet (each a link to its cell), the
// receipt of a submission, the status board, the consolidated view's headline figures and what changed
// since the month compared with.
import type { StatusBoard, SubmissionReceipt } from '../../../shared/api.js';
import { dateLabel } from '../../../shared/dates.js';
import { headlineWords, reviewWords } from '../../../shared/glossary.js';
import { formatPounds } from '../../../shared/money.js';
import { changeLabels } from '../../../shared/report/changes.js';
import { buildReport, changeRows } from '../../../shared/report/index.js';
import type { PlainKey } from '../../../shared/i18n/index.js';
import type { ConsolidatedView } from '../../../shared/schemas.js';
import type { CellTarget, LocatedProblem } from '../excel/index.js';
import { h } from './dom.js';
import { errorCount, monthName, paneLanguage, t, warningCount } from '../words.js';

const SEVERITY_WORDS = {
  error: 'pane.severity.error',
  warning: 'pane.severity.warning',
  note: 'pane.severity.note',
} as const satisfies Record<LocatedProblem['problem']['severity'], PlainKey>;
/** A list longer than this is cut, with a line saying how many more there are. */
const MAX_LISTED_PER_SHEET = 200;

export function problemList(
  problems: readonly LocatedProblem[],
  goTo: (target: CellTarget) => void,
): HTMLElement {
  const bySheet = new Map<string, LocatedProblem[]>();
  for (const p of problems) bySheet.set(p.problem.sheet, [...(bySheet.get(p.problem.sheet) ?? []), p]);
  return h(
    'div',
    { class: 'problems' },
    ...[...bySheet.entries()].map(([sheet, list]) => {
      const errors = list.filter((p) => p.problem.severity === 'error').length;
      const warnings = list.filter((p) => p.problem.severity === 'warning').length;
      const counts = [errors ? errorCount(errors) : '', warnings ? warningCount(warnings) : '']
        .filter(Boolean)
        .join(', ');
      return h(
        'section',
        { class: 'sheet-problems', 'aria-label': t('pane.problems.label', { sheet }) },
        h('h3', {}, sheet, counts ? h('span', { class: 'counts' }, ` — ${counts}`) : null),
        h(
          'ul',
          {},
          ...list.slice(0, MAX_LISTED_PER_SHEET).map(({ problem, target }) => {
            const where = [
              problem.row !== null ? t('pane.problems.row', { row: problem.row }) : '',
              problem.column ?? '',
            ]
              .filter(Boolean)
              .join(', ');
            const text = h(
              'span',
              {},
              h('span', { class: `severity ${problem.severity}` }, t(SEVERITY_WORDS[problem.severity])),
              ' ',
              where ? h('strong', {}, `${where}: `) : null,
              problem.message,
            );
            return h(
              'li',
              { 'data-severity': problem.severity },
              target
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'cell-link',
                      title: t('pane.problems.goTo', { cell: `${target.sheet}!${target.address}` }),
                      onclick: () => goTo(target),
                    },
                    text,
                  )
                : text,
            );
          }),
          list.length > MAX_LISTED_PER_SHEET
            ? h('li', {}, t('pane.problems.more', { count: list.length - MAX_LISTED_PER_SHEET }))
            : null,
        ),
      );
    }),
  );
}

export function receiptView(receipt: SubmissionReceipt, councilName: string): HTMLElement {
  const sheets = Object.entries(receipt.changes);
  return h(
    'section',
    { class: 'receipt', 'aria-label': t('pane.receipt') },
    h('h3', {}, t('pane.receipt.title', { version: receipt.version })),
    h(
      'p',
      {},
      t('pane.receipt.line', {
        month: monthName(receipt.period),
        council: councilName,
        when: new Date(receipt.submittedAt).toLocaleString('en-GB'),
      }),
    ),
    h(
      'table',
      { class: 'compact' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, t('pane.table.sheet')),
          h('th', {}, t('pane.table.added')),
          h('th', {}, t('pane.table.changed')),
          h('th', {}, t('pane.table.removed')),
        ),
      ),
      h(
        'tbody',
        {},
        ...sheets.map(([sheet, c]) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, sheet),
            h('td', {}, String(c.added)),
            h('td', {}, String(c.changed)),
            h('td', {}, String(c.removed)),
          ),
        ),
      ),
    ),
    receipt.warnings.length
      ? h(
          'p',
          {},
          receipt.warnings.length === 1
            ? t('pane.receipt.warningsOne', { count: 1 })
            : t('pane.receipt.warningsMany', { count: receipt.warnings.length }),
        )
      : h('p', {}, t('pane.receipt.noWarnings')),
  );
}

export function statusBoardView(board: StatusBoard): HTMLElement {
  const submitted = board.councils.filter((c) => c.submitted).length;
  const review = reviewWords(paneLanguage());
  return h(
    'section',
    { class: 'status-board', 'aria-label': t('pane.statusBoard') },
    h(
      'h3',
      {},
      t('pane.status.title', { month: monthName(board.period), submitted, total: board.councils.length }),
    ),
    h(
      'p',
      {},
      t('pane.status.due', { date: dateLabel(board.deadline) }),
      board.locked ? t('pane.status.locked') : '',
    ),
    h(
      'table',
      { class: 'compact' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, t('pane.council')),
          h('th', {}, t('pane.status.return')),
          h('th', {}, t('pane.status.review')),
        ),
      ),
      h(
        'tbody',
        {},
        ...board.councils.map((c) =>
          h(
            'tr',
            { 'data-late': c.late ? 'true' : undefined },
            h(
              'th',
              { scope: 'row' },
              c.name,
              c.membership === 'Observer' ? h('span', { class: 'muted' }, t('pane.status.observer')) : null,
            ),
            h(
              'td',
              {},
              c.submitted
                ? `v${c.version} ${c.submittedAt ? dateLabel(c.submittedAt) : ''}${c.submittedBy ? t('pane.status.by', { person: c.submittedBy }) : ''}`
                : c.late
                  ? h('span', { class: 'late' }, t('pane.status.late'))
                  : t('pane.status.notYet'),
            ),
            h('td', {}, c.review === null ? '—' : review[c.review]),
          ),
        ),
      ),
    ),
  );
}

/**
 * The consolidated view's headline figures, as the Summary sheet states them (shared/report): each with
 * the glossary's label and its one line, the money as the pane writes money.
 */
export function headlineView(view: ConsolidatedView): HTMLElement {
  const words = headlineWords(paneLanguage());
  const title = words.title(monthName(view.period));
  return h(
    'section',
    { class: 'headline', 'aria-label': title },
    h(
      'table',
      { class: 'compact figures' },
      h('caption', {}, title),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, words.figure),
          // Over the amounts, aligned with them.
          h('th', { scope: 'col', class: 'amount' }, words.amount),
        ),
      ),
      h(
        'tbody',
        {},
        ...buildReport(view, paneLanguage()).headline.map((figure) =>
          h(
            'tr',
            { 'data-figure': figure.key },
            h(
              'th',
              { scope: 'row' },
              h('span', { class: 'figure-label' }, figure.label),
              h('span', { class: 'figure-note' }, figure.note),
            ),
            h('td', {}, formatPounds(figure.pence)),
          ),
        ),
      ),
    ),
  );
}

/** Changes listed in the pane; the Changes sheet holds every row. */
const MAX_LISTED_CHANGES = 50;

/**
 * The Changes table in the pane: the rows (and words) of the Changes sheet, from shared/report, with
 * a link to the sheet. In April there is no earlier month of the year to compare with.
 */
export function changesView(
  view: ConsolidatedView,
  sheet: string,
  goTo: (target: CellTarget) => void,
): HTMLElement {
  const { since } = view.changes;
  if (since === null) {
    return h(
      'section',
      { class: 'changes', 'aria-label': t('pane.changes') },
      h('h3', {}, t('pane.changes')),
      h('p', {}, t('pane.changes.firstMonth', { month: monthName(view.period), year: view.financialYear })),
    );
  }
  const rows = changeRows(view, [paneLanguage()]);
  const labels = changeLabels([paneLanguage()]);
  const count =
    rows.length === 1
      ? t('pane.changes.countOne', { count: 1 })
      : t('pane.changes.countMany', { count: rows.length });
  return h(
    'section',
    { class: 'changes', 'aria-label': t('pane.changes.label', { month: monthName(since) }) },
    h('h3', {}, t('pane.changes.title', { month: monthName(since), count })),
    rows.length
      ? h(
          'table',
          { class: 'compact' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('pane.changes.change')),
              h('th', { scope: 'col' }, t('pane.changes.item')),
              h('th', { scope: 'col' }, t('pane.changes.detail')),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.slice(0, MAX_LISTED_CHANGES).map((row) =>
              h(
                'tr',
                {},
                h('td', {}, row.change),
                h(
                  'th',
                  { scope: 'row' },
                  row.name,
                  // A project's ID is how people refer to it; a council's ID would be noise.
                  row.change !== labels.received && row.change !== labels.firstReturn && row.item !== row.name
                    ? h('span', { class: 'muted' }, ` (${row.item})`)
                    : null,
                ),
                h(
                  'td',
                  {},
                  row.receivedPence !== undefined
                    ? row.restatedPence
                      ? t('pane.changes.restated', {
                          received: formatPounds(row.receivedPence),
                          restated: formatPounds(row.restatedPence),
                        })
                      : formatPounds(row.receivedPence)
                    : row.from !== undefined && row.to !== undefined
                      ? `${row.from} → ${row.to}`
                      : (row.to ?? row.from ?? ''),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, t('pane.changes.nothing')),
    rows.length > MAX_LISTED_CHANGES
      ? h('p', {}, t('pane.changes.more', { count: rows.length - MAX_LISTED_CHANGES, sheet }))
      : null,
    h(
      'div',
      { class: 'inline-actions' },
      h(
        'fluent-button',
        { id: 'go-to-changes', type: 'button', onclick: () => goTo({ sheet, address: 'A1' }) },
        t('pane.changes.goTo', { sheet }),
      ),
    ),
  );
}
