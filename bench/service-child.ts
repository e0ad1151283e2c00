// The service under load, in its own process so that its CPU and peak memory are its own:
//   node --import tsx bench/service-child.ts seed DATABASE_URL COUNCILS ROWS   (store a partnership + returns)
//   node --import tsx bench/service-child.ts serve DATABASE_URL                (listen; print URL and token)
// `serve` also mounts POST /bench/parse-only beside the API: the same JSON body parser and nothing
// else, the baseline the submission endpoint is measured against.
import { PassThrough } from 'node:stream';
import express from 'express';
import { createApp } from '../server/app.js';
import { serviceActor } from '../server/auth/actors.js';
import { createToken } from '../server/auth/tokens.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { DecodePool } from '../server/returns/decode/pool.js';
import { openStore } from '../server/store/index.js';
import { benchPartnership, benchRecords, BENCH_PERIOD } from './fixtures.js';

const [mode, databaseUrl = '', councils = '400', rows = '500'] = process.argv.slice(2);
const store = await openStore(databaseUrl);

if (mode === 'seed') {
  const partnership = benchPartnership(Number(councils));
  await store.savePartnership(partnership, serviceActor('bench', 'bench'), new Date().toISOString());
  const records = Number(rows) > 0 ? benchRecords(Number(councils), Number(rows), BENCH_PERIOD) : [];
  for (const record of records) {
    await store.appendSubmission({
      council: record.council,
      period: record.period,
      data: record.data,
      submittedAt: record.submittedAt,
      actor: serviceActor('bench', 'bench'),
      source: 'cli',
      receipt: ({ version }) => ({ version }),
    });
  }
  await store.close();
} else {
  // The bench files thousands of versions of one council's return: the per-period cap would refuse them.
  const config = {
    ...loadConfig({ DEMO: 'off', RATE_LIMIT_PER_MINUTE: '100000000', MAX_VERSIONS_PER_PERIOD: '100000000' }),
    port: 0,
  };
  const app = express();
  app.post('/bench/parse-only', express.json({ limit: config.maxUploadBytes }), (req, res) => {
    res.status(201).json({ rows: (req.body as { projects: unknown[] }).projects.length });
  });
  const decoder = new DecodePool(config.decode);
  app.use(createApp(config, { store, logger: createLogger('silent', new PassThrough().resume()), decoder }));
  const { token } = await createToken(
    store,
    { role: 'admin', label: 'bench' },
    serviceActor('bench', 'bench'),
  );
  const server = app.listen(0, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.send?.({ url: `http://127.0.0.1:${port}`, token });
  });
  process.on('message', (message) => {
    if (message === 'stop')
      server.close(() => void Promise.all([store.close(), decoder.close()]).then(() => process.exit(0)));
  });
}
