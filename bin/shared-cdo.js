#!/usr/bin/env node
// The `shared-cdo` command and the service (`shared-cdo serve`), run from the JavaScript that `npm ci`
// compiles into dist/ (`npm run build`). In development, `npm run dev -- <command>` runs the TypeScript.
//
// The Node check comes first, before any module is loaded: the SQLite driver is native code built for the
// Node that installed it, and an older Node crashes inside it rather than saying what is wrong.
import { existsSync, readFileSync } from 'node:fs';

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
// - A young generation of 8 MB: V8 would otherwise grow it to 64 MB after the first large request, and
//   keep that whether or not anything more is asked of the service.
// - An old generation capped at 256 MB: V8 then collects a large download's garbage on the way instead
//   of letting the heap grow to several times what is alive (a 400-council view keeps about 60 MB).
// - glibc's malloc: two arenas rather than one per thread that ever allocated, and buffers of 64 KB or
//   more (the workbook's and the JSON's chunks) mapped and returned to the system when freed, rather
//   than left in the arenas.
const SERVICE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=256'];
const SERVICE_MALLOC = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };
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
await import(cli.href);
