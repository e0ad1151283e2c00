// A worker thread of the decode pool (pool.ts): decodes an upload's bytes and checks it, so that
// a hostile or huge upload spends this thread's memory and time, never those of the thread serving requests.
import { readFile } from 'node:fs/promises';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { parseCouncilWorkbook } from '../../../shared/parse/index.js';
import type { Partnership } from '../../../shared/schemas.js';
import { readPartnership } from '../../services/partnership-input.js';
import { readWorkbookGrids } from '../../workbook/read.js';
import { checkJson, requestHash, split, toStore, type StorableReturn } from '../check-return.js';
import { decodeUpload } from '../upload.js';
import {
  failureOf,
  type DecodeOutcome,
  type DecodeTask,
  type PartnershipTask,
  type ReturnTask,
  type TaskBody,
} from './pool.js';
import { exposedCollector } from '../../collector.js';
import { rejectedWorkbook } from './workbook-errors.js';

export default async function decode(task: DecodeTask): Promise<DecodeOutcome<unknown>> {
  let size = 0;
  try {
    const bytes = await bytesOf(task);
    size = bytes.length;
    if (task.task === 'partnership') return { ok: true, value: await readPartnershipTask(task, bytes) };
    const value = await checkReturn(task, bytes);
    // The return's text (megabytes) is moved to the thread that stores it, not copied.
    return move({
      [transferableSymbol]: [value.json.buffer],
      [valueSymbol]: { ok: true, value },
    }) as unknown as DecodeOutcome<StorableReturn>;
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  } finally {
    if (task.kind === 'xlsx' && size >= LARGE_WORKBOOK_BYTES) collectAfterLargeWorkbook?.();
  }
}

/** A workbook of at least this many bytes is followed by a collection that gives memory back. */
const LARGE_WORKBOOK_BYTES = 1024 * 1024;

/**
 * A large workbook's parts are inflated outside the heap (up to 100 MB), which V8 counts against a limit
 * of its own and may leave to a later collection (bin/service-memory.js): then what it left behind is still
 * held while the worker reads the next upload, and two workers' leftovers add to the service's peak
 * (`npm run bench hostile`, ten of the worst workbook: 584–624 MB without this, 555–585 MB with it). A full
 * collection costs a small workbook three times its reading time and one of 10,000 rows (600 KB) up to a
 * third more, so only workbooks of a megabyte or more, which take seconds to read, are followed by one.
 * The collector is exposed where `shared-cdo serve` runs (../../collector.ts).
 */
const collectAfterLargeWorkbook = exposedCollector();

/** The upload's bytes: those sent, or read here from the spooled file (so they never sat in the main thread). */
const bytesOf = async (body: TaskBody): Promise<Buffer> =>
  'file' in body
    ? readFile(body.file)
    : Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.length);

async function checkReturn(task: ReturnTask, bytes: Buffer): Promise<StorableReturn> {
  const { kind, context, hashRequest } = task;
  const input = decodeUpload({ kind, bytes });
  let checked: StorableReturn;
  if (input.kind === 'json') {
    checked = toStore(checkJson(input.body, context));
  } else {
    const grids = await readWorkbookGrids(input.bytes).catch(rejectedWorkbook);
    // The parser also checks that the About sheet names this council and period (422 on its cell).
    const parsed = parseCouncilWorkbook(grids, context);
    checked = toStore(split(parsed.submission, parsed.problems, parsed.errorCount));
  }
  return hashRequest ? { ...checked, requestHash: requestHash(context.period, input) } : checked;
}

async function readPartnershipTask(task: PartnershipTask, bytes: Buffer): Promise<Partnership> {
  return readPartnership(decodeUpload({ kind: task.kind, bytes })).catch(rejectedWorkbook);
}
