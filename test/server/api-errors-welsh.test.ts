// API errors in Welsh (DESIGN §12): the code stays, the message follows Accept-Language. Every code the
// service raises has a Welsh sentence in the catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CY, EN } from '../../shared/i18n/index.js';
import { ERROR_MESSAGES } from '../../server/error-language.js';
import { json, startTestService, type TestService } from './helpers/service.js';

type ErrorBody = { error: { code: string; message: string } };

describe('API errors in the language asked for', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({});
  });
  afterAll(() => t.stop());

  const ask = async (headers: Record<string, string>) => {
    const response = await t.call('GET', '/api/v1/no-such-route', { token: 'cdo', headers });
    return {
      status: response.status,
      vary: response.headers.get('vary'),
      body: await json<ErrorBody>(response),
    };
  };

  it('answers in English by default and when English is preferred, as before', async () => {
    const headers: Record<string, string>[] = [{}, { 'accept-language': 'en-GB,en;q=0.9,cy;q=0.5' }];
    for (const header of headers) {
      const { status, body } = await ask(header);
      expect(status).toBe(404);
      expect(body.error).toEqual({
        code: 'not-found',
        message: 'There is no API route GET /api/v1/no-such-route.',
      });
    }
  });

  it('answers in Welsh, with the same code, when Welsh is preferred', async () => {
    for (const language of ['cy', 'cy-GB', 'cy,en;q=0.5']) {
      const { status, vary, body } = await ask({ 'accept-language': language });
      expect(status).toBe(404);
      expect(body.error).toEqual({ code: 'not-found', message: CY['error.notFound'].text });
      expect(vary).toMatch(/Accept-Language/i);
    }
  });

  it('refuses a missing token in Welsh too', async () => {
    const response = await t.call('GET', '/api/v1/me', { token: null, headers: { 'accept-language': 'cy' } });
    expect(response.status).toBe(401);
    expect((await json<ErrorBody>(response)).error).toEqual({
      code: 'unauthenticated',
      message: CY['error.unauthenticated'].text,
    });
  });
});

describe('the Welsh error sentences', () => {
  it('cover every error code the service answers with', () => {
    const root = fileURLToPath(new URL('../../server/', import.meta.url));
    const codes = new Set<string>();
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      // new HttpError(status, 'code', …), badRequest('code', …), refused(status, 'code', …),
      // sendError(res, status, 'code', …)
      const raised =
        /(?:new HttpError\(\s*[\w.]+,\s*|refused\(\s*\d+,\s*|badRequest\(\s*|sendError\(\s*res,\s*\d+,\s*|error: \{ code: )'([a-z][a-z-]+)'/g;
      for (const match of source.matchAll(raised)) codes.add(match[1]!);
    }
    expect(codes.size).toBeGreaterThan(15);
    expect([...codes].filter((code) => !(code in ERROR_MESSAGES))).toEqual([]);
    for (const key of Object.values(ERROR_MESSAGES)) expect(key in EN && key in CY).toBe(true);
  });
});
