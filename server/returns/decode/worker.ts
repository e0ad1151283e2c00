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
import { rejectedWorkbook } from './workbook-errors.js';

export default async function decode(task: DecodeTask): Promise<DecodeOutcome<unknown>> {
  try {
    if (task.task === 'partnership') return { ok: true, value: await readPartnershipTask(task) };
    const value = await checkReturn(task);
    // The return's text (megabytes) is moved to the thread that stores it, not copied.
    return move({
      [transferableSymbol]: [value.json.buffer],
      [valueSymbol]: { ok: true, value },
    }) as unknown as DecodeOutcome<StorableReturn>;
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** The upload's bytes: those sent, or read here from the spooled file (so they never sat in the main thread). */
const bytesOf = async (body: TaskBody): Promise<Buffer> =>
  'file' in body
    ? readFile(body.file)
    : Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.length);

async function checkReturn(task: ReturnTask): Promise<StorableReturn> {
  const { kind, context, hashRequest } = task;
  const input = decodeUpload({ kind, bytes: await bytesOf(task) });
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

async function readPartnershipTask(task: PartnershipTask): Promise<Partnership> {
  return readPartnership(decodeUpload({ kind: task.kind, bytes: await bytesOf(task) })).catch(
    rejectedWorkbook,
  );
}
