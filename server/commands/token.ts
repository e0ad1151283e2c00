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
import { unknownCouncil } from '../services/council-check.js';
import { recordNumber, RegistrationRefused, registrationFailures } from './registration.js';
import { say } from './cli-language.js';
import { runCommand, withStore } from './store-access.js';
import { notACouncilId } from './help.js';

function days(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > TOKEN_DAYS.max)
    throw new InvalidArgumentError(say('cli.value.days', { max: TOKEN_DAYS.max }));
  return value;
}

export function register(program: Command): void {
  const token = program.command('token').description(say('cli.help.token'));
  token
    .command('create')
    .description(say('cli.help.token.create'))
    .addOption(new Option('--role <role>', say('cli.help.token.role')).choices(ROLES).makeOptionMandatory())
    .option('--council <id>', say('cli.help.token.council'))
    .requiredOption('--label <text>', say('cli.help.token.label'))
    .option(
      '--expires-in <days>',
      say('cli.help.token.expiresIn', { max: TOKEN_DAYS.max }),
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
            if (unknown)
              throw new RegistrationRefused(say('cli.unknownCouncil', { council: options.council! }));
            // What createToken would refuse, said in the run's language.
            if (options.role === 'council' && !options.council)
              throw new RegistrationRefused(say('cli.token.councilNeeded'));
            if (options.role !== 'council' && options.council)
              throw new RegistrationRefused(say('cli.token.councilOnly'));
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
              `${say('cli.token.created', {
                holder: holder(created),
                id: created.id,
                label: created.label,
                date: day(created.expiresAt),
              })}\n`,
            );
            process.stdout.write(`${created.token}\n`);
          }),
        registrationFailures,
      ),
    );
  token
    .command('list')
    .description(say('cli.help.token.list'))
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
                ? say('cli.token.state.revoked', { date: day(t.revokedAt) })
                : say(t.expiresAt <= now ? 'cli.token.state.expired' : 'cli.token.state.expires', {
                    date: day(t.expiresAt),
                  }),
              t.lastUsedAt ? day(t.lastUsedAt) : say('cli.token.never'),
            ]);
            process.stdout.write(
              `${textTable(
                [
                  say('cli.table.number'),
                  say('cli.table.label'),
                  say('cli.table.role'),
                  say('cli.table.council'),
                  say('cli.table.created'),
                  say('cli.table.expires'),
                  say('cli.table.lastUsed'),
                ],
                rows,
              )}\n`,
            );
          }),
        registrationFailures,
      ),
    );
  token
    .command('revoke')
    .description(say('cli.help.token.revoke'))
    .argument('<number>', say('cli.help.token.number'), recordNumber)
    .action((id: number) =>
      runCommand(
        () =>
          withStore(async (store) => {
            const revoked = await store.revokeToken(id, commandLineActor(), new Date().toISOString());
            if (!revoked) throw new RegistrationRefused(say('cli.token.none', { id }));
            process.stdout.write(
              `${say('cli.token.revoked', {
                holder: holder(revoked),
                id,
                label: revoked.label,
                date: day(revoked.revokedAt!),
              })}\n`,
            );
          }),
        registrationFailures,
      ),
    );
}

const holder = (t: TokenInfo): string =>
  t.council
    ? say('cli.token.holderFor', { role: t.role, council: t.council })
    : say('cli.token.holder', { role: t.role });

const day = (iso: string): string => iso.slice(0, 10);
