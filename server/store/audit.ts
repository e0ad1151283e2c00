// The audit trail (DESIGN §9.3): one append-only row per thing done or refused. Store writes append their
// row inside their own transaction (`audit`); what happens outside a store write is recorded on its own.
import { sql, type Kysely } from 'kysely';
import type { Actor, AuditEntry } from '../../shared/api.js';
import { camelCased, type Database } from './schema.js';

/** One row for the audit trail (DESIGN §9.3). */
export interface AuditRecord {
  at: string;
  actor: Actor;
  action: string;
  council?: string;
  period?: string;
  target?: string;
  /** The HTTP status of the outcome. */
  status: number;
  detail?: object;
}

export interface AuditFilter {
  /** ISO instants: `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  council?: string;
  action?: string;
  /** Entries after this id (the previous page's `next`). */
  after?: number;
  /** Entries whose actor or target contains one of these, in any case (a subject access request). */
  mentioning?: readonly string[];
  limit: number;
}

/** Appends one audit row, inside the caller's transaction when given one. */
export async function audit(db: Kysely<Database>, entry: AuditRecord): Promise<void> {
  await camelCased(db)
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actorVia: entry.actor.via,
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      council: entry.council ?? null,
      period: entry.period ?? null,
      target: entry.target ?? '',
      status: entry.status,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

export function auditTrail(db: Kysely<Database>) {
  const rows = camelCased(db);
  return {
    /** Records what happened outside a store write: a refused request, an e-mail sent. */
    async recordAudit(entry: AuditRecord): Promise<void> {
      await audit(db, entry);
    },

    /** Audit entries oldest first, filtered, one page at a time. */
    async auditEntries(filter: AuditFilter): Promise<AuditEntry[]> {
      let query = rows
        .selectFrom('audit_log')
        .select([
          'id',
          'at',
          'actorVia',
          'actorId',
          'actorLabel',
          'action',
          'council',
          'period',
          'target',
          'status',
        ]);
      if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('at', '<', filter.to);
      if (filter.council !== undefined) query = query.where('council', '=', filter.council);
      if (filter.action !== undefined) query = query.where('action', '=', filter.action);
      if (filter.after !== undefined) query = query.where('id', '>', filter.after);
      if (filter.mentioning !== undefined) {
        const patterns = filter.mentioning.map((m) => `%${m.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
        query = query.where(({ or }) =>
          or(
            patterns.flatMap((p) => [
              sql<boolean>`lower(actor_label) like ${p} escape '\\'`,
              sql<boolean>`lower(target) like ${p} escape '\\'`,
            ]),
          ),
        );
      }
      const entries = await query.orderBy('id').limit(filter.limit).execute();
      return entries.map((r) => ({
        id: r.id,
        at: r.at,
        actor: { via: r.actorVia as Actor['via'], id: r.actorId, label: r.actorLabel },
        action: r.action,
        ...(r.council !== null ? { council: r.council } : {}),
        ...(r.period !== null ? { period: r.period } : {}),
        ...(r.target !== '' ? { target: r.target } : {}),
        status: r.status,
      }));
    },
  };
}
