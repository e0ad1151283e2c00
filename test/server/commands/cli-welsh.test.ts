// The command line in Welsh under a Welsh locale (DESIGN §12), run as an operator runs it: the help
// (commander's own words too), commander's refusals with their exit code, and the messages of token,
// template, submit, db and audit; and the same commands in English as they always were. One database for
// the file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EN_CLI } from '../../../shared/i18n/en-cli.js';
import { EN_CLI_HELP } from '../../../shared/i18n/en-cli-help.js';
import { cliOnFreshDatabase, type CliRun } from '../../helpers/cli.js';

// LC_ALL and LC_MESSAGES would win over LANG (cli-language.ts): empty, they are not set.
const WELSH = { LANG: 'cy_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const ENGLISH = { LANG: 'en_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

const cli = cliOnFreshDatabase();
afterAll(() => cli.remove());

/** Every Welsh run's output, for the test that no English sentence is left in it. */
const welshOutput: string[] = [];
async function welsh(args: string[]): Promise<CliRun> {
  const result = await cli.run(args, WELSH);
  welshOutput.push(result.stdout, result.stderr);
  return result;
}
/** Every English run's output: the same test finds English sentences in it. */
const englishOutput: string[] = [];
async function english(args: string[]): Promise<CliRun> {
  const result = await cli.run(args, ENGLISH);
  englishOutput.push(result.stdout, result.stderr);
  return result;
}

/** `YYYY-MM-DD` of today plus `days`, as `token create` says when a token stops working. */
const daysFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('--help', () => {
  it('is Welsh at the top level: commander’s headings and placeholders, and every command', async () => {
    const { code, stdout } = await welsh(['--help']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Defnydd: shared-cdo [opsiynau] [gorchymyn]');
    expect(stdout).toContain('\nOpsiynau:\n');
    expect(stdout).toContain('\nGorchmynion:\n');
    expect(stdout).toMatch(/\n {2}-h, --help +Dangos cymorth ar gyfer y gorchymyn\n/);
    expect(stdout).toMatch(/\n {2}token +Rheoli tocynnau mynediad\n/);
    expect(stdout).toMatch(/\n {2}help \[gorchymyn\] +Dangos cymorth ar gyfer gorchymyn\n/);
    // Wrapped at 80 columns like the English, though "[opsiynau]" is longer than "[options]".
    expect(stdout).toMatch(/\n {2}db {3,}Gweithio ar y gronfa ddata gyfan\n/);
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('is Welsh for a command: its options, their choices and default, required and the example', async () => {
    const { code, stdout } = await welsh(['token', 'create', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Defnydd: shared-cdo token create [opsiynau]\n');
    expect(stdout).toContain('Creu tocyn mynediad (caiff ei argraffu unwaith; dim ond ei stwnsh a gedwir)\n');
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      '--role <role> Beth y caiff y tocyn ei wneud (dewisiadau: "admin", "cdo", "council", "viewer") (gofynnol)',
    );
    expect(stdout.replace(/\s+/g, ' ')).toContain('(dim mwy na 366) (diofyn: 90)');
    expect(stdout).toContain('\nEnghraifft:\n  npx shared-cdo token create --role council');
  });

  it('is as it always was in English', async () => {
    const { code, stdout } = await english(['token', 'create', '--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Usage: shared-cdo token create [options]\n\n' +
        'Create an access token (printed once; only its hash is kept)\n\n' +
        'Options:\n' +
        '  --role <role>        What the token may do (choices: "admin", "cdo",\n' +
        '                       "council", "viewer") (required)\n' +
        '  --council <id>       The council a council token is bound to (needed for the\n' +
        '                       council role)\n' +
        '  --label <text>       Who or what holds the token (shown as "by whom")\n' +
        '                       (required)\n' +
        '  --expires-in <days>  Days until the token stops working (at most 366)\n' +
        '                       (default: 90)\n' +
        '  -h, --help           Show help for the command\n\n' +
        'Example:\n' +
        '  npx shared-cdo token create --role council --council cherwell --label "Jo Bloggs, Cherwell"\n\n',
    );
    expect((await english(['--help'])).stdout.split('\n')[0]).toBe('Usage: shared-cdo [options] [command]');
  });
});

describe("commander's refusals", () => {
  it('are Welsh, with the Welsh help after them and the same exit code', async () => {
    const invalid = await welsh(['year', 'show', '2025']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr.split('\n').slice(0, 3)).toEqual([
      "gwall: mae’r gwerth '2025' yn annilys i’r ddadl 'fy'. blwyddyn ariannol fel 2026-27",
      '',
      'Defnydd: shared-cdo year show [opsiynau] <fy>',
    ]);
    const english2025 = await english(['year', 'show', '2025']);
    expect(english2025.code).toBe(1);
    expect(english2025.stderr.split('\n')[0]).toBe(
      "error: command-argument value '2025' is invalid for argument 'fy'. a financial year such as 2026-27",
    );

    const missing = await welsh(['token', 'create', '--label', 'Bwrdd']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe("gwall: ni roddwyd yr opsiwn gofynnol '--role <role>'");
    const choice = await welsh(['token', 'create', '--role', 'wizard', '--label', 'Bwrdd']);
    expect(choice.code).toBe(1);
    expect(choice.stderr.split('\n')[0]).toBe(
      "gwall: mae gwerth 'wizard' yr opsiwn '--role <role>' yn annilys. Y dewisiadau a ganiateir yw admin, cdo, council, viewer.",
    );
    const unknown = await welsh(['tokn']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.split('\n').slice(0, 2)).toEqual([
      "gwall: gorchymyn anhysbys 'tokn'",
      '(Ai token oedd gennych mewn golwg?)',
    ]);
    const extra = await welsh(['token', 'revoke', '1', '2']);
    expect(extra.code).toBe(1);
    expect(extra.stderr.split('\n')[0]).toBe(
      "gwall: gormod o ddadleuon i 'revoke'. Disgwylid 1 ddadl ond cafwyd 2.",
    );
    const english2 = await english(['token', 'revoke', '1', '2']);
    expect(english2.stderr.split('\n')[0]).toBe(
      "error: too many arguments for 'revoke'. Expected 1 argument but got 2.",
    );
  });
});

describe('the commands', () => {
  it('token create and list speak Welsh; the token alone is still on standard output', async () => {
    const created = await welsh(['token', 'create', '--role', 'viewer', '--label', 'Bwrdd']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^scdo_\S+\n$/);
    expect(created.stderr.split('\n')).toEqual([
      `Yn defnyddio’r gronfa ddata sqlite:${join(cli.dir, 'db.sqlite')}`,
      `Crëwyd y tocyn viewer rhif 1 â’r label "Bwrdd", yn ddilys tan ${daysFromToday(90)}. Copïwch ef nawr: ni chaiff ei ddangos eto.`,
      '',
    ]);
    const listed = await welsh(['token', 'list']);
    const [heading, , row] = listed.stdout.split('\n');
    expect(heading).toMatch(/^Rhif +Label +Rôl +Cyngor +Crëwyd +Yn dod i ben +Defnyddiwyd ddiwethaf$/);
    expect(row).toMatch(
      new RegExp(`^1 +Bwrdd +viewer +\\d{4}-\\d\\d-\\d\\d +yn dod i ben ${daysFromToday(90)} +byth$`),
    );

    const inEnglish = await english(['token', 'list']);
    expect(inEnglish.stdout.split('\n')[0]).toMatch(
      /^Number +Label +Role +Council +Created +Expires +Last used$/,
    );
    expect(inEnglish.stdout.split('\n')[2]).toMatch(/ expires \d{4}-\d\d-\d\d +never$/);
    const revoked = await welsh(['token', 'revoke', '7']);
    expect(revoked).toMatchObject({ code: 1, stdout: '' });
    expect(revoked.stderr).toContain('\nNid oes tocyn mynediad rhif 7 (gweler `token list`).\n');
  });

  it('template writes a workbook, and refuses a bad council ID and month in Welsh', async () => {
    const refused = await welsh(['template', '--council', 'Bad', '--period', '2026-13', '--out', 'x.xlsx']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      '--council: nid yw "Bad" yn ID cyngor (llythrennau bach a digidau wedi’u cysylltu â chysylltnodau, e.e. cherwell)\n' +
        '--period: nid yw "2026-13" yn fis wedi’i ysgrifennu BBBB-MM\n',
    );
    expect(existsSync(join(cli.dir, 'x.xlsx'))).toBe(false);
    const written = await welsh([
      'template',
      '--council',
      'cherwell',
      '--period',
      '2026-11',
      '--out',
      'cherwell.xlsx',
    ]);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(cli.dir, 'cherwell.xlsx'))).toBe(true);
  });

  it("submit refuses in Welsh, the service's refusals in its catalogue's Welsh", async () => {
    const unreadable = await welsh(['submit', '--council', 'cherwell', '--period', '2026-11', 'none.xlsx']);
    expect(unreadable).toMatchObject({ code: 1, stderr: 'Ni ellir darllen none.xlsx\n' });
    // No partnership is set up in this database: the service's `no-partnership` refusal.
    const refused = await welsh(['submit', '--council', 'cherwell', '--period', '2026-11', 'cherwell.xlsx']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n').slice(1)).toEqual([
      'Nid yw gosodiadau’r bartneriaeth wedi’u sefydlu eto.',
      '',
    ]);
    const inEnglish = await english(['submit', '--council', 'cherwell', '--period', '2026-11', 'none.xlsx']);
    expect(inEnglish.stderr).toBe('Cannot read none.xlsx\n');
  });

  it('db copy speaks Welsh', async () => {
    const from = `sqlite:${join(cli.dir, 'db.sqlite')}`;
    const same = await welsh(['db', 'copy', '--from', from, '--to', from]);
    expect(same).toMatchObject({ code: 1, stderr: 'Mae --from a --to yn enwi’r un gronfa ddata.\n' });
    const copied = await welsh([
      'db',
      'copy',
      '--from',
      from,
      '--to',
      `sqlite:${join(cli.dir, 'copy.sqlite')}`,
    ]);
    expect(copied.code).toBe(0);
    const lines = copied.stdout.trimEnd().split('\n');
    const rows = lines.slice(0, -1).map((line) => Number(line.split(/ +/)[1]));
    expect(lines.at(-1)).toBe(`Copïwyd ${rows.reduce((a, b) => a + b, 0)} rhes mewn ${rows.length} tabl.`);
  });

  it('audit prints its lines with Welsh words, and refuses a bad --since in Welsh', async () => {
    const audit = await welsh(['audit']);
    expect(audit.code).toBe(0);
    const lines = audit.stdout.trimEnd().split('\n');
    expect(lines.some((line) => /^\S+ 201 token\.create .* — gan command line \(cli\b.*\)$/.test(line))).toBe(
      true,
    );
    expect(lines.every((line) => line.includes(' — gan '))).toBe(true);
    expect((await english(['audit'])).stdout.split('\n')[0]).toContain(' — by command line (cli');
    const since = await welsh(['audit', '--since', 'ddoe']);
    expect(since.code).toBe(1);
    expect(since.stderr.split('\n')[0]).toBe(
      "gwall: mae gwerth 'ddoe' yr opsiwn '--since <date>' yn annilys. dyddiad (BBBB-MM-DD) neu eiliad (2026-11-01T09:30:00Z)",
    );
  });

  it('say in Welsh what an operator must fix: a variable, or a database whose folder does not exist', async () => {
    const port = await cli.run(['token', 'list'], { ...WELSH, PORT: 'abc' });
    welshOutput.push(port.stdout, port.stderr);
    expect(port).toMatchObject({
      code: 1,
      stderr: 'Ffurfweddiad annilys: PORT: ni ellir defnyddio ei werth (gweler `shared-cdo serve --help`)\n',
    });
    expect((await cli.run(['token', 'list'], { ...ENGLISH, PORT: 'abc' })).stderr).toBe(
      'Invalid configuration: PORT: must be a port number (0 to 65535)\n',
    );
    const folder = join(cli.dir, 'nowhere');
    const database = await cli.run(['token', 'list'], {
      ...WELSH,
      DATABASE_URL: `sqlite:${join(folder, 'db.sqlite')}`,
    });
    welshOutput.push(database.stdout, database.stderr);
    expect(database.code).toBe(1);
    expect(database.stderr.split('\n')[1]).toBe(
      `Ni ellir agor y gronfa ddata sqlite:${join(folder, 'db.sqlite')}: nid yw’r ffolder ${folder} yn bodoli; ` +
        'crëwch ef ar gyfer defnyddiwr y gwasanaeth (modd 0700) neu cywirwch DATABASE_URL.',
    );
  });

  it('leave no English sentence of the command line’s catalogue in a Welsh run', () => {
    expect(welshOutput.length).toBeGreaterThan(20);
    // Each run of three or more plain words in an English text (between its placeholders): a sentence's
    // worth of English, where a command, option or name would not be.
    const phrases = [...Object.values(EN_CLI), ...Object.values(EN_CLI_HELP)].flatMap((text) =>
      text.split(/\{\w+\}/).flatMap((part) =>
        part
          .split(/\s+/)
          .reduce<string[][]>(
            (runs, word) => {
              if (/^[A-Za-z]+$/.test(word)) runs.at(-1)!.push(word);
              else runs.push([]);
              return runs;
            },
            [[]],
          )
          .filter((run) => run.length >= 3)
          .map((run) => run.join(' ')),
      ),
    );
    expect(phrases.length).toBeGreaterThan(100);
    const found = (outputs: string[]) => phrases.filter((phrase) => outputs.join('\n').includes(phrase));
    expect(found(welshOutput)).toEqual([]);
    // The English runs of the same commands are full of them.
    expect(found(englishOutput)).toEqual(
      expect.arrayContaining([
        'Create an access token',
        'Who or what holds the token',
        'too many arguments for',
      ]),
    );
  });
});
