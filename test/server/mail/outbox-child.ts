// A service instance's mail sender in its own process, so a test can SIGKILL it mid-send and start
// another. Arguments: the DATABASE_URL and the SMTP URL. Exits 0 once no message is pending or in flight.
import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxWorker } from '../../../server/mail/outbox.js';
import { smtpTransport } from '../../../server/mail/transport.js';
import { openMailDb } from './mail-db.js';

const [url, smtpUrl] = process.argv.slice(2);
if (!url || !smtpUrl) throw new Error('usage: outbox-child DATABASE_URL SMTP_URL');
const db = await openMailDb(url);
const worker = new OutboxWorker(db, smtpTransport(smtpUrl), {
  workerId: `child-${process.pid}`,
  leaseMs: 300,
  claimMs: 800,
  backoff: { baseMs: 20, maxMs: 100 },
});
for (;;) {
  await worker.runOnce();
  const open = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('status', 'in', ['pending', 'sending'])
    .execute();
  if (open.length === 0) break;
  await sleep(50);
}
await worker.stop();
await db.destroy();
