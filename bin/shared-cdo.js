#!/usr/bin/env node
// The `shared-cdo` command and the service (`shared-cdo serve`), run from the JavaScript that `npm ci`
// compiles into dist/ (`npm run build`). In development, `npm run dev -- <command>` runs the TypeScript.
//
// The Node check comes first, before any module is loaded: the SQLite driver is native code built for the
// Node that installed it, and an older Node crashes inside it rather than saying what is wrong.
import { existsSync, readFileSync } from 'node:fs';
import { SERVICE_FLAGS, SERVICE_MALLOC } from './service-memory.js';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const needed = Number(/\d+/.exec(engines.node)[0]);
if (Number(process.versions.node.split('.')[0]) < needed) {
  process.stderr.write(
    `Shared CDO needs Node ${needed} or later; this is Node ${process.versions.node} (${process.execPath}). Install Node ${needed} LTS: see deploy/README.md.\n`,
  );
  process.exit(1);
}

// The service's memory, which must be set before V8 and the C library start: so `serve` starts Node again,
// in the same process, with these (unless it was given heap sizes of its own). README, "What it costs".
if (
  process.argv[2] === 'serve' &&
  typeof process.execve === 'function' &&
  !process.execArgv.some((flag) => /^--max-(semi|old)-space-size/.test(flag))
) {
  process.execve(
    process.execPath,
    [process.execPath, ...SERVICE_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
    { ...SERVICE_MALLOC, ...process.env },
  );
}

const cli = new URL('../dist/server/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'Shared CDO is not built yet: run `npm ci` (or `npm run build`) in its folder first.\n',
  );
  process.exit(1);
}
// A bare `serve` starts the service without the command line around it (server/commands/serve.ts).
if (process.argv.length === 3 && process.argv[2] === 'serve') {
  const { serve } = await import(new URL('../dist/server/commands/serve.js', import.meta.url).href);
  await serve();
} else {
  await import(cli.href);
}
