// Telling "the database does not answer" apart from every other failure: the first is an outage an
// operator is fixing (the API answers 503 with Retry-After, and it is logged once), the second a bug.

/** Node's socket errors when a server cannot be reached or drops the connection. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
]);
/**
 * PostgreSQL's SQLSTATEs for a server that will not serve us now: class 08 (connection exception),
 * shutting down or starting up (57P01–57P03), too many connections (53300), and a database or role that
 * has gone (3D000, 28000, 28P01).
 */
const POSTGRES_STATES = /^(08...|57P0[1-3]|53300|3D000|28000|28P01)$/;
/** pg's own errors, which carry no code. */
const POSTGRES_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || POSTGRES_STATES.test(code))) return true;
  return POSTGRES_MESSAGES.test(error.message);
}

/**
 * The state of the database as the requests see it, so that an outage is logged once when it begins and
 * once when it ends, however many requests and /readyz probes fail in between.
 */
export class DatabaseOutage {
  private since: Date | undefined;

  constructor(
    private readonly logger: { error(obj: object, msg: string): void; info(obj: object, msg: string): void },
  ) {}

  /** A request failed because the database did not answer. */
  failed(error: unknown): void {
    if (this.since) return;
    this.since = new Date();
    this.logger.error({ err: error }, 'database not reachable: answering 503 until it is');
  }

  /** The database answered. */
  answered(): void {
    if (!this.since) return;
    this.logger.info({ since: this.since.toISOString() }, 'database reachable again');
    this.since = undefined;
  }
}
