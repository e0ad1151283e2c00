// Starts the service: configuration, database (migrated), the demo on first start, HTTP or HTTPS, and
// a graceful stop that lets requests in flight finish before the database closes.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';
import type { WriteStream } from 'node:tty';
import { createApp, uploadLimits } from './app.js';
import { loadConfig, type Config, type DatabaseLocation } from './config.js';
import { dataFolderFor, makePrivateFolder, writePrivateFile } from './data-folder.js';
import { collectWhenIdle } from './idle-memory.js';
import { createLogger, type Logger } from './logger.js';
import { startMailService } from './mail/index.js';
import { safeFileStem } from './mail/transport.js';
import { DecodePool } from './returns/decode/pool.js';
import { loadDemo, type DemoLoad } from './services/demo.js';
import { loadDemoApart } from './services/demo-process.js';
import { UploadSpool } from './returns/spool.js';
import { openStore, type Store } from './store/index.js';

// Taken as Node's own modules, not imported: importing `node:http` as an ES module reads every export,
// and its WebSocket and MessageEvent getters load Node's bundled fetch client (undici, about 2 MB of heap
// a service that never fetches would hold for as long as it runs). Express requires it the same way.
const http = process.getBuiltinModule('node:http');
const https = process.getBuiltinModule('node:https');

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Where the start-up banner (URLs, demo tokens) goes; standard output by default. */
  out?: NodeJS.WritableStream;
  /** Where logs go; standard output by default. */
  logDestination?: NodeJS.WritableStream;
}

export interface RunningService {
  config: Config;
  url: string;
  server: Server;
  store: Store;
  logger: Logger;
  demo?: DemoLoad;
  /** Where upload bodies wait until decoded. */
  spool: UploadSpool;
  /** Stops accepting connections, finishes requests in flight, then closes the database. */
  close(): Promise<void>;
}

/** How long a stop waits for requests in flight before it cuts the remaining connections. */
const SHUTDOWN_GRACE_MS = 10_000;

export async function startService(options: StartOptions = {}): Promise<RunningService> {
  const config = loadConfig(options.env ?? process.env);
  const logger = createLogger(config.logLevel, options.logDestination, config.logFormat);
  const now = options.now ?? (() => new Date());
  const store = await openStore(config.database);
  let demo: DemoLoad | undefined;
  try {
    // Instances starting together on an empty database load the demo once: the one that claims it.
    if (config.demo && (await store.isEmpty()) && (await store.claimStartupJob('demo', now().toISOString())))
      demo = await firstStartDemo(config, options.env ?? process.env, store, logger, now());
  } catch (error) {
    await store.close();
    throw error;
  }

  const decoder = new DecodePool(config.decode, (error) =>
    logger.error({ err: error }, 'a decode worker failed; it is replaced'),
  );
  const spool = new UploadSpool(uploadLimits(config));
  const app = createApp(config, { store, logger, now, decoder, spool });
  let server: Server;
  try {
    server = await listen(config, app);
  } catch (error) {
    await decoder.close();
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `${config.tls ? 'https' : 'http'}://localhost:${port}`;
  logger.info({ port, tls: Boolean(config.tls) }, 'Shared CDO service listening');
  const out = options.out ?? process.stdout;
  // Tokens are shown only to a person at a terminal; piped or captured output (systemd's journal, a
  // log collector) gets the name of a file only the service's user can read instead.
  const tokensFile =
    demo && !(out as Partial<WriteStream>).isTTY ? saveDemoTokens(config, demo, logger) : undefined;
  out.write(banner(config, url, demo, tokensFile));
  const mail = startMailService({ store, config, logger, now, env: options.env ?? process.env });
  const idle = collectWhenIdle(server);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      idle.stop();
      server.closeIdleConnections();
    })
      .then(() => Promise.all([mail.stop(), decoder.close()]))
      .then(() => spool.close())
      .then(() => store.close()));
  return { config, url, server, store, logger, spool, ...(demo ? { demo } : {}), close };
}

/**
 * The demo is loaded in a process of its own that gives its memory back when it exits (demo-process.ts);
 * only a database in memory, which no other process can open, has it loaded here.
 */
function firstStartDemo(
  config: Config,
  env: NodeJS.ProcessEnv,
  store: Store,
  logger: Logger,
  now: Date,
): Promise<DemoLoad> {
  const inMemory = config.database.kind === 'sqlite' && config.database.file === ':memory:';
  return inMemory ? loadDemo(store, logger, now, config.timeZone) : loadDemoApart(env, now, logger);
}

