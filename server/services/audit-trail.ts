// Reading the audit trail, the same way for GET /api/v1/audit and `shared-cdo audit`: time bounds
// given as a date or an instant, and the CSV layout.
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { AuditEntry } from '../../shared/api.js';

/** A day (`2026-11-01`, whole days in UTC) or an instant (`2026-11-01T09:30:00Z`). */
export const auditTimeSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const DAY_MS = 86_400_000;

/** The first instant a `from` bound lets in. */
export const startOf = (time: string): string =>
  time.length === 10 ? `${time}T00:00:00.000Z` : new Date(time).toISOString();

/** The first instant after a `to` bound: a day is included whole, an instant itself too. */
export const endOf = (time: string): string =>
  new Date(Date.parse(startOf(time)) + (time.length === 10 ? DAY_MS : 1)).toISOString();

/** A page holds at most this many entries. */
export const AUDIT_PAGE = { default: 100, max: 1000 } as const;

const CSV_COLUMNS = [
  'id',
  'at',
  'actor_via',
  'actor_id',
  'actor_label',
  'action',
  'council',
  'period',
  'target',
  'status',
] as const;

/** CSV rows (with the header line first when asked), quoted where needed. */
export function auditCsv(entries: readonly AuditEntry[], withHeader: boolean): string {
  return stringify(
    entries.map((e) => [
      e.id,
      e.at,
      e.actor.via,
      e.actor.id,
      e.actor.label,
      e.action,
      e.council ?? '',
      e.period ?? '',
      e.target ?? '',
      e.status,
    ]),
    {
      header: withHeader,
      columns: [...CSV_COLUMNS],
      // Labels and targets are typed by people: one that starts like a formula stays text in a spreadsheet.
      cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
    },
  );
}
