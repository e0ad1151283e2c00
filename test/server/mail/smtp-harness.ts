// A real SMTP server in the test process (smtp-server on a random port) that records what it accepts,
// can refuse messages with 4xx/5xx replies, and a TCP front door that drops connections on purpose.
import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface Delivery {
  from: string;
  to: string[];
  raw: Buffer;
}

/** Decides what to do with a message at DATA: undefined accepts it, an error with `responseCode` refuses it. */
export type DataVerdict = (session: SMTPServerSession) => (Error & { responseCode?: number }) | undefined;

export interface TestSmtp {
  port: number;
  url: string;
  deliveries: Delivery[];
  /** Called when a sender says MAIL FROM (after the outbox claimed the row); used to simulate crashes. */
  onMailFrom?: () => void;
  verdict?: DataVerdict;
  /** Drops this many of the next TCP connections before any SMTP greeting. */
  dropNextConnections: number;
  connections: number;
  close(): Promise<void>;
}

export const smtpError = (code: number, message: string): Error & { responseCode: number } =>
  Object.assign(new Error(message), { responseCode: code });

export async function startTestSmtp(): Promise<TestSmtp> {
  const state: Partial<TestSmtp> & { deliveries: Delivery[] } = {
    deliveries: [],
    dropNextConnections: 0,
    connections: 0,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      state.onMailFrom?.();
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refusal = state.verdict?.(session);
        if (refusal) return callback(refusal);
        state.deliveries.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const smtpPort = (server.server.address() as AddressInfo).port;

  // The front door: either destroys the connection at once or pipes it to the SMTP server.
  const open = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    state.connections = (state.connections ?? 0) + 1;
    if ((state.dropNextConnections ?? 0) > 0) {
      state.dropNextConnections = (state.dropNextConnections ?? 0) - 1;
      socket.destroy();
      return;
    }
    const upstream = net.connect(smtpPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', close);
    upstream.on('error', close);
    socket.on('close', close);
    upstream.on('close', close);
  });
  front.listen(0, '127.0.0.1');
  await once(front, 'listening');
  const port = (front.address() as AddressInfo).port;

  return Object.assign(state, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as TestSmtp;
}

/** Recipients of the accepted messages, each as often as it was delivered, sorted. */
export const deliveredTo = (smtp: TestSmtp): string[] => smtp.deliveries.flatMap((d) => d.to).sort();
