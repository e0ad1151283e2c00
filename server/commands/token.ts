// `shared-cdo token create --role ROLE [--council ID] --label TEXT [--expires-in DAYS]` prints the new
// token alone on the last line of standard output (only its hash is stored, so this is the one chance
// to copy it); `token list` shows every token but never a token itself; `token revoke ID` ends one.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { TOKEN_DAYS, type TokenInfo } from '../../shared/api.js';
import { councilIdSchema } from '../../shared/schemas.js';
import { ROLES, type Role } from '../../shared/vocabulary.js';
import { commandLineActor } from '../auth/actors.js';
import { createToken } from '../auth/tokens.js';
import { textTable } from '../mail/text.js';
import { spoken } from '../../shared/i18n/say.js';
import { unknownCouncil } from '../services/council-check.js';
import { recordNumber, RegistrationRefused, registrationFailures } from './registration.js';
import { runCommand, withStore } from './store-access.js';
import { notACouncilId } from './help.js';

function days(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > TOKEN_DAYS.max)
    throw new InvalidArgumentError(`a whole number of days from 1 to ${TOKEN_DAYS.max}`);
  return value;
}

export function register(program: Command): void {
  const token = program.command('token').description('Manage access tokens');
  token
    .command('create')
    .description('Create an access token (printed once; only its hash is kept)')
    .addOption(new Option('--role <role>', 'What the token may do').choices(ROLES).makeOptionMandatory())
    .option('--council <id>', 'The council a council token is bound to (needed for the council role)')
    .requiredOption('--label <text>', 'Who or what holds the token (shown as "by whom")')
    .option(
      '--expires-in <days>',
      `Days until the token stops working (at most ${TOKEN_DAYS.max})`,
      days,
      TOKEN_DAYS.default,
    )
    .action(async (options: { role: Role; council?: string; label: string; expiresIn: number }) =>
      runCommand(
        () =>
          withStore(async (store) => {
            if (options.council !== undefined && !councilIdSchema.safeParse(options.council).success) {
              throw new RegistrationRefused(notACouncilId(options.council));
            }
            const unknown = options.council && (await unknownCouncil(store, options.council));
            if (unknown) throw new RegistrationRefused(`--council ${spoken('en', unknown)}`);
            let created: TokenInfo & { token: string };
            try {
              created = await createToken(
                store,
                {
                  role: options.role,
                  ...(options.council ? { council: options.council } : {}),
                  label: options.label,
                  expiresInDays: options.expiresIn,
                },
                commandLineActor(),
              );
            } catch (error) {
              throw new RegistrationRefused(error instanceof Error ? error.message : String(error));
            }
            // The token alone on standard output, so `TOKEN=$(shared-cdo token create …)` holds just it;
            // what was made is said to the person on standard error.
            process.stderr.write(
              `Created ${holder(created)} number ${created.id} labelled "${created.label}", valid until ` +
                `${created.expiresAt.slice(0, 10)}. Copy it now: it is not shown again.\n`,
            );
            process.stdout.write(`${created.token}\n`);
          }),
        registrationFailures,
      ),
    );
  token
    .command('list')
    .description(
      'List access tokens: number, label, role, council, created, expires, last used (never the token)',
    )
    .action(() =>
      runCommand(
        () =>
          withStore(async (store) => {
            const tokens = await store.listTokens();
            const now = new Date().toISOString();
            const rows = tokens.map((t) => [
              String(t.id),
              t.label,
              t.role,
              t.council ?? '',
              day(t.createdAt),
              t.revokedAt
                ? `revoked ${day(t.revokedAt)}`
                : `${t.expiresAt <= now ? 'expired' : 'expires'} ${day(t.expiresAt)}`,
              t.lastUsedAt ? day(t.lastUsedAt) : 'never',
            ]);
            process.stdout.write(
              `${textTable(['Number', 'Label', 'Role', 'Council', 'Created', 'Expires', 'Last used'], rows)}\n`,
            );
          }),
        registrationFailures,
      ),
    );
  token
    .command('revoke')
    .description('Revoke an access token for good (its number is in `token list`)')
    .argument('<number>', 'The token number', recordNumber)
    .action((id: number) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const revoked = await store.revokeToken(id, commandLineActor(), new Date().toISOString());
            if (!revoked)
              throw new RegistrationRefused(`There is no access token number ${id} (see \`token list\`).`);
            process.stdout.write(
              `Revoked ${holder(revoked)} number ${id} labelled "${revoked.label}" (${day(revoked.revokedAt!)}).\n`,
            );
          }),
        registrationFailures,
      ),
    );
}

const holder = (t: TokenInfo): string =>
  t.council ? `the ${t.role} token for ${t.council}` : `the ${t.role} token`;

const day = (iso: string): string => iso.slice(0, 10);
