// The service's HTTP API (DESIGN §5) as the task pane uses it. Every failure becomes a ServiceError
// whose message a council officer can act on; nothing here touches the workbook.
import type {
  ClientConfig,
  DownloadLink,
  DownloadLinkRequest,
  Me,
  StatusBoard,
  SubmissionDetail,
  SubmissionReceipt,
  SubmissionSummary,
} from '../../../shared/api.js';
import type { Agreement, DECISIONS, ReminderOutcome, YearRecord } from '../../../shared/agreements.js';
import { message, type Locale } from '../../../shared/i18n/index.js';
import type { ConsolidatedView, CouncilSubmission, Partnership, Problem } from '../../../shared/schemas.js';

export type FailureKind =
  | 'offline'
  | 'unauthorised'
  | 'forbidden'
  | 'conflict'
  | 'locked'
  | 'invalid'
  | 'too-large'
  | 'not-found'
  | 'server';

export class ServiceError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    /** 422: the service's own findings, in the shape Check lists. */
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

const KIND_BY_STATUS: Record<number, FailureKind> = {
  401: 'unauthorised',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  422: 'invalid',
  423: 'locked',
};

/** Refusals whose service message already says what happened and what to do next. */
const SELF_EXPLAINED = new Set(['token-expired', 'token-revoked', 'not-registered', 'invalid-token']);

function plainMessage(
  locale: Locale,
  kind: FailureKind,
  serverMessage: string | undefined,
  baseUrl: string,
  code?: string,
): string {
  if (serverMessage && code && SELF_EXPLAINED.has(code)) return serverMessage;
  switch (kind) {
    case 'offline':
      return message(locale, 'service.offline', { url: baseUrl });
    case 'unauthorised':
      return message(locale, 'service.unauthorised');
    case 'forbidden':
      return message(locale, 'service.forbidden', { reason: serverMessage ?? '' }).trim();
    case 'locked':
      return message(locale, 'service.locked', {
        reason: serverMessage ?? message(locale, 'service.periodLocked'),
      });
    case 'too-large':
      return message(locale, 'service.tooLarge');
    case 'invalid':
      return message(locale, 'service.invalid');
    default:
      return serverMessage ?? message(locale, 'service.unavailable');
  }
}

export interface SubmitOptions {
  /** The version this return is based on (0 for none): the service answers 409 if it is no longer the latest. */
  baseVersion: number;
  idempotencyKey: string;
  /** The officer confirmed a return with no rows in any sheet (otherwise refused: 422 empty-return). */
  confirmEmpty?: boolean;
}

export class ApiClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    /** An access token, or where to get a current one for each request (Microsoft 365 sign-in). */
    private readonly token: string | (() => Promise<string>),
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    /**
     * The pane's language, or where to read it at each request (the person may change it): the service
     * answers in Welsh when asked (DESIGN §12), and so do these messages.
     */
    private readonly language: Locale | (() => Locale) = 'en',
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  private get locale(): Locale {
    return typeof this.language === 'function' ? this.language() : this.language;
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const token = typeof this.token === 'string' ? this.token : await this.token();
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}/api/v1${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(this.locale === 'en' ? {} : { 'Accept-Language': this.locale }),
          ...init.headers,
        },
      });
    } catch {
      throw new ServiceError('offline', plainMessage(this.locale, 'offline', undefined, this.baseUrl));
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string }; errors?: Omit<Problem, 'severity'>[] } | undefined;
    const kind = KIND_BY_STATUS[response.status] ?? 'server';
    const problems: Problem[] = (body?.errors ?? []).map((e) => ({ ...e, severity: 'error' }));
    throw new ServiceError(
      kind,
      plainMessage(this.locale, kind, body?.error?.message, this.baseUrl, body?.error?.code),
      response.status,
      body?.error?.code,
      problems,
    );
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }

  me = (): Promise<Me> => this.json('/me');
  config = (): Promise<ClientConfig> => this.json('/config');
  partnership = (): Promise<Partnership> => this.json('/partnership');
  status = (period: string): Promise<StatusBoard> =>
    this.json(`/status?period=${encodeURIComponent(period)}`);
  consolidated = (period: string): Promise<ConsolidatedView> =>
    this.json(`/consolidated?period=${encodeURIComponent(period)}`);

  async submissions(council: string, period: string): Promise<SubmissionSummary[]> {
    const list = await this.json<{ submissions: SubmissionSummary[] }>(
      `/councils/${encodeURIComponent(council)}/submissions?period=${encodeURIComponent(period)}`,
    );
    return list.submissions;
  }

  /** A financial year's proposals of cost shares, newest first (DESIGN §10). */
  async agreements(fy: string): Promise<Agreement[]> {
    const list = await this.json<{ agreements: Agreement[] }>(`/agreements?fy=${encodeURIComponent(fy)}`);
    return list.agreements;
  }

  /** The signed-in council's decision on proposal `id`; the agreement as it stands after it. */
  decide = (
    id: number,
    decision: { decision: (typeof DECISIONS)[number]; comment: string },
  ): Promise<Agreement> =>
    this.json(`/agreements/${id}/decisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(decision),
    });

  /** E-mails a reminder to the councils awaiting proposal `id` (the CDO's; once a day per contact). */
  remind = (id: number): Promise<ReminderOutcome> =>
    this.json(`/agreements/${id}/reminders`, { method: 'POST' });

  year = (fy: string): Promise<YearRecord> => this.json(`/years/${encodeURIComponent(fy)}`);

  submission = (council: string, id: number): Promise<SubmissionDetail> =>
    this.json(`/councils/${encodeURIComponent(council)}/submissions/${id}`);

  submit(council: string, submission: CouncilSubmission, options: SubmitOptions): Promise<SubmissionReceipt> {
    return this.json(
      `/councils/${encodeURIComponent(council)}/submissions?period=${encodeURIComponent(submission.period)}` +
        (options.confirmEmpty ? '&confirm=empty' : ''),
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'If-Match': `"${options.baseVersion}"`,
          'Idempotency-Key': options.idempotencyKey,
          'X-Submission-Source': 'addin',
        },
        body: JSON.stringify(submission),
      },
    );
  }

  /** A single-use link to a file, absolute, for the system browser to open (no token in it). */
  async downloadLink(file: DownloadLinkRequest): Promise<DownloadLink> {
    const link = await this.json<DownloadLink>('/download-links', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(file),
    });
    return { ...link, href: new URL(link.href, `${this.baseUrl}/`).href };
  }

  async consolidatedWorkbook(period: string): Promise<Blob> {
    const response = await this.request(`/consolidated.xlsx?period=${encodeURIComponent(period)}`, {
      headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    return response.blob();
  }
}

/**
 * The same return, council, period and base version always get the same key, so a retry after a lost
 * response returns the first receipt instead of filing a second version.
 */
export async function idempotencyKeyFor(
  council: string,
  submission: CouncilSubmission,
  baseVersion: number,
): Promise<string> {
  const text = JSON.stringify([council, baseVersion, submission]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `addin-${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
