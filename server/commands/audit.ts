// `shared-cdo audit [--since DATE] [--csv]`: the audit trail, oldest first, as lines to read or as the
// same CSV that GET /api/v1/audit answers.
import { InvalidArgumentError, type Command } from 'commander';
import type { AuditEntry } from '../../shared/api.js';
import { AUDIT_PAGE, auditCsv, auditTimeSchema, startOf } from '../services/audit-trail.js';
import { say } from './cli-language.js';
import { runCommand, withStore } from './store-access.js';

function since(text: string): string {
  if (!auditTimeSchema.safeParse(text).success) throw new InvalidArgumentError(say('cli.value.auditSince'));
  return startOf(text);
}

export function register(program: Command): void {
  program
    .command('audit')
    .description(say('cli.help.audit'))
    .option('--since <date>', say('cli.help.audit.since'), since)
    .option('--csv', say('cli.help.audit.csv'))
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
  return `${say('cli.audit.line', { entry: `${e.at} ${e.status} ${e.action}${where ? ` ${where}` : ''}`, who })}\n`;
}
