// `shared-cdo audit [--since DATE] [--csv]`: the audit trail, oldest first, as lines to read or as the
// same CSV that GET /api/v1/audit answers.
import { InvalidArgumentError, type Command } from 'commander';
import type { AuditEntry } from '../../shared/api.js';
import { AUDIT_PAGE, auditCsv, auditTimeSchema, startOf } from '../services/audit-trail.js';
import { runCommand, withStore } from './store-access.js';

function since(text: string): string {
  if (!auditTimeSchema.safeParse(text).success)
    throw new InvalidArgumentError('a date (YYYY-MM-DD) or an instant (2026-11-01T09:30:00Z)');
  return startOf(text);
}

export function register(program: Command): void {
  program
    .command('audit')
    .description('Print the audit trail: every change and every refused write, oldest first')
    .option('--since <date>', 'Only entries from this day (UTC) or instant on', since)
    .option('--csv', 'Print CSV (as GET /api/v1/audit with Accept: text/csv)')
    .action((options: { since?: string; csv?: boolean }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            let after: number | undefined;
            let first = true;
            for (;;) {
              const page = await store.auditEntries({
                ...(options.since ? { from: options.since } : {}),
                ...(after !== undefined ? { after } : {}),
                limit: AUDIT_PAGE.max,
              });
              if (page.length === 0) break;
              process.stdout.write(options.csv ? auditCsv(page, first) : page.map(line).join(''));
              first = false;
              after = page.at(-1)!.id;
            }
            if (first && options.csv) process.stdout.write(auditCsv([], true));
          }),
        () => undefined,
      ),
    );
}

/** `2026-11-20T10:00:00.000Z 201 submission.create cherwell 2026-10 submission 5 (version 2) — by Jo (token 3)` */
function line(e: AuditEntry): string {
  const where = [e.council, e.period, e.target].filter(Boolean).join(' ');
  const who = e.actor.id
    ? `${e.actor.label} (${e.actor.via} ${e.actor.id})`
    : `${e.actor.label} (${e.actor.via})`;
  return `${e.at} ${e.status} ${e.action}${where ? ` ${where}` : ''} — by ${who}\n`;
}
