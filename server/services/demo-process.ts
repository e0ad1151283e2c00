// The first start's demo in a process of its own, which exits once done. Loading the demo and preparing
// its first e-mails (the roll-up draws its charts with vega and resvg) loads libraries and leaves garbage
// the service would otherwise keep for as long as it runs: V8 never unloads a module, and neither it nor
// the C library hands all of a heap back once it has grown (a worker thread's memory stays with the process
// too). A child process gives all of it back when it exits; the service idles as if it had loaded nothing.
//
// The parent (`loadDemoApart`) claims the demo, forks this module with its configuration and clock, relays
// the child's log lines to its own logger, and gets the demo's tokens back. The child (run as a script)
// opens the same database, loads the demo and queues what the mail service's first check would queue,
// so that the service's own check finds it done; the service sends it.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { MailService, outboxDirFor } from '../mail/index.js';
import { openStore } from '../store/index.js';
import { loadDemo, type DemoLoad } from './demo.js';

/** What the parent sends the child: the service's environment and the instant the demo is loaded at. */
interface DemoRequest {
  env: NodeJS.ProcessEnv;
  now: string;
}

/** What the child sends back: log lines as it writes them, then the demo or the reason it failed. */
type DemoMessage = { log: string } | { demo: DemoLoad } | { error: string };

/** `ts` when running from the sources, `js` once built: the child runs this same module. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * Loads the demo into the service's database in a child process and resolves with its tokens. `env` is the
 * environment the service was configured from; the child's log lines go to `logger`'s destination.
 */
export function loadDemoApart(env: NodeJS.ProcessEnv, now: Date, logger: Logger): Promise<DemoLoad> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    // From the sources (tests, `npm run dev`) the child needs tsx to load TypeScript, as the decode worker
    // does; built, it runs the compiled module with no loader and none of the parent's flags.
    execArgv: FROM_SOURCES ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // pino's own stream: the lines are already formatted as JSON, and a pretty stream makes them readable.
  const destination = (logger as unknown as Record<symbol, Writable>)[pino.symbols.streamSym];
  return new Promise<DemoLoad>((resolve, reject) => {
    let outcome: { demo: DemoLoad } | { error: string } | undefined;
    let exit: string | undefined;
    let disconnected = false;
    // Settled once the child has exited and every message it sent has been read.
    const settle = () => {
      if (exit === undefined || !disconnected) return;
      if (outcome && 'demo' in outcome) resolve(outcome.demo);
      else
        reject(
          new Error(`The demo could not be loaded: ${outcome?.error ?? `its process stopped (${exit})`}`),
        );
    };
    child.on('message', (message: DemoMessage) => {
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
    child.send({ env, now: now.toISOString() } satisfies DemoRequest);
  });
}

/** In the child: loads the demo, queues the first check's e-mails, and says how it went. */
async function runDemo({ env, now: at }: DemoRequest): Promise<DemoLoad> {
  // Each line is sent as written: the channel keeps them in order, ahead of the outcome sent last.
  const lines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      process.send!({ log: chunk.toString() } satisfies DemoMessage);
      done();
    },
  });
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel, lines, 'json');
  const now = new Date(at);
  const store = await openStore(config.database);
  try {
    const demo = await loadDemo(store, logger, now, config.timeZone);
    // What the mail service's first check would queue now; the service's own check then finds it queued.
    const mail = new MailService({
      store,
      config,
      logger,
      outboxDir: outboxDirFor(config.database),
      now: () => now,
    });
    await mail.runDueJobs();
    return demo;
  } finally {
    await store.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once('message', (request: DemoRequest) => {
    void runDemo(request)
      .then(
        (demo): DemoMessage => ({ demo }),
        (error: unknown): DemoMessage => ({ error: error instanceof Error ? error.message : String(error) }),
      )
      .then((outcome) => process.send!(outcome, () => process.disconnect()));
  });
}
