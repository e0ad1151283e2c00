// Runs the service in a child process (the crash and several-instances tests): an admin token, and one
// JSON line on stdout with the URL and the token once it listens. Configured by the environment, plus
// TEST_NOW (a fixed clock, for the mail schedule). The demo partnership is saved unless the database
// already has a partnership, so instances started on one database after it was set up keep it.
//
// It runs the service as compiled into dist/ (the test run's global setup builds it), as production does,
// and Node strips this file's types itself: no TypeScript loader to start in each child (about 0.4 s).
import { PassThrough } from 'node:stream';
import type * as Tokens from '../../../server/auth/tokens.js';
import type * as Main from '../../../server/main.js';
import type * as Demo from '../../../demo/partnership.js';
import type { Actor } from '../../../shared/api.js';

const compiled = (path: string): string => new URL(`../../../dist/${path}`, import.meta.url).href;
const { startService } = (await import(compiled('server/main.js'))) as typeof Main;
const { createToken } = (await import(compiled('server/auth/tokens.js'))) as typeof Tokens;
const { demoPartnership } = (await import(compiled('demo/partnership.js'))) as typeof Demo;

/** As test/helpers/actors.ts says, which this child cannot import uncompiled. */
const testActor = (label: string): Actor => ({ via: 'cli', id: 'test', label });

const fixed = process.env['TEST_NOW'];
const service = await startService({
  out: new PassThrough().resume(),
  ...(fixed ? { now: () => new Date(fixed) } : {}),
});
if (!(await service.store.currentPartnership()))
  await service.store.savePartnership(demoPartnership, testActor('test'), new Date().toISOString());
const { token } = await createToken(
  service.store,
  { role: 'admin', label: `instance ${process.pid}` },
  testActor(`instance ${process.pid}`),
  fixed ? new Date(fixed) : new Date(),
);
process.stdout.write(`${JSON.stringify({ url: service.url, token })}\n`);
