// Upload bodies wait in the spool (DESIGN §9.5): a few hundred kilobytes in memory, the rest in a file
// only the service's user can read, removed once answered; all bodies in flight share one budget, past
// which new uploads get 503 with Retry-After; a body that says it is too big is refused before it is read.
import { statSync, readdirSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { describeStores } from '../helpers/databases.js';
import { startTestService, XLSX, type TestService } from './helpers/service.js';

let t: TestService;
const MB = 1024 * 1024;
const path = '/api/v1/councils/cherwell/submissions?period=2026-10';

/** Starts an upload that declares `length` bytes and sends only `sent` of them, then waits. */
function unfinishedUpload(length: number, sent: number): Promise<ClientRequest> {
  const url = new URL(path, t.url);
  const req = request(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${t.tokens.cherwell}`,
      'content-type': XLSX,
      'content-length': String(length),
    },
  });
  req.on('error', () => undefined);
  req.write(Buffer.alloc(sent, 0x50));
  return new Promise((resolve) => req.once('socket', () => setTimeout(() => resolve(req), 50)));
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
};

describeStores('the upload spool', (kind) => {
  beforeAll(async () => {
    t = await startTestService({ kind });
    await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership });
  });
  afterAll(() => t.stop());

  it('keeps a large unfinished body in a private file, not in memory, and removes it when the client goes', async () => {
    const upload = await unfinishedUpload(5 * MB, 1 * MB);
    const spool = t.service.spool;
    await until(() => spool.folderPath !== undefined && readdirSync(spool.folderPath).length === 1);
    const folder = spool.folderPath!;
    const file = join(folder, readdirSync(folder)[0]!);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await until(() => statSync(file).size === 1 * MB);
    // The 5 MB it declared are reserved against the budget until it is done.
    expect(spool.bytesInFlight).toBe(5 * MB);
    upload.destroy();
    await until(() => readdirSync(folder).length === 0 && spool.bytesInFlight === 0);
  });

  it('refuses new uploads with 503 and Retry-After once bodies in flight fill the budget', async () => {
    // The budget is 128 MB: twelve unfinished 10 MB bodies hold 120 MB, so a thirteenth does not fit.
    const held = await Promise.all(Array.from({ length: 12 }, () => unfinishedUpload(10 * MB, 64 * 1024)));
    await until(() => t.service.spool.bytesInFlight === 120 * MB);
    const refused = await t.call('POST', path, { token: 'cherwell', xlsx: Buffer.alloc(9 * MB) });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toEqual({
      error: {
        code: 'busy',
        message: 'The service is receiving many uploads just now; try again in a minute.',
      },
    });
    // The service goes on answering everything else meanwhile.
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    for (const upload of held) upload.destroy();
    await until(() => t.service.spool.bytesInFlight === 0);
    const later = await t.call('POST', path, { token: 'cherwell', xlsx: Buffer.alloc(9 * MB) });
    // Read now: 9 MB of nothing is not a workbook.
    expect(later.status).toBe(422);
  });

  it('refuses a body that declares more than 10 MB before reading it', async () => {
    const refused = await t.call('POST', path, { token: 'cherwell', xlsx: Buffer.alloc(10 * MB + 1) });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('payload-too-large');
    expect(t.service.spool.bytesInFlight).toBe(0);
  });

  it('limits a body that is not an upload (a review, a token) to 100 KB', async () => {
    const big = { label: 'x'.repeat(200 * 1024), role: 'viewer' };
    const refused = await t.call('POST', '/api/v1/tokens', { token: 'admin', json: big });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      error: { code: 'payload-too-large', message: 'The request body is over the 100 KB limit.' },
    });
  });
});
