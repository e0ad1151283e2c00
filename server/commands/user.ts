// `shared-cdo user add --tenant-id T --email E --role ROLE [--council ID]`, `user list`, `user remove ID`:
// Microsoft 365 people with a role of their own (DESIGN §9.1).
import { Option, type Command } from 'commander';
import { newUserSchema } from '../../shared/api.js';
import { ROLES, type Role } from '../../shared/vocabulary.js';
import { commandLineActor } from '../auth/actors.js';
import { textTable } from '../mail/text.js';
import { spoken } from '../../shared/i18n/say.js';
import { unknownCouncil } from '../services/council-check.js';
import { recordNumber, RegistrationRefused, registrationFailures } from './registration.js';
import { runCommand, withStore } from './store-access.js';

export function register(program: Command): void {
  const user = program.command('user').description('Manage Microsoft 365 users and their roles');
  user
    .command('add')
    .description('Register a Microsoft 365 user with a role')
    .requiredOption('--tenant-id <id>', "The user's Microsoft 365 tenant ID (a GUID)")
    .requiredOption('--email <address>', 'Their sign-in name (preferred_username), matched without case')
    .addOption(new Option('--role <role>', 'What they may do').choices(ROLES).makeOptionMandatory())
    .option('--council <id>', 'The council of a council user (needed for the council role)')
    .action((options: { tenantId: string; email: string; role: Role; council?: string }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const parsed = newUserSchema.safeParse(options);
            if (!parsed.success) {
              const issue = parsed.error.issues[0]!;
              throw new RegistrationRefused(`--${optionName(String(issue.path[0]))}: ${issue.message}`);
            }
            const spec = parsed.data;
            if ((spec.role === 'council') !== (spec.council !== undefined))
              throw new RegistrationRefused(
                '--council: a council user, and only a council user, names their council',
              );
            const unknown = spec.council && (await unknownCouncil(store, spec.council));
            if (unknown) throw new RegistrationRefused(`--council ${spoken('en', unknown)}`);
            const added = await store.addUser(spec, commandLineActor(), new Date().toISOString());
            if (added.kind === 'exists')
              throw new RegistrationRefused(`${spec.email} of that tenant is user ${added.user.id} already.`);
            process.stdout.write(
              `Registered user ${added.user.id}: ${spec.email} of tenant ${spec.tenantId} as ${spec.role}` +
                `${spec.council ? ` for ${spec.council}` : ''}.\n`,
            );
          }),
        registrationFailures,
      ),
    );
  user
    .command('list')
    .description('List registered users')
    .action(() =>
      runCommand(
        () =>
          withStore(async (store) => {
            const rows = (await store.listUsers()).map((u) => [
              String(u.id),
              u.email,
              u.tenantId,
              u.role,
              u.council ?? '',
              u.createdAt.slice(0, 10),
            ]);
            process.stdout.write(
              `${textTable(['Number', 'Sign-in name', 'Tenant', 'Role', 'Council', 'Added'], rows)}\n`,
            );
          }),
        registrationFailures,
      ),
    );
  user
    .command('remove')
    .description('Remove a registered user (their number is in `user list`)')
    .argument('<number>', 'The user number', recordNumber)
    .action((id: number) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const removed = await store.removeUser(id, commandLineActor(), new Date().toISOString());
            if (!removed) throw new RegistrationRefused(`There is no user number ${id} (see \`user list\`).`);
            process.stdout.write(`Removed user ${id}: ${removed.email} of tenant ${removed.tenantId}.\n`);
          }),
        registrationFailures,
      ),
    );
}

const optionName = (key: string): string => (key === 'tenantId' ? 'tenant-id' : key);
