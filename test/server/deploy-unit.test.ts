// deploy/shared-cdo.service as systemd runs it: each Exec line is split into words by systemd's own rules
// (quotes, backslash escapes, $VAR and ${VAR}), with the environment file the unit names, then run:
// ExecStart starts the service, and ExecStartPost, the readiness wait, succeeds once it is ready and
// fails when it never is.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const unit = readFileSync(join(ROOT, 'deploy/shared-cdo.service'), 'utf8');

/** The unit's `Key=value` settings of [Service], in order (a key may repeat). */
function serviceSettings(text: string): [string, string][] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const start = lines.indexOf('[Service]');
  const settings: [string, string][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('[')) break;
    const match = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (match) settings.push([match[1]!, match[2]!]);
  }
  return settings;
}

/**
 * An Exec line's words as systemd makes them (systemd.service(5), "Command lines"; systemd.syntax(7),
 * "Quoting"): the prefixes -@:+! are dropped; words are split at spaces; double or single quotes group a
 * word and are removed; backslash escapes (\" \\ \n …) are read C-style; `${VAR}` is replaced inside a
 * word, and a word that is `$VAR` alone becomes the variable's value split at spaces.
 */
function systemdWords(line: string, env: Record<string, string>): string[] {
  const command = line.replace(/^[-@:+!]+/, '');
  const words: string[] = [];
  let i = 0;
  const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', "'": "'", '\\': '\\', s: ' ' };
  while (i < command.length) {
    while (command[i] === ' ') i++;
    if (i >= command.length) break;
    let word = '';
    let quote: string | undefined;
    const begin = i;
    for (; i < command.length; i++) {
      const c = command[i]!;
      if (!quote && c === ' ') break;
      if (!quote && (c === '"' || c === "'")) quote = c;
      else if (quote === c) quote = undefined;
      else if (c === '\\') word += escapes[command[++i]!] ?? command[i];
      else word += c;
    }
    if (quote) throw new Error(`unterminated quote in ${line}`);
    const raw = command.slice(begin, i);
    const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(raw);
    if (whole) words.push(...(env[whole[1]!] ?? '').split(/\s+/).filter(Boolean));
    else words.push(word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => env[name] ?? ''));
  }
  return words;
}

/** An environment file as systemd reads it: NAME=value lines; comments and blank lines skipped. */
function environmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) env[match[1]!] = match[2]!.trim();
  }
  return env;
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const settings = serviceSettings(unit);
const setting = (key: string) => settings.filter(([k]) => k === key).map(([, v]) => v);
const dir = mkdtempSync(join(tmpdir(), 'shared-cdo-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runExec(words: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      words[0]!,
      words.slice(1),
      { cwd: ROOT, env: { ...process.env, ...env } },
      (error, _out, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    ),
  );
}

describe('the systemd unit', () => {
  it('reads its settings from the environment file shipped as deploy/shared-cdo.env', () => {
    expect(setting('EnvironmentFile')).toEqual(['/etc/shared-cdo/env']);
    expect(environmentFile(readFileSync(join(ROOT, 'deploy/shared-cdo.env'), 'utf8'))).toMatchObject({
      PORT: '3000',
      DATABASE_URL: 'sqlite:/var/lib/shared-cdo/shared-cdo.sqlite',
      DEMO: 'off',
    });
  });

  it('splits words as systemd does, quotes and escapes included', () => {
    // The readiness check this unit once had: systemd reads \" inside a quoted word as ", so node was
    // given JavaScript without its string quotes.
    const old = `/bin/sh -c 'node -e "fetch(\\"http://127.0.0.1:$PORT/readyz\\")"'`;
    expect(systemdWords(old, { PORT: '3000' })).toEqual([
      '/bin/sh',
      '-c',
      'node -e "fetch("http://127.0.0.1:$PORT/readyz")"',
    ]);
    expect(systemdWords('-/usr/bin/env node ${X}/a $Y', { X: '/opt', Y: 'b c' })).toEqual([
      '/usr/bin/env',
      'node',
      '/opt/a',
      'b',
      'c',
    ]);
  });

  it('starts the service, and its readiness wait succeeds once the service is ready', async () => {
    const port = String(await freePort());
    const env = {
      ...environmentFile(readFileSync(join(ROOT, 'deploy/shared-cdo.env'), 'utf8')),
      ...Object.fromEntries(setting('Environment').map((v) => v.split(/=(.*)/s).slice(0, 2))),
      // The test's own port and database, in place of the installed service's.
      PORT: port,
      DATABASE_URL: `sqlite:${join(dir, 'shared-cdo.sqlite')}`,
      READY_WAIT_SECONDS: '2',
    };
    const [start] = setting('ExecStart');
    const [ready] = setting('ExecStartPost');
    expect(ready).toBeDefined();
    // Nothing listening yet: the wait gives up, and says so.
    const early = await runExec(systemdWords(ready!, env), env);
    expect(early.code).toBe(1);
    expect(early.stderr).toBe(
      `Shared CDO was not ready at http://127.0.0.1:${port}/readyz within 2 seconds.\n`,
    );

    const words = systemdWords(start!, env);
    const service = spawn(words[0]!, words.slice(1), {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    try {
      const readyEnv = { ...env, READY_WAIT_SECONDS: '60' };
      const result = await runExec(systemdWords(ready!, readyEnv), readyEnv);
      expect(result).toEqual({ code: 0, stderr: '' });
      const answer = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(answer.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
  });
});
