// API errors in Welsh (DESIGN §12): the code stays, the message follows Accept-Language. Every code the
// service raises has a Welsh sentence in the catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';
import type { SubmissionReceipt } from '../../shared/api.js';
import { CY, EN } from '../../shared/i18n/index.js';
import { problemMessage } from '../../shared/i18n/problems.js';
import type { Problem } from '../../shared/schemas.js';
import { ERROR_MESSAGES } from '../../server/error-language.js';
import { buildZip } from '../helpers/zip.js';
import { councilWorkbook } from './helpers/council-workbook.js';
import { sheetPartName, textOf, unzipParts } from './hostile/corpus.js';
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

describe('a 422 in the language asked for', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({});
    expect((await t.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership })).status).toBe(
      200,
    );
  });
  afterAll(() => t.stop());

  type Problems = { errors: Omit<Problem, 'severity'>[]; problemCount: number };

  /** Cherwell's October return sent as `xlsx`, refused (422) in the language `headers` ask for. */
  const refused = async (xlsx: Buffer, headers: Record<string, string>): Promise<Problems> => {
    const response = await t.call('POST', '/api/v1/councils/cherwell/submissions?period=2026-10', {
      xlsx,
      headers,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
    return json<Problems>(response);
  };

  it('lists the same problems with Welsh messages when Welsh is preferred', async () => {
    const data = demoCouncilSubmission('cherwell', '2026-10');
    const [project, ...projects] = data.projects;
    const [skill, other, ...skills] = data.skills;
    const wrong = {
      ...data,
      projects: [{ ...project!, title: '', theme: 'Space' as never }, ...projects],
      skills: [{ ...skill!, email: 'ann', level: 'Guru' as never }, other!, other!, ...skills],
    };
    const workbook = await councilWorkbook('cherwell', '2026-10', demoPartnership, wrong);
    const english = await refused(workbook, {});
    const welsh = await refused(workbook, { 'accept-language': 'cy' });

    const places = ({ errors }: Problems) => errors.map(({ message: _, ...place }) => place);
    expect(places(welsh)).toEqual(places(english));
    expect(welsh.problemCount).toBe(english.problemCount);
    const themes =
      'Digital strategy, Digital government, Digital infrastructure, Digital funding, Digital inclusion';
    const duplicate = 'Email and Skill as row 3 (priya.shah@cherwell.example, Service design)';
    expect(english.errors.map((e) => [e.code, e.column, e.message])).toEqual([
      ['invalid-email', 'Email', 'Email must be an email address, like name@council.gov.uk — found "ann".'],
      [
        'not-in-list',
        'Level',
        'Level must be one of Awareness, Working, Practitioner, Expert — found "Guru".',
      ],
      ['duplicate-row', 'Email', `Same ${duplicate}; each must appear only once on this sheet.`],
      ['required', 'Title', 'Title is required but the cell is blank.'],
      ['not-in-list', 'Theme', `Theme must be one of ${themes} — found "Space".`],
    ]);
    expect(welsh.errors.map((e) => e.message)).toEqual([
      'Rhaid i Email fod yn gyfeiriad e-bost, fel name@council.gov.uk — cafwyd "ann".',
      'Rhaid i Level fod yn un o Awareness, Working, Practitioner, Expert — cafwyd "Guru".',
      'Yr un Email a Skill â rhes 3 (priya.shah@cherwell.example, Service design); rhaid i bob un ymddangos unwaith yn unig ar y ddalen hon.',
      'Mae angen Title ond mae’r gell yn wag.',
      `Rhaid i Theme fod yn un o ${themes} — cafwyd "Space".`,
    ]);
  });

  it('says a missing column and To before From in Welsh, and in English as before', async () => {
    const data = demoCouncilSubmission('cherwell', '2026-10');
    const [skill, ...skills] = data.skills;
    const wrong = { ...data, skills: [{ ...skill!, from: '2026-09-01', to: '2026-08-31' }, ...skills] };
    const parts = await unzipParts(await councilWorkbook('cherwell', '2026-10', demoPartnership, wrong));
    const projects = sheetPartName(parts, 'Projects');
    // The Projects header "Theme" retyped as "Themes": the column is missing (and the other ignored).
    const renamed = parts.map((p) =>
      p.name === projects ? { ...p, data: Buffer.from(textOf(p).replace('>Theme<', '>Themes<')) } : p,
    );
    const english = await refused(buildZip(renamed), {});
    const welsh = await refused(buildZip(renamed), { 'accept-language': 'cy' });
    expect(english.errors.map((e) => [e.sheet, e.code, e.column, e.message])).toEqual([
      ['Skills', 'to-before-from', 'To', 'To (31/08/2026) must not be before From (01/09/2026).'],
      [
        'Projects',
        'missing-column',
        'Theme',
        'The column "Theme" is missing; add a column with that header.',
      ],
    ]);
    expect(welsh.errors.map((e) => e.message)).toEqual([
      'Ni chaiff To (31/08/2026) fod cyn From (01/09/2026).',
      'Mae’r golofn "Theme" ar goll; ychwanegwch golofn â’r pennawd hwnnw.',
    ]);
    // The messages are said in the language asked for; what they say by key stays in the service.
    expect(welsh.errors.every((e) => !('say' in e))).toBe(true);
  });

  it('gives a receipt’s warnings their key, the same when the receipt is replayed, for the pane to say in Welsh', async () => {
    const data = demoCouncilSubmission('cherwell', '2026-09');
    const sme = { ...data.skills[0]!, organisationType: 'SME' as const, dayRatePence: undefined };
    const body = { ...data, skills: [sme, ...data.skills.slice(1)] };
    const send = async () => {
      const response = await t.call('POST', '/api/v1/councils/cherwell/submissions?period=2026-09', {
        json: body,
        headers: { 'idempotency-key': 'welsh-warnings' },
      });
      expect(response.status).toBe(201);
      return json<SubmissionReceipt>(response);
    };
    const receipt = await send();
    const warning = receipt.warnings.find((w) => w.code === 'day-rate-missing')!;
    expect(warning.message).toBe(
      'Day rate (£) is blank for someone from an SME; add it so the cost of their time is known.',
    );
    expect(warning.say).toEqual({ key: 'problem.dayRateMissing.sme', values: { column: 'Day rate (£)' } });
    expect(problemMessage('cy', warning)).toBe(
      'Mae Day rate (£) yn wag ar gyfer rhywun o fusnes bach neu ganolig (SME); ychwanegwch ef fel bod cost eu hamser yn hysbys.',
    );
    expect((await send()).warnings).toEqual(receipt.warnings);
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
