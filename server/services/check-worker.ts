// A worker thread of the check pool: decodes a JSON return's bytes and checks it (check-return.ts),
// so that a large return's CPU time is spent beside the thread that serves requests.
import { parentPort } from 'node:worker_threads';
import { decodeUpload } from '../routes/uploads.js';
import { failureOf, type CheckOutcome, type CheckTask } from './check-pool.js';
import { checkJson, requestHash, toStore } from './check-return.js';

parentPort?.on('message', ({ id, bytes, context, hashRequest }: CheckTask) => {
  let outcome: CheckOutcome;
  try {
    const input = decodeUpload({
      kind: 'json',
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    });
    if (input.kind !== 'json') throw new Error('a JSON upload decoded as a workbook');
    const checked = toStore(checkJson(input.body, context));
    outcome = {
      id,
      ok: true,
      checked: hashRequest ? { ...checked, requestHash: requestHash(context.period, input) } : checked,
    };
  } catch (error) {
    outcome = { id, ok: false, failure: failureOf(error) };
  }
  parentPort?.postMessage(outcome);
});
