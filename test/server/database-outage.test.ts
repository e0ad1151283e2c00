// The database goes away while the service runs (PostgreSQL restarted, the network between them down):
// the API answers 503 with Retry-After rather than 500, /readyz answers 503, the outage is logged once
// however many requests and probes meet it, and the service answers as before once the database is back.
// The database is reached through a TCP relay the test can cut, as a network would.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { expect, it, vi } from 'vitest';
import { startService } from '../../server/main.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';

/** A relay to PostgreSQL on a port of its own; `cut()` drops every connection and stops listening. */
async function relay(target: URL, port = 0): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function collect(): { stream: PassThrough; lines: () => { msg?: string; level?: number }[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return {
    stream,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; level?: number }),
  };
}

describeStores(
  'a database outage',
  () => {
    it('answers 503 with Retry-After while the database is away, logs it once, and recovers', async () => {
      const direct = new URL(await freshDatabaseUrl('postgres'));
      let link = await relay(direct);
      const relayed = new URL(direct);
      relayed.port = String(link.port);
      const logs = collect();
      const service = await startService({
        env: {
          PORT: '0',
          DATABASE_URL: relayed.toString(),
          DEMO: 'off',
          LOG_LEVEL: 'info',
          LOG_FORMAT: 'json',
        },
        out: new PassThrough().resume(),
        logDestination: logs.stream,
      });
      try {
        expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
        await link.cut();

        for (let probe = 0; probe < 3; probe++) {
          const ready = await fetch(`${service.url}/readyz`);
          expect(ready.status).toBe(503);
          expect(await ready.json()).toEqual({
            error: { code: 'not-ready', message: 'The database is not reachable.' },
          });
        }
        for (let request = 0; request < 2; request++) {
          const me = await fetch(`${service.url}/api/v1/me`, {
            headers: { authorization: 'Bearer scdo_some-token-value' },
          });
          expect(me.status).toBe(503);
          expect(me.headers.get('retry-after')).toBe('30');
          expect(await me.json()).toEqual({
            error: {
              code: 'database-unavailable',
              message: 'The service cannot reach its database just now; try again in a minute.',
            },
          });
        }
        const outage = logs.lines().filter((l) => l.msg?.startsWith('database not reachable'));
        expect(outage).toHaveLength(1);
        expect(logs.lines().filter((l) => l.msg === 'request failed')).toEqual([]);

        link = await relay(direct, link.port);
        await vi.waitFor(async () => expect((await fetch(`${service.url}/readyz`)).status).toBe(200), {
          timeout: 10_000,
        });
        const me = await fetch(`${service.url}/api/v1/me`, {
          headers: { authorization: 'Bearer scdo_some-token-value' },
        });
        expect(me.status).toBe(401);
        expect(logs.lines().filter((l) => l.msg === 'database reachable again')).toHaveLength(1);
      } finally {
        await service.close();
        await link.cut();
      }
    });
  },
  ['postgres'],
);
