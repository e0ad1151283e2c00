// Work done in a process of its own, which exits once done: loading the demo, and building a roll-up (its
// consolidated view, workbook and charts drawn with vega and resvg). Such work loads libraries and leaves
// garbage the service would otherwise keep for as long as it runs: V8 never unloads a module, and neither it
// nor the C library hands all of a heap back once it has grown (a worker thread's memory stays with the
// process too). A child process gives all of it back when it exits.
//
// The parent (`runApart`) forks the module that does the work with the service's environment and clock,
// relays the child's log lines to its own logger, and gets the outcome back. The child (`serveApart`, in
// that module, run as a script) opens the same database, does the work and says how it went.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { openStore, type Store } from '../store/index.js';

/** What the parent sends the child: the service's environment, the instant the work is done at, and the task. */
interface ApartRequest<T> {
  env: NodeJS.ProcessEnv;
  now: string;
  task: T;
}

/** What the child sends back: log lines as it writes them, then the outcome or the reason it failed. */
type ApartMessage<R> = { log: string } | { done: R } | { error: string };

/** What the work has in the child. */
export interface ApartContext {
  config: Config;
  logger: Logger;
  store: Store;
  now: Date;
}

/**
 * Runs `module`'s work (its `serveApart`) with `task` in a child process against the service's database,
 * and resolves with its outcome. `env` is the environment the service was configured from; the child's log
 * lines go to `logger`'s destination. `what` names the work in the error should it fail.
 */
export function runApart<T, R>(
  module: string,
  what: string,
  { env, now, task }: { env: NodeJS.ProcessEnv; now: Date; task: T },
  logger: Logger,
): Promise<R> {
  const child = fork(fileURLToPath(module), [], {
    // From the sources (tests, `npm run dev`) the child needs tsx to load TypeScript, as the decode worker
    // does. Built, it runs the compiled module with the service's own flags: its heap limits keep a
    // 400-council roll-up to about 330 MB where Node's defaults let it reach 550 MB (bin/service-memory.js).
    execArgv: module.endsWith('.ts') ? ['--import', 'tsx'] : process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // pino's own stream: the lines are already formatted as JSON, and a pretty stream makes them readable.
  const destination = (logger as unknown as Record<symbol, Writable>)[pino.symbols.streamSym];
  return new Promise<R>((resolve, reject) => {
    let outcome: { done: R } | { error: string } | undefined;
    let exit: string | undefined;
    let disconnected = false;
    // Settled once the child has exited and every message it sent has been read.
    const settle = () => {
      if (exit === undefined || !disconnected) return;
      if (outcome && 'done' in outcome) resolve(outcome.done);
      else reject(new Error(`${what}: ${outcome?.error ?? `its process stopped (${exit})`}`));
    };
    child.on('message', (message: ApartMessage<R>) => {
      if ('log' in message) destination?.write(message.log);
      else outcome = message;
    });
    child.once('error', reject);
    child.once('disconnect', () => {
      disconnected = true;
      settle();
    });
    child.once('exit', (code, signal) => {
      exit = signal ?? String(code);
      settle();
    });
    child.send({ env, now: now.toISOString(), task } satisfies ApartRequest<T>);
  });
}

/** In the child, when `module` is run as the child of `runApart`: does `work` and sends its outcome back. */
export function serveApart<T, R>(module: string, work: (context: ApartContext, task: T) => Promise<R>): void {
  if (process.argv[1] !== fileURLToPath(module) || !process.send) return;
  process.once('message', (request: ApartRequest<T>) => {
    void runWork(request, work)
      .then(
        (done): ApartMessage<R> => ({ done }),
        (error: unknown): ApartMessage<R> => ({
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .then((outcome) => process.send!(outcome, () => process.disconnect()));
  });
}

async function runWork<T, R>(
  { env, now, task }: ApartRequest<T>,
  work: (context: ApartContext, task: T) => Promise<R>,
): Promise<R> {
  // Each line is sent as written: the channel keeps them in order, ahead of the outcome sent last.
  const lines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      process.send!({ log: chunk.toString() } satisfies ApartMessage<R>);
      done();
    },
  });
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel, lines, 'json');
  const store = await openStore(config.database);
  try {
    return await work({ config, logger, store, now: new Date(now) }, task);
  } finally {
    await store.close();
  }
}
