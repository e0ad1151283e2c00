// Words every command uses alike: the example under each command's --help, and the one line for an
// option whose value is not a month or not a council ID.
import type { Command } from 'commander';
import { say } from './cli-language.js';

/** One example per command, by its name after `shared-cdo`, shown under its --help. */
const EXAMPLES: Record<string, string> = {
  consolidate:
    'npx shared-cdo consolidate --partnership demo-files/partnership.xlsx --period 2026-11 --out consolidated.xlsx demo-files/returns/*.xlsx',
  template:
    'npx shared-cdo template --council cherwell --period 2026-12 --out cherwell.xlsx --partnership demo-files/partnership.xlsx',
  demo: 'npx shared-cdo demo --out demo-files',
  serve: 'PORT=8080 DATABASE_URL=postgres://cdo:secret@db.example:5432/cdo npx shared-cdo serve',
  'token create':
    'npx shared-cdo token create --role council --council cherwell --label "Jo Bloggs, Cherwell"',
  'token list': 'npx shared-cdo token list',
  'token revoke': 'npx shared-cdo token revoke 7',
  'user add':
    'npx shared-cdo user add --tenant-id 0b9e4f0c-5c1a-4c1e-9a53-3f2b1d6e7a10 --email jo.bloggs@partnership.example --role cdo',
  'user list': 'npx shared-cdo user list',
  'user remove': 'npx shared-cdo user remove 3',
  'tenant add':
    'npx shared-cdo tenant add --tenant-id 0b9e4f0c-5c1a-4c1e-9a53-3f2b1d6e7a10 --council cherwell',
  'tenant list': 'npx shared-cdo tenant list',
  'tenant remove': 'npx shared-cdo tenant remove 2',
  submit: 'npx shared-cdo submit --council cherwell --period 2026-11 cherwell.xlsx',
  rollup: 'npx shared-cdo rollup --period 2026-11 --dry-run --out rollup-preview',
  'db copy':
    'npx shared-cdo db copy --from sqlite:./data/shared-cdo.sqlite --to postgres://cdo:secret@db.example:5432/cdo',
  audit: 'npx shared-cdo audit --since 2026-11-01 --csv > audit.csv',
  'people export': 'npx shared-cdo people export --email jo.bloggs@cherwell.gov.uk --csv > jo-bloggs.csv',
  'people erase': 'npx shared-cdo people erase --email jo.bloggs@cherwell.gov.uk',
  'people retention': 'npx shared-cdo people retention --dry-run',
  'agreement propose':
    'npx shared-cdo agreement propose 2027-28 --note "Shares as agreed at the March board"',
  'agreement show': 'npx shared-cdo agreement show 2026-27',
  'agreement remind': 'npx shared-cdo agreement remind 12',
  'year close': 'npx shared-cdo year close 2025-26',
  'year show': 'npx shared-cdo year show 2025-26',
  'year reopen': 'npx shared-cdo year reopen 2025-26 --reason "Vale of White Horse sent a late March return"',
};

const pathOf = (command: Command): string[] =>
  command.parent?.parent ? [...pathOf(command.parent), command.name()] : [command.name()];

/** Puts its example under the --help of every command that does something (not `token` alone). */
export function addExamples(program: Command): void {
  const visit = (command: Command): void => {
    for (const sub of command.commands) {
      if (sub.commands.length) visit(sub);
      else {
        const name = pathOf(sub).join(' ');
        const example = EXAMPLES[name];
        if (!example) throw new Error(`shared-cdo ${name} has no example for its --help`);
        sub.addHelpText('after', `\n${say('cli.help.example')}\n  ${example}\n`);
      }
    }
  };
  visit(program);
}

export const notAMonth = (option: string, value: string): string => say('cli.notAMonth', { option, value });

export const notACouncilId = (value: string): string => say('cli.notACouncilId', { value });
