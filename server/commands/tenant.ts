// `shared-cdo tenant add --tenant-id T --council ID`, `tenant list`, `tenant remove ID`: a Microsoft 365
// organisation registered to a council, whose people then sign in as that council's users (DESIGN §9.1).
import type { Command } from 'commander';
import { newTenantSchema } from '../../shared/api.js';
import { commandLineActor } from '../auth/actors.js';
import { textTable } from '../mail/text.js';
import { unknownCouncil } from '../services/council-check.js';
import { fieldRefusal, recordNumber, RegistrationRefused, registrationFailures } from './registration.js';
import { say } from './cli-language.js';
import { runCommand, withStore } from './store-access.js';

export function register(program: Command): void {
  const tenant = program.command('tenant').description(say('cli.help.tenant'));
  tenant
    .command('add')
    .description(say('cli.help.tenant.add'))
    .requiredOption('--tenant-id <id>', say('cli.help.tenant.tenantId'))
    .requiredOption('--council <id>', say('cli.help.tenant.council'))
    .action((options: { tenantId: string; council: string }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const parsed = newTenantSchema.safeParse(options);
            if (!parsed.success) throw new RegistrationRefused(fieldRefusal(parsed.error.issues[0]!));
            const unknown = await unknownCouncil(store, parsed.data.council);
            if (unknown)
              throw new RegistrationRefused(say('cli.unknownCouncil', { council: parsed.data.council }));
            const added = await store.addTenant(parsed.data, commandLineActor(), new Date().toISOString());
            if (added.kind === 'exists')
              throw new RegistrationRefused(
                say('cli.tenant.exists', {
                  tenant: options.tenantId,
                  council: added.tenant.council,
                  id: added.tenant.id,
                }),
              );
            process.stdout.write(
              `${say('cli.tenant.registered', { id: added.tenant.id, tenant: options.tenantId, council: options.council })}\n`,
            );
          }),
        registrationFailures,
      ),
    );
  tenant
    .command('list')
    .description(say('cli.help.tenant.list'))
    .action(() =>
      runCommand(
        () =>
          withStore(async (store) => {
            const rows = (await store.listTenants()).map((t) => [
              String(t.id),
              t.tenantId,
              t.council,
              t.createdAt.slice(0, 10),
            ]);
            const columns = [
              say('cli.table.number'),
              say('cli.table.tenant'),
              say('cli.table.council'),
              say('cli.table.added'),
            ];
            process.stdout.write(`${textTable(columns, rows)}\n`);
          }),
        registrationFailures,
      ),
    );
  tenant
    .command('remove')
    .description(say('cli.help.tenant.remove'))
    .argument('<number>', say('cli.help.tenant.number'), recordNumber)
    .action((id: number) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const removed = await store.removeTenant(id, commandLineActor(), new Date().toISOString());
            if (!removed) throw new RegistrationRefused(say('cli.tenant.none', { id }));
            process.stdout.write(
              `${say('cli.tenant.removed', { id, tenant: removed.tenantId, council: removed.council })}\n`,
            );
          }),
        registrationFailures,
      ),
    );
}
