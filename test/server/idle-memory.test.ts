// The service's collection once idle (server/idle-memory.ts): made after a quiet spell, put off by each
// request, made again after the next quiet spell, and never made once the service stops.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collectWhenIdle } from '../../server/idle-memory.js';

const QUIET_MS = 500;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('collectWhenIdle', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    servers.length = 0;
  });

  async function server(): Promise<{ server: http.Server; get(): Promise<void> }> {
    const s = http.createServer((_req, res) => res.end('ok'));
    servers.push(s);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const { port } = s.address() as AddressInfo;
    return {
      server: s,
      get: async () => void (await (await fetch(`http://127.0.0.1:${port}/`)).text()),
    };
  }

  it('collects once after a quiet spell, not while requests keep coming, and again after the next', async () => {
    const { server: s, get } = await server();
    let collections = 0;
    const idle = collectWhenIdle(s, () => collections++, QUIET_MS);
    // Requests closer together than the quiet spell put the collection off.
    for (let i = 0; i < 4; i++) {
      await pause(QUIET_MS / 10);
      await get();
    }
    expect(collections).toBe(0);
    await pause(QUIET_MS * 2);
    expect(collections).toBe(1);
    await get();
    await pause(QUIET_MS * 2);
    expect(collections).toBe(2);
    idle.stop();
  });

  it('collects nothing while an answer is still going out, and once it has ended and the service is quiet', async () => {
    let finish: () => void = () => undefined;
    const s = http.createServer((_req, res) => {
      res.write('first part');
      finish = () => res.end();
    });
    servers.push(s);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    let collections = 0;
    const idle = collectWhenIdle(s, () => collections++, QUIET_MS);
    const { port } = s.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/`);
    await pause(QUIET_MS * 2);
    expect(collections).toBe(0);
    finish();
    await answer.text();
    await pause(QUIET_MS * 2);
    expect(collections).toBe(1);
    idle.stop();
  });

  it('collects nothing once stopped', async () => {
    const { server: s } = await server();
    let collections = 0;
    collectWhenIdle(s, () => collections++, QUIET_MS).stop();
    await pause(QUIET_MS * 2);
    expect(collections).toBe(0);
  });
});
