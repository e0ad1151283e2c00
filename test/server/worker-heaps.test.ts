// `shared-cdo serve` starts Node with a small young generation and a capped old one for the thread that
// serves requests (bin/service-memory.js). V8 applies such flags to every isolate, over a worker's own
// limits, so the decode workers ran with 4 MB semi-spaces and DECODE_MEMORY_MB was ignored. Here the
// pool runs in a process started with exactly those flags, and its workers keep their own limits.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SERVICE_FLAGS } from '../../bin/service-memory.js';
import { workerHeap } from '../../server/returns/decode/pool.js';

const HELPER = fileURLToPath(new URL('./helpers/decode-under-service-flags.ts', import.meta.url));

describe("decode workers in the service's process", () => {
  it('keep the memory the pool gives them, not the heap flags the service starts with', async () => {
    expect(SERVICE_FLAGS).toContain('--max-semi-space-size=4');
    expect(SERVICE_FLAGS).toContain('--max-old-space-size=256');
    const { stdout } = await promisify(execFile)(process.execPath, [...SERVICE_FLAGS, HELPER]);
    const { greedyAnswer, youngMb } = JSON.parse(stdout) as { greedyAnswer: string; youngMb: number };
    // With the service's 256 MB old generation the greedy return is read whole and refused for its
    // problems (InvalidInput, a 422); within the pool's 32 MB it runs out of memory.
    expect(greedyAnswer).toBe('413 decode-out-of-memory');
    // 4 MB semi-spaces make a new space of 8 MB at most; a worker asking for 64 MB grows past it.
    expect(youngMb).toBeGreaterThan(8);
  }, 60_000);
});

describe("a decode worker's heap", () => {
  it('is DECODE_MEMORY_MB, young and old generations together, an eighth of it (at most 32 MB) young', () => {
    expect(workerHeap(256)).toEqual({ youngMb: 32, oldMb: 224 });
    expect(workerHeap(128)).toEqual({ youngMb: 16, oldMb: 112 });
    expect(workerHeap(1024)).toEqual({ youngMb: 32, oldMb: 992 });
    expect(workerHeap(32)).toEqual({ youngMb: 4, oldMb: 28 });
  });
});
