// The service prepares a roll-up in a process of its own (server/mail/rollup-process.ts), so that its
// consolidated view, workbook and charts never sit in the service's memory; the service sends what that
// process queued. Shown by the processes the log lines come from, on SQLite and on PostgreSQL; and a
// database in memory, which no other process can open, has it prepared in the service itself.
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { demoPartnership } from '../../../demo/partnership.js';
import { loadConfig } from '../../../server/config.js';
import { createLogger } from '../../../server/logger.js';
import { startMailService } from '../../../server/mail/index.js';
import { startService, type RunningService } from '../../../server/main.js';
import { openStore, type Store } from '../../../server/store/index.js';
import { testActor } from '../../helpers/actors.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';
import { deliveredTo, startTestSmtp, type TestSmtp } from './smtp-harness.js';

const COUNCILS = ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'];
/** The March 2027 roll-up's e-mails: the board's, then each council's statement. */
const EXPECTED = [
  ...demoPartnership.rollupRecipients,
  ...COUNCILS.map((id) => demoPartnership.councils.find((c) => c.id === id)!.contactEmail!),
].sort();
// Down at 07:00 on 11 April 2027; started again at 09:30 on the 12th: March's roll-up is due.
const now = () => new Date('2027-04-12T08:30:00Z');

interface LogLine {
  pid: number;
  msg: string;
  period?: string;
  added?: number;
}

let smtp: TestSmtp;
let running: RunningService | undefined;
beforeEach(async () => {
  smtp = await startTestSmtp();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await smtp.close();
});

/** A database holding the partnership and every council's March return. */
async function databaseWithMarch(url: string): Promise<Store> {
  const store = await openStore(url);
  await store.savePartnership(demoPartnership, testActor('test'), '2026-04-01T00:00:00Z');
  for (const council of COUNCILS)
    await store.appendSubmission({
      council,
      period: '2027-03',
      data: demoCouncilSubmission(council, '2027-03'),
      submittedAt: '2027-04-05T10:00:00Z',
      actor: testActor('test'),
      source: 'cli',
      receipt: () => ({}),
    });
  return store;
}

/** A log destination and the JSON lines written to it so far. */
function logCollector(): { stream: PassThrough; lines: () => LogLine[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const lines = () =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  return { stream, lines };
}

/** Waits until March's roll-up has reached every recipient. */
async function delivered(): Promise<void> {
  for (let i = 0; i < 1500 && smtp.deliveries.length < EXPECTED.length; i++) await sleep(20);
  expect(deliveredTo(smtp)).toEqual(EXPECTED);
}

/** Starts the service on `url` and waits until the roll-up has been delivered; its log lines. */
async function startAndSend(url: string, store?: Store): Promise<LogLine[]> {
  const logs = logCollector();
  running = await startService({
    env: { PORT: '0', DATABASE_URL: url, DEMO: 'off', LOG_LEVEL: 'info', SMTP_URL: smtp.url },
    now,
    out: new PassThrough().resume(),
    logDestination: logs.stream,
  });
  if (store) await store.close();
  await delivered();
  const subject = (await simpleParser(smtp.deliveries[0]!.raw)).subject;
  expect(subject).toContain('March 2027');
  return logs.lines();
}

describeStores('the roll-up prepared apart', (kind) => {
  it('is queued by a process of its own and sent by the service', async () => {
    const url = await freshDatabaseUrl(kind);
    const lines = await startAndSend(url, await databaseWithMarch(url));
    const queued = lines.filter((l) => l.msg === 'roll-up e-mails queued');
    expect(queued).toEqual([expect.objectContaining({ period: '2027-03', added: EXPECTED.length })]);
    expect(queued[0]!.pid).not.toBe(process.pid);
    const sent = lines.filter((l) => l.msg === 'mail sent');
    expect(sent).toHaveLength(EXPECTED.length);
    expect(new Set(sent.map((l) => l.pid))).toEqual(new Set([process.pid]));
  });
});

it('is prepared in the service itself when its database is in memory', async () => {
  // No other process can open a database in memory, so the mail service's check prepares it where it runs.
  const env = { DATABASE_URL: 'sqlite::memory:', DEMO: 'off', LOG_LEVEL: 'info', SMTP_URL: smtp.url };
  const store = await databaseWithMarch('sqlite::memory:');
  const logs = logCollector();
  const config = loadConfig(env);
  const mail = startMailService({
    store,
    config,
    logger: createLogger('info', logs.stream, 'json'),
    now,
    env,
  });
  try {
    await delivered();
    const queued = logs.lines().filter((l) => l.msg === 'roll-up e-mails queued');
    expect(queued).toEqual([expect.objectContaining({ pid: process.pid, added: EXPECTED.length })]);
  } finally {
    await mail.stop();
    await store.close();
  }
});
