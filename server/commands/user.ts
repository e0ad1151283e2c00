// `shared-cdo user add --tenant-id T --email E --role ROLE [--council ID]`, `user list`, `user remove ID`:
// Microsoft 365 people with a role of their own (DESIGN §9.1).
import { Option, type Command } from 'commander';
import { newUserSchema } from '../../shared/api.js';
import { ROLES, type Role } from '../../shared/vocabulary.js';
import { commandLineActor } from '../auth/actors.js';
import { textTable } from '../mail/text.js';
import { unknownCouncil } from '../services/council-check.js';
import { fieldRefusal, recordNumber, RegistrationRefused, registrationFailures } from './registration.js';
import { say } from './cli-language.js';
import { runCommand, withStore } from './store-access.js';

export function register(program: Command): void {
  const user = program.command('user').description(say('cli.help.user'));
  user
    .command('add')
    .description(say('cli.help.user.add'))
    .requiredOption('--tenant-id <id>', say('cli.help.user.tenantId'))
    .requiredOption('--email <address>', say('cli.help.user.email'))
    .addOption(new Option('--role <role>', say('cli.help.user.role')).choices(ROLES).makeOptionMandatory())
    .option('--council <id>', say('cli.help.user.council'))
    .action((options: { tenantId: string; email: string; role: Role; council?: string }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const parsed = newUserSchema.safeParse(options);
            if (!parsed.success) throw new RegistrationRefused(fieldRefusal(parsed.error.issues[0]!));
            const spec = parsed.data;
            if ((spec.role === 'council') !== (spec.council !== undefined))
              throw new RegistrationRefused(say('cli.user.councilRule'));
            const unknown = spec.council && (await unknownCouncil(store, spec.council));
            if (unknown) throw new RegistrationRefused(say('cli.unknownCouncil', { council: spec.council! }));
            const added = await store.addUser(spec, commandLineActor(), new Date().toISOString());
            if (added.kind === 'exists')
              throw new RegistrationRefused(say('cli.user.exists', { email: spec.email, id: added.user.id }));
            const registered = {
              id: added.user.id,
              email: spec.email,
              tenant: spec.tenantId,
              role: spec.role,
            };
            process.stdout.write(
              `${
                spec.council
                  ? say('cli.user.registeredFor', { ...registered, council: spec.council })
                  : say('cli.user.registered', registered)
              }\n`,
            );
          }),
        registrationFailures,
      ),
    );
  user
    .command('list')
    .description(say('cli.help.user.list'))
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
            const columns = [
              say('cli.table.number'),
              say('cli.table.signInName'),
              say('cli.table.tenant'),
              say('cli.table.role'),
              say('cli.table.council'),
              say('cli.table.added'),
            ];
            process.stdout.write(`${textTable(columns, rows)}\n`);
          }),
        registrationFailures,
      ),
    );
  user
    .command('remove')
    .description(say('cli.help.user.remove'))
    .argument('<number>', say('cli.help.user.number'), recordNumber)
    .action((id: number) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const removed = await store.removeUser(id, commandLineActor(), new Date().toISOString());
            if (!removed) throw new RegistrationRefused(say('cli.user.none', { id }));
            process.stdout.write(
              `${say('cli.user.removed', { id, email: removed.email, tenant: removed.tenantId })}\n`,
            );
          }),
        registrationFailures,
      ),
    );
}
