// Runs the service in a child process for the crash test: the demo partnership, an admin token, and
// one JSON line on stdout with the URL and the token once it listens. Configured by the environment.
import { createToken } from '../../../server/auth/tokens.js';
import { startService } from '../../../server/main.js';
import { demoPartnership } from '../../../demo/partnership.js';
import { PassThrough } from 'node:stream';

const service = await startService({ out: new PassThrough().resume() });
await service.store.savePartnership(demoPartnership, 'test', new Date().toISOString());
const token = await createToken(service.store, { role: 'admin', label: 'crash test' });
process.stdout.write(`${JSON.stringify({ url: service.url, token })}\n`);