async function listen(config: Config, app: RequestListener): Promise<Server> {
  const server = config.tls
    ? https.createServer(
        { cert: await readFile(config.tls.certFile), key: await readFile(config.tls.keyFile) },
        app,
      )
    : http.createServer(app);
  boundWaiting(server, config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/**
 * No client holds the service's memory or a connection by going slowly (DESIGN §9.5): a socket that
 * neither sends nor takes a byte for SOCKET_IDLE_MS is closed, so an answer nobody reads is dropped with
 * its connection, and a request must arrive whole within REQUEST_MS (its headers within HEADERS_MS).
 * The idle time is kept over the longest decode (DECODE_TIME_LIMIT_SECONDS), during which the socket is quiet.
 */
function boundWaiting(server: Server, config: Config): void {
  server.headersTimeout = HEADERS_MS;
  server.requestTimeout = REQUEST_MS;
  server.setTimeout(Math.max(SOCKET_IDLE_MS, config.decode.timeLimitMs + 30_000));
}

const HEADERS_MS = 20_000;
const REQUEST_MS = 120_000;
const SOCKET_IDLE_MS = 60_000;

function demoTokenLines(demo: DemoLoad): string[] {
  return demo.tokens.map(
    (t) => `  ${(t.council ? `${t.role} (${t.council})` : t.role).padEnd(20)} ${t.token}`,
  );
}

interface SavedTokens {
  file: string;
  /** The file of the same name left by an earlier demo, kept as it was. */
  kept?: string;
}

function saveDemoTokens(config: Config, demo: DemoLoad, logger: Logger): SavedTokens {
  const folder = dataFolderFor(config.database);
  makePrivateFolder(folder);
  // Named after the database, so a demo on another database in the same folder never replaces these;
  // and an earlier demo's file of the same name (its database deleted and made again) is kept too.
  const stem = resolve(folder, demoTokensStem(config.database));
  let file = `${stem}.txt`;
  for (let n = 2; existsSync(file); n++) file = `${stem}-${n}.txt`;
  writePrivateFile(file, `${demoTokenLines(demo).join('\n')}\n`);
  const kept = file === `${stem}.txt` ? undefined : `${stem}.txt`;
  if (kept)
    logger.warn({ kept, file }, "An earlier demo's tokens file is kept; these tokens are in a new one");
  logger.warn({ file }, 'Demo tokens written to a file only this user can read; delete it once noted');
  return { file, ...(kept ? { kept } : {}) };
}

/** `demo-tokens-<database>`: the SQLite file's name, or PostgreSQL's host, port and database. */
function demoTokensStem(database: DatabaseLocation): string {
  if (database.kind === 'sqlite') return `demo-tokens-${safeFileStem(basename(database.file))}`;
  const url = new URL(database.url);
  return `demo-tokens-${safeFileStem(`${url.hostname}-${url.port || '5432'}-${url.pathname.slice(1)}`)}`;
}

function banner(config: Config, url: string, demo: DemoLoad | undefined, tokensFile?: SavedTokens): string {
  const publicUrl = config.publicUrl ?? url;
  const lines = [
    `Shared CDO is running at ${url}`,
    `  API:        ${publicUrl}/api/v1   (routes: ${publicUrl}/api, OpenAPI: ${publicUrl}/api/v1/openapi.json)`,
    `  Add-in:     ${publicUrl}/manifest.xml   (task pane under ${publicUrl}/addin/)`,
    `  Health:     ${publicUrl}/healthz, ${publicUrl}/readyz`,
  ];
  if (demo) {
    lines.push(
      '',
      `Demo data loaded: the demo partnership with returns for ${demo.periods.join(' and ')}.`,
      `Consolidated view: ${publicUrl}/api/v1/consolidated?period=${demo.periods.at(-1)}`,
      ...(tokensFile
        ? [
            ...(tokensFile.kept
              ? [`${tokensFile.kept} is an earlier demo's, and is kept as it was; these tokens are new.`]
              : []),
            `Demo tokens: in ${tokensFile.file} (readable by this user only; the service stores only their`,
            'hashes, so delete the file once noted). Make more with',
            '`shared-cdo token create --role ROLE [--council ID] --label TEXT`.',
          ]
        : [
            'Demo tokens (shown only this once: the service stores only their hashes; make more with',
            '`shared-cdo token create --role ROLE [--council ID] --label TEXT`):',
            ...demoTokenLines(demo),
          ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
