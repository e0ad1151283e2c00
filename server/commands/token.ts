// `shared-cdo token create --role ROLE [--council ID] --label TEXT`: prints the new token alone on the
// last line of standard output. Only its hash is stored, so this is the one chance to copy it.
import { Option, type Command } from 'commander';
import { councilIdSchema } from '../../shared/schemas.js';
import { ROLES, type Role } from '../../shared/vocabulary.js';
import { createToken } from '../auth/tokens.js';
import { runCommand, withStore } from './store-access.js';

class TokenRefused extends Error {}

export function register(program: Command): void {
  const token = program.command('token').description('Manage access tokens');
  token
    .command('create')
    .description('Create an access token (printed once; only its hash is kept)')
    .addOption(new Option('--role <role>', 'What the token may do').choices(ROLES).makeOptionMandatory())
    .option('--council <id>', 'The council a council token is bound to (needed for the council role)')
    .requiredOption('--label <text>', 'Who or what holds the token (shown as "by whom")')
    .action(async (options: { role: Role; council?: string; label: string }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            if (options.council !== undefined && !councilIdSchema.safeParse(options.council).success) {
              throw new TokenRefused(`--council "${options.council}" is not a council ID (e.g. cherwell)`);
            }
            const partnership = (await store.currentPartnership())?.partnership;
            if (
              options.council &&
              partnership &&
              !partnership.councils.some((c) => c.id === options.council)
            ) {
              throw new TokenRefused(`--council "${options.council}" is not a council of the partnership`);
            }
            try {
              const created = await createToken(store, {
                role: options.role,
                ...(options.council ? { council: options.council } : {}),
                label: options.label,
              });
              const holder = options.council
                ? `${options.role} token for ${options.council}`
                : `${options.role} token`;
              process.stdout.write(
                `Created a ${holder} labelled "${options.label}". Copy it now: it is not shown again.\n`,
              );
              process.stdout.write(`${created}\n`);
            } catch (error) {
              throw new TokenRefused(error instanceof Error ? error.message : String(error));
            }
          }),
        (error) => (error instanceof TokenRefused ? [error.message] : undefined),
      ),
    );
}
