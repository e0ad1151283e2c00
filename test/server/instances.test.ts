// Two service processes on one PostgreSQL database, as behind a load balancer with no sticky sessions:
// submissions through both interleave without a lost or duplicated version; If-Match, Idempotency-Key
// and period locks hold across them; the roll-up and reminders go once per recipient though both have
// the schedule; and when one is killed mid-burst every acknowledged return stays and the other goes on.
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { openStore, type Store } from '../../server/store/index.js';
import type { SubmissionReceipt } from '../../shared/api.js';
import { testActor } from '../helpers/actors.js';
import { describeStores, freshPostgresDatabase } from '../helpers/databases.js';
import { startTestSmtp, type TestSmtp } from './mail/smtp-harness.js';
import { spawnService, type ServiceProcess } from './helpers/spawn-service.js';

const COUNCILS = demoPartnership.councils.map((c) => c.id);
// 07:30 in London on 7 April 2027: February's roll-up is due (since 11 March) and so are March's
// reminders (three days before the 10 April deadline).
const NOW = '2027-04-07T06:30:00Z';

describeStores(
  'several instances',
  () => {
    let store: Store;
    let smtp: TestSmtp;
    let a: ServiceProcess;
    let b: ServiceProcess;

    beforeAll(async () => {
      const url = await freshPostgresDatabase();
      store = await openStore(url);
      await store.savePartnership(demoPartnership, testActor(), NOW);
      smtp = await startTestSmtp();
      const env = { DATABASE_URL: url, SMTP_URL: smtp.url, TEST_NOW: NOW };
      [a, b] = await Promise.all([spawnService(env), spawnService(env)]);
    });
    afterAll(async () => {
      for (const p of [a, b]) if (p && p.child.exitCode === null && !p.child.killed) p.child.kill('SIGTERM');
      await Promise.all([a?.exited, b?.exited]);
      await store?.close();
      await smtp?.close();
    });

    const submit = (
      via: ServiceProcess,
      council: string,
      period: string,
      headers: Record<string, string> = {},
      note = '',
    ): Promise<Response> => {
      const base = demoCouncilSubmission(council, period);
      const body = {
        ...base,
        projects: base.projects.map((p, i) => (i === 0 ? { ...p, update: note || p.update } : p)),
      };
      return fetch(`${via.url}/api/v1/councils/${council}/submissions?period=${period}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${via.token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    };

    const versionsOf = async (council: string, period: string): Promise<number[]> =>
      (await store.listSubmissions(council, period)).map((s) => s.version).sort((x, y) => x - y);

    it('interleaves submissions through both without losing or duplicating a version', async () => {
      const responses = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          submit(i % 2 ? a : b, COUNCILS[i % COUNCILS.length]!, '2026-09', {}, `interleaved ${i}`),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
      const receipts = (await Promise.all(responses.map((r) => r.json()))) as SubmissionReceipt[];
      for (const council of COUNCILS) {
        const acknowledged = receipts.filter((r) => r.council === council).map((r) => r.version);
        expect(acknowledged.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(await versionsOf(council, '2026-09')).toEqual([1, 2, 3, 4, 5, 6]);
      }
    });

    it('lets exactly one of 20 concurrent submissions with the same If-Match through', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          submit(i % 2 ? a : b, 'cherwell', '2026-10', { 'if-match': '"0"' }, `if-match ${i}`),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, ...Array.from({ length: 19 }, () => 409)]);
      expect(await versionsOf('cherwell', '2026-10')).toEqual([1]);
    });

    it('stores one version for the same Idempotency-Key sent through both', async () => {
      const headers = { 'idempotency-key': 'one-return-two-doors' };
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) => submit(i % 2 ? a : b, 'west-oxfordshire', '2026-10', headers)),
      );
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
      const receipts = (await Promise.all(responses.map((r) => r.json()))) as SubmissionReceipt[];
      expect(new Set(receipts.map((r) => r.id)).size).toBe(1);
      expect(await versionsOf('west-oxfordshire', '2026-10')).toEqual([1]);
    });

    it('honours a period lock set through one instance at once in the other', async () => {
      const lock = await fetch(`${a.url}/api/v1/periods/2026-08/lock`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${a.token}` },
      });
      expect(lock.status).toBe(200);
      const refused = await submit(b, 'cherwell', '2026-08');
      expect(refused.status).toBe(423);
      expect(await versionsOf('cherwell', '2026-08')).toEqual([]);
    });

    it('sends the roll-up and the reminders once per recipient with both instances scheduled', async () => {
      const contacts = demoPartnership.councils.map((c) => c.contactEmail!);
      // February's roll-up to its recipients and a statement to each Member, March's reminders to each
      // late Member: every council is late for March here.
      const expected = [...demoPartnership.rollupRecipients, ...contacts, ...contacts].length;
      for (let i = 0; i < 1500 && smtp.deliveries.length < expected; i++) await sleep(20);
      // Time for a duplicate to arrive, if either instance were to send one.
      await sleep(500);
      const sent = await Promise.all(
        smtp.deliveries.map(async (d) => {
          const subject = (await simpleParser(d.raw)).subject ?? '';
          return `${subject.split(' — ')[0]} → ${d.to.join(',')}`;
        }),
      );
      expect(sent).toHaveLength(expected);
      expect(new Set(sent).size).toBe(expected);
    });

    it('keeps every acknowledged return when one instance is killed mid-burst, and the other goes on', async () => {
      const acknowledged: SubmissionReceipt[] = [];
      let stop = false;
      let attempt = 0;
      const worker = async (via: ServiceProcess): Promise<void> => {
        while (!stop) {
          const n = attempt++;
          try {
            const response = await submit(via, COUNCILS[n % COUNCILS.length]!, '2026-11', {}, `burst ${n}`);
            if (response.status === 201) acknowledged.push((await response.json()) as SubmissionReceipt);
          } catch {
            // The connection died with the killed instance: not acknowledged, so a client would retry.
            if (via === a) return;
          }
        }
      };
      const workers = [a, a, a, b, b, b].map(worker);
      while (acknowledged.length < 20) await sleep(5);
      a.child.kill('SIGKILL');
      expect(await a.exited).toBe('SIGKILL');
      const atKill = acknowledged.length;
      while (acknowledged.length < atKill + 10) await sleep(5);
      stop = true;
      await Promise.all(workers);

      const after = await submit(b, 'cherwell', '2026-11', {}, 'after the kill');
      expect(after.status).toBe(201);
      acknowledged.push((await after.json()) as SubmissionReceipt);
      for (const receipt of acknowledged) {
        const stored = await store.getSubmission(receipt.council, receipt.id);
        expect(stored, `${receipt.council} v${receipt.version}`).toMatchObject({ version: receipt.version });
      }
      for (const council of COUNCILS) {
        const versions = await versionsOf(council, '2026-11');
        expect(versions).toEqual(versions.map((_, i) => i + 1));
      }
    });
  },
  ['postgres'],
);
