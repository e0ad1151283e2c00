// The store's outbox tables as the mail code sees them (store.mail), opened the way the service opens
// its database (a DATABASE_URL: a SQLite file in WAL mode, or PostgreSQL), so several connections,
// workers and processes can share it. The store's migrations create the tables (once, whoever opens first).
import type { Kysely } from 'kysely';
import type { MailTables } from '../../../server/store/mail-tables.js';
import { openStore } from '../../../server/store/index.js';

export async function openMailDb(url: string): Promise<Kysely<MailTables>> {
  return (await openStore(url)).mail;
}
