// What the pane shows after an action: problems grouped by sheet (each a link to its cell), the
// receipt of a submission, the status board, the consolidated view's headline figures and what changed
// since the month compared with.
import type { StatusBoard, SubmissionReceipt } from '../../../shared/api.js';
import { dateLabel, periodLabel } from '../../../shared/dates.js';
import { HEADLINE_WORDS, REVIEW_WORDS } from '../../../shared/glossary.js';
import { formatPounds } from '../../../shared/money.js';
import { buildReport, CHANGE_LABELS, changeRows } from '../../../shared/report/index.js';
import type { ConsolidatedView } from '../../../shared/schemas.js';
import type { CellTarget, LocatedProblem } from '../excel/index.js';
import { h } from './dom.js';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', note: 'Note' } as const;
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
      const counts = [
        errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
        warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return h(
        'section',
        { class: 'sheet-problems', 'aria-label': `${sheet} problems` },
        h('h3', {}, sheet, counts ? h('span', { class: 'counts' }, ` — ${counts}`) : null),
        h(
          'ul',
          {},
          ...list.slice(0, MAX_LISTED_PER_SHEET).map(({ problem, target }) => {
            const where = [problem.row !== null ? `Row ${problem.row}` : '', problem.column ?? '']
              .filter(Boolean)
              .join(', ');
            const text = h(
              'span',
              {},
              h('span', { class: `severity ${problem.severity}` }, SEVERITY_LABEL[problem.severity]),
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
                      title: `Go to ${target.sheet}!${target.address}`,
                      onclick: () => goTo(target),
                    },
                    text,
                  )
                : text,
            );
          }),
          list.length > MAX_LISTED_PER_SHEET
            ? h('li', {}, `… and ${list.length - MAX_LISTED_PER_SHEET} more on this sheet.`)
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
    { class: 'receipt', 'aria-label': 'Receipt' },
    h('h3', {}, `Version ${receipt.version} received`),
    h(
      'p',
      {},
      `${periodLabel(receipt.period)} return for ${councilName}, received ${new Date(receipt.submittedAt).toLocaleString('en-GB')}.`,
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
          h('th', {}, 'Sheet'),
          h('th', {}, 'Added'),
          h('th', {}, 'Changed'),
          h('th', {}, 'Removed'),
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
          `${receipt.warnings.length} warning${receipt.warnings.length === 1 ? '' : 's'} recorded with this version:`,
        )
      : h('p', {}, 'No warnings.'),
  );
}

export function statusBoardView(board: StatusBoard): HTMLElement {
  const submitted = board.councils.filter((c) => c.submitted).length;
  return h(
    'section',
    { class: 'status-board', 'aria-label': 'Status board' },
    h('h3', {}, `${periodLabel(board.period)}: ${submitted} of ${board.councils.length} returned`),
    h('p', {}, `Due ${dateLabel(board.deadline)}.`, board.locked ? ' This period is locked.' : ''),
    h(
      'table',
      { class: 'compact' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Council'), h('th', {}, 'Return'), h('th', {}, 'Review'))),
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
              c.membership === 'Observer' ? h('span', { class: 'muted' }, ' (observer)') : null,
            ),
            h(
              'td',
              {},
              c.submitted
                ? `v${c.version} ${c.submittedAt ? dateLabel(c.submittedAt) : ''}${c.submittedBy ? ` by ${c.submittedBy}` : ''}`
                : c.late
                  ? h('span', { class: 'late' }, 'Late')
                  : 'Not yet',
            ),
            h('td', {}, c.review === null ? '—' : REVIEW_WORDS[c.review]),
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
  const title = HEADLINE_WORDS.title(periodLabel(view.period));
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
          h('th', { scope: 'col' }, HEADLINE_WORDS.figure),
          // Over the amounts, aligned with them.
          h('th', { scope: 'col', class: 'amount' }, HEADLINE_WORDS.amount),
        ),
      ),
      h(
        'tbody',
        {},
        ...buildReport(view).headline.map((figure) =>
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
      { class: 'changes', 'aria-label': 'Changes' },
      h('h3', {}, 'Changes'),
      h(
        'p',
        {},
        `${periodLabel(view.period)} is the first month of the financial year ${view.financialYear}, so there is no earlier month to compare it with.`,
      ),
    );
  }
  const rows = changeRows(view);
  const count = `${rows.length} change${rows.length === 1 ? '' : 's'}`;
  return h(
    'section',
    { class: 'changes', 'aria-label': `Changes since ${periodLabel(since)}` },
    h('h3', {}, `Since ${periodLabel(since)}: ${count}`),
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
              h('th', { scope: 'col' }, 'Change'),
              h('th', { scope: 'col' }, 'Item'),
              h('th', { scope: 'col' }, 'Detail'),
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
                  row.change !== CHANGE_LABELS.received &&
                    row.change !== CHANGE_LABELS.firstReturn &&
                    row.item !== row.name
                    ? h('span', { class: 'muted' }, ` (${row.item})`)
                    : null,
                ),
                h(
                  'td',
                  {},
                  row.receivedPence !== undefined
                    ? `${formatPounds(row.receivedPence)}${row.restatedPence ? `; earlier months restated by ${formatPounds(row.restatedPence)}` : ''}`
                    : row.from !== undefined && row.to !== undefined
                      ? `${row.from} → ${row.to}`
                      : (row.to ?? row.from ?? ''),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, 'Nothing changed.'),
    rows.length > MAX_LISTED_CHANGES
      ? h('p', {}, `… and ${rows.length - MAX_LISTED_CHANGES} more on the ${sheet} sheet.`)
      : null,
    h(
      'div',
      { class: 'inline-actions' },
      h(
        'fluent-button',
        { id: 'go-to-changes', type: 'button', onclick: () => goTo({ sheet, address: 'A1' }) },
        `Go to the ${sheet} sheet`,
      ),
    ),
  );
}
