// Submitting a JSON return: the receipt's changes are right whichever way a row was sent, across a
// change of the digest's hash, and when the return is checked in a worker thread (bytes from HTTP); on
// SQLite and on PostgreSQL.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import { InvalidInput } from '../../server/errors.js';
import { DecodePool } from '../../server/returns/decode/pool.js';
import { submitReturn, type SubmissionInput } from '../../server/returns/submit-return.js';
import { openStore, type Store } from '../../server/store/index.js';
import type { CouncilSubmission } from '../../shared/schemas.js';
import { testActor } from '../helpers/actors.js';
import { describeStores, freshDatabaseUrl } from '../helpers/databases.js';

const PERIOD = '2026-10';
let store: Store;

const decoder = new DecodePool({ memoryMb: 256, timeLimitMs: 30_000 });
afterAll(() => decoder.close());

const submit = (input: SubmissionInput) =>
  submitReturn(store, {
    council: 'cherwell',
    period: PERIOD,
    ...input,
    source: 'addin',
    actor: testActor('test'),
    now: new Date('2026-11-02T09:00:00.000Z'),
  });
const asBytes = (body: unknown): SubmissionInput => ({
  input: { kind: 'json', bytes: Buffer.from(JSON.stringify(body)) },
  decoder,
});
const decoded = (body: unknown): SubmissionInput => ({ input: { kind: 'json', body } });
const unchanged = { added: 0, changed: 0, removed: 0 };

describeStores('submitting a JSON return', (kind) => {
  beforeEach(async () => {
    store = await openStore(await freshDatabaseUrl(kind));
    await store.savePartnership(demoPartnership, testActor('test'), '2026-11-01T00:00:00.000Z');
  });
  afterEach(async () => {
    await store.close();
  });

  it('counts only the rows that differ, whichever order a row lists its fields in', async () => {
    const first = demoCouncilSubmission('cherwell', PERIOD);
    await submit(asBytes(first));
    const next: CouncilSubmission = structuredClone(first);
    // Characters that end strings and objects in JSON must not confuse where a row ends.
    next.projects[0]!.title = 'Renamed: "quoted" {braces} [brackets] \\ backslash';
    next.projects.push({ ...next.projects[1]!, id: 'NEW-1' });
    next.skills = next.skills.map((row) => Object.fromEntries(Object.entries(row).reverse()) as typeof row);
    const receipt = await submit(asBytes(next));
    expect(receipt.changes).toEqual({
      Contributions: unchanged,
      Skills: unchanged,
      Projects: { added: 1, changed: 1, removed: 0 },
    });
    const stored = await store.getSubmission('cherwell', receipt.id);
    expect(stored?.data).toEqual(next);
  });

  it('compares with a version whose digest was made by the earlier hash, by rereading its data', async () => {
    const first = demoCouncilSubmission('cherwell', PERIOD);
    const { id } = await submit(decoded(first));
    // A digest shaped as versions stored it before: SHA-1 row hashes and no format name.
    const sha1 = (row: object) =>
      createHash('sha1')
        .update(JSON.stringify(Object.values(row)))
        .digest('base64');
    const old = {
      Contributions: first.contributions.map((r) => `${r.month}\t${sha1(r)}`),
      Skills: first.skills.map((r) => `${r.email}\t${sha1(r)}`),
      Projects: first.projects.map((r) => `${r.id.toLowerCase()}\t${sha1(r)}`),
    };
    await store.db
      .updateTable('submissions')
      .set({ row_digest: JSON.stringify(old) })
      .where('id', '=', id)
      .execute();
    const next = structuredClone(first);
    next.contributions.pop();
    const receipt = await submit(asBytes(next));
    expect(receipt.changes).toEqual({
      Contributions: { added: 0, changed: 0, removed: 1 },
      Skills: unchanged,
      Projects: unchanged,
    });
  });

  it('reads a digest kept as JSON, as versions stored it before, without rereading the data', async () => {
    const first = demoCouncilSubmission('cherwell', PERIOD);
    const { id } = await submit(decoded(first));
    const row = await store.db
      .selectFrom('submissions')
      .select('row_digest')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // The digest as stored now: its format's name, then each sheet's name on a line of its own before
    // its rows' lines (`key<tab>hash`). Put in the JSON form the previous release stored, with the same
    // row hashes, and one more project than the version holds: a receipt that says a project was
    // removed has read this digest, not the version's data.
    const [format, ...lines] = row.row_digest!.split('\n');
    expect(format).toBe('lines-sha256');
    const sheets: Record<string, string[]> = {};
    let sheet = '';
    for (const line of lines) {
      if (line.includes('\t')) sheets[sheet]!.push(line);
      else sheets[(sheet = line)] = [];
    }
    expect(Object.keys(sheets)).toEqual(['Contributions', 'Skills', 'Projects']);
    expect(sheets['Projects']).toHaveLength(first.projects.length);
    sheets['Projects']!.push(`gone-1\t${createHash('sha256').update('gone').digest('base64')}`);
    const json = {
      format: 'lines-json-sha256',
      sheets: Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [name, rows.join('\n')])),
    };
    await store.db
      .updateTable('submissions')
      .set({ row_digest: JSON.stringify(json) })
      .where('id', '=', id)
      .execute();
    const receipt = await submit(asBytes(first));
    expect(receipt.changes).toEqual({
      Contributions: unchanged,
      Skills: unchanged,
      Projects: { added: 0, changed: 0, removed: 1 },
    });
  });

  it('refuses a return checked in a worker with the same problems as one checked here', async () => {
    const bad = demoCouncilSubmission('cherwell', PERIOD);
    bad.projects[0]!.rag = 'Purple' as never;
    const here = await submit(decoded(bad)).catch((e: unknown) => e);
    const there = await submit(asBytes(bad)).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(InvalidInput);
    expect(there).toBeInstanceOf(InvalidInput);
    expect((there as InvalidInput).problems).toEqual((here as InvalidInput).problems);
    expect((there as InvalidInput).problems[0]).toMatchObject({ sheet: 'Projects', row: 2, column: 'RAG' });
    await expect(
      submit({ input: { kind: 'json', bytes: Buffer.from('{"period": ') }, decoder }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'invalid-json',
    });
  });
});
