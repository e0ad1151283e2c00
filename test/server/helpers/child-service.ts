// Runs the service in a child process (the crash and several-instances tests): an admin token, and one
// JSON line on stdout with the URL and the token once it listens. Configured by the environment, plus
// TEST_NOW (a fixed clock, for the mail schedule). The demo partnership is saved unless the database
// already has a partnership, so instances started on one database after it was set up keep it.
import { PassThrough } from 'node:stream';
import { createToken } from '../../../server/auth/tokens.js';
import { startService } from '../../../server/main.js';
import { demoPartnership } from '../../../demo/partnership.js';
import { testActor } from '../../helpers/actors.js';

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
