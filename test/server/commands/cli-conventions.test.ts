// The command line follows one set of conventions: --version, required options marked, one style of
// description and placeholder, `serve --help` lists the environment, database commands name their
// database, and logs are readable on a terminal and JSON lines otherwise.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configVariables } from '../../../server/config.js';
import { VARIABLE_WORDS } from '../../../server/commands/serve.js';
import { usingDatabaseLine } from '../../../server/commands/store-access.js';
import { createLogger } from '../../../server/logger.js';
import { buildProgram } from '../../../server/program.js';
import { EN } from '../../../shared/i18n/index.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';
import packageJson from '../../../package.json' with { type: 'json' };

const CLI = fileURLToPath(new URL('../../../bin/shared-cdo.js', import.meta.url));

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: dir, env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shared-cdo-conventions-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shared-cdo conventions', () => {
  it('prints its version', async () => {
    const result = await run(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it('describes every command, option and argument in one style', () => {
    const commands = allCommands(buildProgram());
    expect(commands.map((c) => c.name())).toEqual(
      expect.arrayContaining([
        'consolidate',
        'template',
        'demo',
        'serve',
        'token',
        'create',
        'submit',
        'rollup',
      ]),
    );
    for (const command of commands) {
      const texts = [
        command.description(),
        ...command.options.map((o) => o.description),
        ...command.registeredArguments.map((a) => a.description),
      ];
      for (const text of texts) expect(text, command.name()).toMatch(/^[A-Z].*[^.]$/s);
      for (const option of command.options) {
        // A value is a lower-case noun, or the format it is written in.
        expect(option.flags, command.name()).toMatch(/^(-[a-zA-Z], )?--[a-z-]+( <([a-z]+|YYYY-MM)>)?$/);
      }
      for (const argument of command.registeredArguments) {
        expect(argument.name(), command.name()).toMatch(/^[a-z]+$/);
      }
    }
  });

  it('shows an example under the --help of every command that does something', () => {
    const leaves = allCommands(buildProgram()).filter((c) => c.parent && !c.commands.length);
    expect(leaves.length).toBeGreaterThanOrEqual(17);
    for (const command of leaves) {
      let help = '';
      command.configureOutput({ writeOut: (text) => (help += text) });
      command.outputHelp();
      const name = command.parent?.parent ? `${command.parent.name()} ${command.name()}` : command.name();
      expect(help, name).toMatch(new RegExp(`\\nExample:\\n  (\\S+=\\S+ )*npx shared-cdo ${name}[ \\n]`));
    }
  });

  it('marks required options as required in the help, and only those', () => {
    for (const command of allCommands(buildProgram())) {
      const help = command.helpInformation();
      for (const option of command.options) {
        const described = help.slice(help.indexOf(option.flags));
        const entry = described.slice(0, described.search(/\n {2}-|\n*$/));
        expect(entry.replace(/\s+/g, ' ').includes('(required)'), `${command.name()} ${option.flags}`).toBe(
          option.mandatory,
        );
      }
    }
    const template = buildProgram().commands.find((c) => c.name() === 'template')!;
    expect(template.options.filter((o) => o.mandatory).map((o) => o.long)).toEqual([
      '--council',
      '--period',
      '--out',
    ]);
  });

  it('lists every environment variable with its default under serve --help', async () => {
    const { code, stdout } = await run(['serve', '--help']);
    expect(code).toBe(0);
    const variables = configVariables();
    expect(variables.map((v) => v.name)).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'LOG_FORMAT']),
    );
    for (const v of variables) {
      expect(v.description, v.name).toMatch(/\w{3}/);
      const at = stdout.indexOf(`  ${v.name} `);
      expect(at, v.name).toBeGreaterThan(0);
      const entry = stdout.slice(at, stdout.indexOf('\n', stdout.indexOf('\n', at) + 1));
      expect(entry).toContain(v.description);
      expect(entry).toContain(`default: ${v.defaultValue ?? 'unset'}`);
    }
    expect(stdout).toContain('default: sqlite:./data/shared-cdo.sqlite');
  });

  it("has each variable's description in the catalogue, the English as config.ts has it", () => {
    const variables = configVariables();
    expect(Object.keys(VARIABLE_WORDS).sort()).toEqual(variables.map((v) => v.name).sort());
    for (const v of variables) expect(EN[VARIABLE_WORDS[v.name]!], v.name).toBe(v.description);
  });

  describeStores('a database command', (kind) => {
    it('says on standard error which database a command uses, hiding any password', async () => {
      const url =
        kind === 'sqlite' ? `sqlite:${path.join(dir, 'tokens.sqlite')}` : await freshDatabaseUrl(kind);
      const result = await run(['token', 'create', '--role', 'viewer', '--label', 'Board'], {
        DATABASE_URL: url,
      });
      expect(result.code).toBe(0);
      expect(result.stderr.split('\n')[0]).toBe(`Using database ${url}`);
      // Standard output is the token alone, for TOKEN=$(shared-cdo token create …).
      expect(result.stdout).toMatch(/^scdo_\S+\n$/);
      expect(usingDatabaseLine({ databaseUrl: 'postgres://cdo:s3cret@db.example:5432/cdo' })).toBe(
        'Using database postgres://cdo:***@db.example:5432/cdo\n',
      );
    });
  });
});

describe('logs', () => {
  const logged = (format: 'auto' | 'json' | 'pretty', isTTY: boolean): string => {
    const out = Object.assign(new PassThrough(), { isTTY });
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    createLogger('info', out, format).info({ port: 3000 }, 'Shared CDO service listening');
    return text;
  };

  it('are readable lines on a terminal, without pid and host name', () => {
    const line = logged('auto', true);
    expect(() => JSON.parse(line)).toThrow();
    expect(line).toMatch(/\d\d:\d\d:\d\d/);
    expect(line).toContain('Shared CDO service listening');
    expect(line).toContain('port');
    expect(line).not.toContain('hostname');
    expect(line).not.toContain('"pid"');
  });

  it('are JSON lines when not on a terminal, or with LOG_FORMAT=json', () => {
    for (const line of [logged('auto', false), logged('json', true)]) {
      expect(JSON.parse(line)).toMatchObject({ msg: 'Shared CDO service listening', port: 3000 });
    }
  });
});
