// `shared-cdo tenant add --tenant-id T --council ID`, `tenant list`, `tenant remove ID`: a Microsoft 365
// organisation registered to a council, whose people then sign in as that council's users (DESIGN §9.1).
import type { Command } from 'commander';
import { newTenantSchema } from '../../shared/api.js';
import { commandLineActor } from '../auth/actors.js';
import { textTable } from '../mail/text.js';
import { spoken } from '../../shared/i18n/say.js';
import { unknownCouncil } from '../services/council-check.js';
import { recordNumber, RegistrationRefused, registrationFailures } from './registration.js';
import { runCommand, withStore } from './store-access.js';

export function register(program: Command): void {
  const tenant = program.command('tenant').description('Manage Microsoft 365 organisations of the councils');
  tenant
    .command('add')
    .description("Register a council's Microsoft 365 organisation: its people sign in as that council")
    .requiredOption('--tenant-id <id>', "The organisation's Microsoft 365 tenant ID (a GUID)")
    .requiredOption('--council <id>', 'The council it belongs to')
    .action((options: { tenantId: string; council: string }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const parsed = newTenantSchema.safeParse(options);
            if (!parsed.success) {
              const issue = parsed.error.issues[0]!;
              const option = issue.path[0] === 'tenantId' ? 'tenant-id' : String(issue.path[0]);
              throw new RegistrationRefused(`--${option}: ${issue.message}`);
            }
            const unknown = await unknownCouncil(store, parsed.data.council);
            if (unknown) throw new RegistrationRefused(`--council ${spoken('en', unknown)}`);
            const added = await store.addTenant(parsed.data, commandLineActor(), new Date().toISOString());
            if (added.kind === 'exists')
              throw new RegistrationRefused(
                `Tenant ${options.tenantId} is registered to ${added.tenant.council} already (tenant ${added.tenant.id}).`,
              );
            process.stdout.write(
              `Registered tenant ${added.tenant.id}: ${options.tenantId} for ${options.council}.\n`,
            );
          }),
        registrationFailures,
      ),
    );
  tenant
    .command('list')
    .description('List registered organisations')
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
            process.stdout.write(`${textTable(['Number', 'Tenant', 'Council', 'Added'], rows)}\n`);
          }),
        registrationFailures,
      ),
    );
  tenant
    .command('remove')
    .description('Remove a registered organisation (its number is in `tenant list`)')
    .argument('<number>', 'The tenant number', recordNumber)
    .action((id: number) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const removed = await store.removeTenant(id, commandLineActor(), new Date().toISOString());
            if (!removed)
              throw new RegistrationRefused(`There is no tenant number ${id} (see \`tenant list\`).`);
            process.stdout.write(`Removed tenant ${id}: ${removed.tenantId} of ${removed.council}.\n`);
          }),
        registrationFailures,
      ),
    );
}
