// The pane's API client turns every failure into a message a council officer can act on.
import { describe, expect, it } from 'vitest';
import { ApiClient, idempotencyKeyFor, ServiceError } from '../../addin/src/api/client.js';
import { loadConnection, saveConnection, storageKey } from '../../addin/src/api/token-store.js';
import { asPeriod } from '../../shared/dates.js';
import { CY } from '../../shared/i18n/index.js';
import type { CouncilSubmission } from '../../shared/schemas.js';

const submission: CouncilSubmission = {
  period: asPeriod('2026-10'),
  contributions: [],
  skills: [],
  projects: [],
};

function answering(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function failure(client: ApiClient, call: (c: ApiClient) => Promise<unknown>): Promise<ServiceError> {
  try {
    await call(client);
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('ApiClient', () => {
  it('sends the token, If-Match and Idempotency-Key with a submission', async () => {
    let seen: Request | undefined;
    const client = new ApiClient('https://cdo.example/', 'secret', async (input, init) => {
      seen = new Request(input, init);
      return new Response(JSON.stringify({ version: 3 }), { status: 201 });
    });
    await client.submit('cherwell', submission, { baseVersion: 2, idempotencyKey: 'k1' });
    expect(seen?.url).toBe('https://cdo.example/api/v1/councils/cherwell/submissions?period=2026-10');
    expect(seen?.headers.get('authorization')).toBe('Bearer secret');
    expect(seen?.headers.get('if-match')).toBe('"2"');
    expect(seen?.headers.get('idempotency-key')).toBe('k1');
  });

  it('asks for Welsh and explains in Welsh when the pane speaks Welsh, and asks nothing in English', async () => {
    const languages: (string | null)[] = [];
    const refusing: typeof fetch = async (input, init) => {
      languages.push(new Request(input, init).headers.get('accept-language'));
      return answering(401, { error: { code: 'unauthorised', message: 'No.' } })(input, init);
    };
    const welsh = await failure(new ApiClient('https://cdo.example', 't', refusing, 'cy'), (c) => c.me());
    expect(welsh.message).toBe(CY['service.unauthorised'].text);
    const english = await failure(new ApiClient('https://cdo.example', 't', refusing), (c) => c.me());
    expect(english.message).toContain('did not accept your access token');
    expect(languages).toEqual(['cy', null]);
  });

  it('explains an unreachable service', async () => {
    const client = new ApiClient('https://cdo.example', 't', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(client, (c) => c.me());
    expect(error.kind).toBe('offline');
    expect(error.message).toContain("Can't reach the Shared CDO service at https://cdo.example");
  });

  it.each([
    [401, 'unauthorised', 'did not accept your access token'],
    [423, 'locked', 'Period 2026-10 is locked'],
    [409, 'conflict', 'the latest is version 4'],
  ])('explains a %i', async (status, kind, text) => {
    const message =
      status === 423
        ? 'Period 2026-10 is locked by the CDO.'
        : 'Version 2 is no longer the latest: the latest is version 4.';
    const client = new ApiClient(
      'https://cdo.example',
      't',
      answering(status, { error: { code: 'x', message } }),
    );
    const error = await failure(client, (c) =>
      c.submit('cherwell', submission, { baseVersion: 2, idempotencyKey: 'k' }),
    );
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(text);
  });

  it.each(['token-expired', 'token-revoked'])('passes on what to do about a %s', async (code) => {
    const message =
      'This access token expired on 2027-02-18. Ask your Shared CDO administrator for a new one.';
    const client = new ApiClient('https://cdo.example', 't', answering(401, { error: { code, message } }));
    const error = await failure(client, (c) => c.me());
    expect({ kind: error.kind, code: error.code, message: error.message }).toEqual({
      kind: 'unauthorised',
      code,
      message,
    });
  });

  it('keeps the problems of a 422 so the pane can list and locate them', async () => {
    const errors = [
      {
        sheet: 'Contributions',
        row: 4,
        column: 'Budget line',
        code: 'not-in-list',
        message: 'Not a budget line.',
      },
    ];
    const client = new ApiClient('https://cdo.example', 't', answering(422, { errors }));
    const error = await failure(client, (c) =>
      c.submit('cherwell', submission, { baseVersion: 0, idempotencyKey: 'k' }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.problems).toEqual([{ ...errors[0], severity: 'error' }]);
  });
});

describe('idempotency keys', () => {
  it('are the same for a retry of the same return and differ for anything else', async () => {
    const key = await idempotencyKeyFor('cherwell', submission, 1);
    expect(await idempotencyKeyFor('cherwell', submission, 1)).toBe(key);
    expect(await idempotencyKeyFor('cherwell', submission, 2)).not.toBe(key);
    expect(await idempotencyKeyFor('cherwell', { ...submission, period: asPeriod('2026-11') }, 1)).not.toBe(
      key,
    );
  });
});

describe('the token store', () => {
  it('keys the connection by Office partition key, with a plain key where there is none', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    saveConnection(storage, 'p1', { serviceUrl: 'https://a', token: 't1' });
    saveConnection(storage, undefined, { serviceUrl: 'https://b', token: 't2' });
    expect([...data.keys()]).toEqual([storageKey('p1'), storageKey(undefined)]);
    expect(loadConnection(storage, 'p1')).toEqual({ serviceUrl: 'https://a', token: 't1' });
    expect(loadConnection(storage, undefined)?.token).toBe('t2');
    expect(loadConnection(storage, 'other')).toBeUndefined();
  });
});
