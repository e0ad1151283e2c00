// The store, on SQLite and on PostgreSQL: migrations run once and in order, tokens are kept only as
// hashes, and versions are append-only with one number per (council, period) even when writers race.
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { createToken, hashToken, TOKEN_PREFIX } from '../../../server/auth/tokens.js';
import {
  migrate,
  migrations,
  openStore,
  type AppendSubmission,
  type Migration,
  type Store,
} from '../../../server/store/index.js';
import { parseDatabaseUrl } from '../../../server/config.js';
import { openDialect } from '../../../server/store/open.js';
import { testActor } from '../../helpers/actors.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';

const submission = (overrides: Partial<AppendSubmission> = {}): AppendSubmission => ({
  council: 'cherwell',
  period: '2026-10',
  data: demoCouncilSubmission('cherwell', '2026-10'),
  submittedAt: '2026-11-02T09:00:00.000Z',
  actor: testActor(),
  source: 'cli',
  receipt: ({ version }) => ({ version }),
  ...overrides,
});

describeStores('store', (kind) => {
  let url: string;
  let store: Store;

  beforeEach(async () => {
    url = await freshDatabaseUrl(kind);
    store = await openStore(url);
  });
  afterEach(async () => {
    await store.close();
  });

  describe('migrations', () => {
    it('creates the schema once and records each migration', async () => {
      if (kind === 'sqlite') {
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
        expect(mode.rows[0]?.journal_mode).toBe('wal');
      }
      const applied = await store.db.selectFrom('schema_migrations').select(['id', 'name']).execute();
      expect(applied).toEqual(migrations.map((m) => ({ id: m.id, name: m.name })));
      expect(await migrate(store.db)).toEqual([]);
      await store.close();
      store = await openStore(url);
      expect(await store.db.selectFrom('schema_migrations').select('id').execute()).toHaveLength(
        migrations.length,
      );
    });

    it('applies a later migration appended to the list, and refuses a list out of order', async () => {
      const extra: Migration = {
        id: migrations.length + 1,
        name: 'outbox',
        up: (db) => db.schema.createTable('outbox').addColumn('id', 'integer').execute(),
      };
      expect(await migrate(store.db, [...migrations, extra])).toEqual([extra.id]);
      await expect(migrate(store.db, [extra])).rejects.toThrow(/position 1/);
    });
  });

  describe('migration 10', () => {
    it('keeps every outbox row, and the outbox takes the e-mails of the partnership year', async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as it was before migration 10
      const db = new Kysely<any>({ dialect: openDialect(parseDatabaseUrl(await freshDatabaseUrl(kind))) });
      try {
        await migrate(
          db,
          migrations.filter((m) => m.id < 10),
        );
        const row = (kind: string, recipient: string) => ({
          kind,
          period: '2026-05',
          recipient,
          envelope_from: 'cdo@example.org',
          subject: 'Roll-up',
          message: Buffer.from('Subject: Roll-up\r\n\r\nBody'),
          status: 'sent',
          attempts: 1,
          next_attempt_at: 1,
          created_at: '2026-06-11T06:00:00Z',
        });
        await db.insertInto('mail_outbox').values(row('rollup', 'board@example.org')).execute();
        await expect(
          db.insertInto('mail_outbox').values(row('agreement', 'a@example.org')).execute(),
        ).rejects.toThrow();
        expect(await migrate(db, migrations)).toEqual([10]);
        const kept = await db.selectFrom('mail_outbox').selectAll().execute();
        expect(kept).toMatchObject([{ id: 1, kind: 'rollup', recipient: 'board@example.org', attempts: 1 }]);
        expect(Buffer.from(kept[0]!.message).toString()).toBe('Subject: Roll-up\r\n\r\nBody');
        for (const k of ['agreement', 'agreement-reminder', 'year-statement'])
          await db.insertInto('mail_outbox').values(row(k, 'a@example.org')).execute();
        // Still one row per key, and still no kind outside the list.
        await expect(
          db.insertInto('mail_outbox').values(row('rollup', 'board@example.org')).execute(),
        ).rejects.toThrow();
        await expect(
          db.insertInto('mail_outbox').values(row('letter', 'a@example.org')).execute(),
        ).rejects.toThrow();
        // Auto-numbering carries on after the copied rows (PostgreSQL's refused inserts used numbers too).
        const next = await db
          .insertInto('mail_outbox')
          .values(row('statement', 'a@example.org'))
          .returning('id')
          .executeTakeFirstOrThrow();
        expect(next.id).toBeGreaterThan(4);
      } finally {
        await db.destroy();
      }
    });
  });

  describe('tokens', () => {
    it('stores only the SHA-256 of a token and finds the caller by it', async () => {
      const { token } = await createToken(
        store,
        { role: 'council', council: 'cherwell', label: 'Cherwell finance' },
        testActor(),
      );
      expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
      expect(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
      const rows = await store.db.selectFrom('tokens').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.hash).toBe(hashToken(token));
      expect(JSON.stringify(rows)).not.toContain(token.slice(TOKEN_PREFIX.length));
      expect(await store.findToken(hashToken(token))).toMatchObject({ role: 'council', council: 'cherwell' });
      expect(await store.findToken(hashToken(`${token}x`))).toBeUndefined();
    });

    it('binds council tokens, and only them, to a council', async () => {
      await expect(createToken(store, { role: 'council', label: 'no council' }, testActor())).rejects.toThrow(
        /--council/,
      );
      await expect(
        createToken(store, { role: 'viewer', council: 'cherwell', label: 'x' }, testActor()),
      ).rejects.toThrow(/council/);
    });
  });

  describe('submissions', () => {
    it('numbers versions 1..n per council and period and keeps each one whole', async () => {
      await store.savePartnership(demoPartnership, testActor(), '2026-11-01T00:00:00.000Z');
      expect(await store.appendSubmission(submission())).toMatchObject({
        kind: 'created',
        receipt: { version: 1 },
      });
      expect(await store.appendSubmission(submission({ expectedVersion: 1 }))).toMatchObject({
        kind: 'created',
        receipt: { version: 2 },
      });
      expect(await store.appendSubmission(submission({ period: '2026-09' }))).toMatchObject({
        receipt: { version: 1 },
      });
      expect(await store.appendSubmission(submission({ expectedVersion: 1 }))).toEqual({
        kind: 'stale',
        latest: 2,
      });
      const list = await store.listSubmissions('cherwell', '2026-10');
      expect(list.map((s) => s.version)).toEqual([2, 1]);
      const first = await store.getSubmission('cherwell', list[1]!.id);
      expect(first?.data).toEqual(demoCouncilSubmission('cherwell', '2026-10'));
    });

    it('stores a return handed over as UTF-8 bytes as the text they encode, letters outside ASCII included', async () => {
      await store.savePartnership(demoPartnership, testActor(), '2026-11-01T00:00:00.000Z');
      const data = demoCouncilSubmission('cherwell', '2026-10');
      const [first, ...rest] = data.skills;
      const welsh = { ...data, skills: [{ ...first!, person: 'Siân Llŷr — “tîm” £5 ✓' }, ...rest] };
      const bytes = new TextEncoder().encode(JSON.stringify(welsh));
      const created = await store.appendSubmission(submission({ data: bytes }));
      if (created.kind !== 'created') throw new Error(created.kind);
      expect((await store.getSubmission('cherwell', created.id))?.data.skills[0]?.person).toBe(
        'Siân Llŷr — “tîm” £5 ✓',
      );
      const stored = await store.db
        .selectFrom('submissions')
        .select('data')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      // Stored as text, not as bytes: the personal-data searches look inside it with SQL.
      expect(typeof stored.data).toBe('string');
      expect(stored.data).toContain('Siân Llŷr');
    });

    it('hands the receipt builder the previous row digest, or the previous data when it has none', async () => {
      await store.appendSubmission(submission());
      await store.appendSubmission(submission({ rowDigest: '{"Projects":[]}' }));
      const seen: { rowDigest: string | null; projects: number }[] = [];
      const peek: AppendSubmission['receipt'] = async ({ version, previous }) => {
        if (previous)
          seen.push({ rowDigest: previous.rowDigest, projects: (await previous.data()).projects.length });
        return { version };
      };
      await store.appendSubmission(submission({ period: '2026-09', receipt: peek }));
      await store.appendSubmission(submission({ period: '2026-09', receipt: peek }));
      await store.appendSubmission(submission({ receipt: peek }));
      const projects = demoCouncilSubmission('cherwell', '2026-10').projects.length;
      expect(seen).toEqual([
        { rowDigest: null, projects },
        { rowDigest: '{"Projects":[]}', projects },
      ]);
    });

    it('lets the database refuse a second row with the same version number', async () => {
      await store.appendSubmission(submission());
      const duplicate = store.db
        .insertInto('submissions')
        .values({
          council: 'cherwell',
          period: '2026-10',
          version: 1,
          data: '{}',
          submitted_at: 'now',
          token_id: null,
          submitted_by: 'x',
          source: 'cli',
          idempotency_key: null,
          request_hash: null,
          receipt: '{}',
          row_digest: null,
        })
        .execute();
      await expect(duplicate).rejects.toThrow(/UNIQUE|unique constraint/);
    });

    it('gives every concurrent writer its own version number', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.appendSubmission(submission())),
      );
      const versions = results.map((r) =>
        r.kind === 'created' ? (r.receipt as { version: number }).version : 0,
      );
      expect(versions.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('lets exactly one of many concurrent writers with the same If-Match through', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.appendSubmission(submission({ expectedVersion: 0, actor: testActor(`w${i}`) })),
        ),
      );
      expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'stale')).toEqual(
        Array.from({ length: 9 }, () => ({ kind: 'stale', latest: 1 })),
      );
    });

    it('stores one version for concurrent retries with the same Idempotency-Key', async () => {
      const keyed = submission({ idempotencyKey: 'same', requestHash: 'h' });
      const results = await Promise.all(Array.from({ length: 10 }, () => store.appendSubmission(keyed)));
      expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'replayed')).toHaveLength(9);
      expect(await store.listSubmissions('cherwell')).toHaveLength(1);
    });

    it('refuses every append that starts after a period lock, however the writes interleave', async () => {
      const before = Array.from({ length: 5 }, () => store.appendSubmission(submission()));
      await store.lockPeriod('2026-10', testActor('cdo'), '2026-11-20T00:00:00.000Z');
      const after = await Promise.all(Array.from({ length: 5 }, () => store.appendSubmission(submission())));
      expect(after).toEqual(Array.from({ length: 5 }, () => ({ kind: 'locked' })));
      const settled = await Promise.all(before);
      const created = settled.filter((r) => r.kind === 'created').length;
      expect(await store.listSubmissions('cherwell', '2026-10')).toHaveLength(created);
    });

    it('replays an idempotent request, refuses a locked period and writes an audit entry per change', async () => {
      const keyed = submission({ idempotencyKey: 'k1', requestHash: 'h1' });
      const first = await store.appendSubmission(keyed);
      expect(first).toMatchObject({ kind: 'created', receipt: { version: 1 } });
      expect(await store.appendSubmission(keyed)).toEqual({ ...first, kind: 'replayed' });
      expect(await store.appendSubmission({ ...keyed, requestHash: 'h2' })).toEqual({ kind: 'key-reused' });
      await store.lockPeriod('2026-10', testActor('cdo'), '2026-11-20T00:00:00.000Z');
      expect(await store.appendSubmission(submission())).toEqual({ kind: 'locked' });
      expect((await store.auditEntries({ limit: 10 })).map((e) => e.action)).toEqual([
        'submission.create',
        'period.lock',
      ]);
    });

    it('keeps the audit trail append-only: the database refuses to change or delete an entry', async () => {
      await store.appendSubmission(submission());
      await store.lockPeriod('2026-10', testActor('cdo'), '2026-11-20T00:00:00.000Z');
      const before = await store.auditEntries({ limit: 10 });
      expect(before).toHaveLength(2);
      await expect(
        store.db.updateTable('audit_log').set({ actor_label: 'someone else' }).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(
        store.db.deleteFrom('audit_log').where('id', '=', before[0]!.id).execute(),
      ).rejects.toThrow(/append-only/);
      if (kind === 'postgres')
        await expect(sql`truncate audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
      expect(await store.auditEntries({ limit: 10 })).toEqual(before);
    });

    it('gives consolidation only the latest version of each council and period, with its review', async () => {
      await store.appendSubmission(submission());
      await store.appendSubmission(submission());
      await store.appendSubmission(submission({ council: 'cherwell', period: '2026-09' }));
      const [latest] = await store.listSubmissions('cherwell', '2026-10');
      await store.addReview(
        latest!.id,
        { status: 'accepted', comment: '' },
        testActor('cdo'),
        '2026-11-21T00:00:00.000Z',
      );
      const records = [];
      for await (const record of store.eachLatestVersion(['2026-09', '2026-10'])) records.push(record);
      expect(records.map((r) => [r.period, r.version, r.review])).toEqual([
        ['2026-09', 1, 'pending'],
        ['2026-10', 2, 'accepted'],
      ]);
    });
  });

  if (kind === 'postgres')
    describe('whole numbers', () => {
      it('reads bigint back as a number within the safe-integer range and refuses beyond it', async () => {
        const safe = await sql<{ n: number }>`select ${String(Number.MAX_SAFE_INTEGER)}::bigint as n`.execute(
          store.db,
        );
        expect(safe.rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER);
        await expect(
          sql`select (${String(Number.MAX_SAFE_INTEGER)}::bigint + 2) as n`.execute(store.db),
        ).rejects.toThrow(/9007199254740993, beyond the largest whole number/);
        // The pool goes on answering after a refused value.
        expect(await store.isReady()).toBe(true);
      });
    });

  describe('download links', () => {
    it('marks a link used once: the second use is refused, expired marks are dropped', async () => {
      const at = '2026-11-05T10:00:00.000Z';
      expect(await store.useDownloadLink('a', '2026-11-05T10:05:00.000Z', at)).toBe(true);
      expect(await store.useDownloadLink('a', '2026-11-05T10:05:00.000Z', at)).toBe(false);
      expect(await store.useDownloadLink('b', '2026-11-05T10:05:00.000Z', at)).toBe(true);
      // Ten minutes on, both marks have outlived their links and go.
      expect(await store.useDownloadLink('c', '2026-11-05T10:15:00.000Z', '2026-11-05T10:10:00.000Z')).toBe(
        true,
      );
      const left = await store.db.selectFrom('download_links_used').select('jti').execute();
      expect(left.map((r) => r.jti)).toEqual(['c']);
    });
  });
});
