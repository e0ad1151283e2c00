// `npm run lint` step: the OpenAPI document exactly as the service serves it, checked by Redocly CLI's
// recommended rules, so clients can be generated from it. Redocly runs offline: no telemetry, no update
// check.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startService } from '../main.js';

const folder = mkdtempSync(join(tmpdir(), 'shared-cdo-openapi-'));
let status = 1;
try {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const service = await startService({
    env: {
      PORT: '0',
      DEMO: 'off',
      LOG_LEVEL: 'silent',
      DATABASE_URL: `sqlite:${join(folder, 'shared-cdo.sqlite')}`,
    },
    out: silent,
  });
  const document = await fetch(`${service.url}/api/v1/openapi.json`).then((r) => r.text());
  await service.close();
  const file = join(folder, 'openapi.json');
  writeFileSync(file, document);
  const redocly = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
  status =
    spawnSync(process.execPath, [redocly, 'lint', '--extends=recommended', '--format=stylish', file], {
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).status ?? 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
process.exit(status);
