// "Check mine against theirs": after someone else submitted a newer version, the user's rows and
// theirs compared sheet by sheet, rows paired by the sheet's row key (as the receipt pairs them), so
// the user can decide whether to load theirs or redo their changes on top of it.
import { COUNCIL_LAYOUTS, COUNCIL_SHEET_KEYS } from '../../../shared/sheets/index.js';
import type { CouncilSubmission } from '../../../shared/schemas.js';
import { h } from './dom.js';
import { t } from '../words.js';

export interface SheetComparison {
  sheet: string;
  /** Rows by their key as a person reads it (the key's cells joined by " · "). */
  onlyMine: string[];
  onlyTheirs: string[];
  different: string[];
}

type Row = Record<string, unknown>;

export function compareSubmissions(mine: CouncilSubmission, theirs: CouncilSubmission): SheetComparison[] {
  return COUNCIL_LAYOUTS.map((layout) => {
    const field = COUNCIL_SHEET_KEYS[layout.sheet as keyof typeof COUNCIL_SHEET_KEYS];
    const keyOf = (row: Row) => layout.rowKey.map((k) => String(row[k] ?? '')).join(' · ');
    const index = (rows: readonly Row[]) => new Map(rows.map((row) => [keyOf(row).toLowerCase(), row]));
    const a = index(mine[field] as readonly Row[]);
    const b = index(theirs[field] as readonly Row[]);
    const comparison: SheetComparison = { sheet: layout.sheet, onlyMine: [], onlyTheirs: [], different: [] };
    for (const [key, row] of a) {
      const other = b.get(key);
      if (!other) comparison.onlyMine.push(keyOf(row));
      else if (JSON.stringify(row) !== JSON.stringify(other)) comparison.different.push(keyOf(row));
    }
    for (const [key, row] of b) if (!a.has(key)) comparison.onlyTheirs.push(keyOf(row));
    return comparison;
  });
}

/** The comparison as a table of counts, with the rows named under it. */
export function comparisonView(comparisons: readonly SheetComparison[], version: number): HTMLElement {
  const named = (label: string, keys: readonly string[]) =>
    keys.length ? h('li', {}, `${label}: ${keys.join('; ')}`) : null;
  const same = comparisons.every((c) => !c.onlyMine.length && !c.onlyTheirs.length && !c.different.length);
  return h(
    'section',
    { class: 'comparison', 'aria-label': t('pane.compare.title', { version }) },
    h('h3', {}, t('pane.compare.title', { version })),
    same
      ? h('p', {}, t('pane.compare.same', { version }))
      : h(
          'table',
          { class: 'compact' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('pane.table.sheet')),
              h('th', { scope: 'col' }, t('pane.compare.onlyYours')),
              h('th', { scope: 'col' }, t('pane.compare.onlyTheirs')),
              h('th', { scope: 'col' }, t('pane.compare.different')),
            ),
          ),
          h(
            'tbody',
            {},
            ...comparisons.map((c) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, c.sheet),
                h('td', {}, String(c.onlyMine.length)),
                h('td', {}, String(c.onlyTheirs.length)),
                h('td', {}, String(c.different.length)),
              ),
            ),
          ),
        ),
    ...comparisons.map((c) => {
      const lines = [
        named(t('pane.compare.onlyYours'), c.onlyMine),
        named(t('pane.compare.onlyTheirs'), c.onlyTheirs),
        named(t('pane.compare.different'), c.different),
      ];
      return lines.some(Boolean)
        ? h('div', {}, h('h4', {}, c.sheet), h('ul', { class: 'plain' }, ...lines))
        : null;
    }),
  );
}
