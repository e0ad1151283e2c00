// V8's collector, where `shared-cdo serve` exposes it (`--expose-gc`, bin/service-memory.js): the service
// collects once it has been idle a while (idle-memory.ts), and a decode worker after a large workbook
// (returns/decode/worker.ts).

/** A full collection that gives memory back: it also shrinks the young generation and drops bytecode not run lately. */
export type Collect = () => void;

/**
 * The collector, or undefined without `--expose-gc` (a service started some other way, as the tests do,
 * and the command line), and then nothing is collected.
 */
export function exposedCollector(): Collect | undefined {
  const gc = globalThis.gc;
  return gc && (() => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' }));
}
