// One consolidated workbook: GET /consolidated.xlsx, the roll-up's attachment and the CLI's --out are
// the same workbook for the same view, charts included (zip entry times aside, the parts are identical);
// the service's on SQLite and on PostgreSQL.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { buildRollup } from '../../../server/mail/messages.js';
import { consolidatedView } from '../../../server/services/consolidated-view.js';
import { writeConsolidatedWorkbook } from '../../../server/workbook/write-consolidated.js';
import { consolidatedViewSchema } from '../../../shared/schemas.js';
import { writtenBytes, zipParts } from '../../helpers/xlsx.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { describeStores } from '../../helpers/databases.js';
import { asPeriod } from '../../../shared/dates.js';

const CLI = fileURLToPath(new URL('../../../bin/shared-cdo.js', import.meta.url));
const PERIOD = asPeriod('2026-11');

let api: TestService;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shared-cdo-one-workbook-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The parts, but for the moment each was written (its document properties' created and modified). */
const timeless = (parts: Map<string, string>) =>
  new Map(
    [...parts].map(([name, xml]) => [
      name,
      name === 'docProps/core.xml' ? xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, '$1') : xml,
    ]),
  );

const charted = (parts: Map<string, string>) => [...parts.keys()].filter((n) => n.startsWith('xl/charts/'));

describeStores('the consolidated workbook', (kind) => {
  beforeAll(async () => {
    api = await startTestService({ kind });
  });
  afterAll(() => api.stop());

  it('is the same from GET /consolidated.xlsx and as the roll-up attachment, with the charts', async () => {
    expect(
      (await api.call('PUT', '/api/v1/partnership', { token: 'cdo', json: demoPartnership })).status,
    ).toBe(200);
    const response = await api.call('GET', `/api/v1/consolidated.xlsx?period=${PERIOD}`, { token: 'viewer' });
    expect(response.status).toBe(200);
    const fromRoute = await zipParts(Buffer.from(await response.arrayBuffer()));
    const view = await consolidatedView(api.service.store, PERIOD);
    const rollup = await buildRollup(demoPartnership, view, { from: 'cdo@example.gov.uk' });
    const attached = await zipParts(rollup.workbook);
    expect(charted(fromRoute)).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
      'xl/charts/chart4.xml',
    ]);
    expect(timeless(fromRoute)).toEqual(timeless(attached));
  });
});

// The CLI's consolidate reads workbooks, not a store.
describe('the consolidated workbook', () => {
  it('is the same from the CLI --out as the service writes for the view the CLI prints', async () => {
    const run = promisify(execFile);
    await run(process.execPath, [CLI, 'demo', '--out', 'demo', '--period', PERIOD], { cwd: dir });
    const returns = path.join(dir, 'demo', 'returns');
    const files = ['cherwell', 'south-oxfordshire', 'vale-of-white-horse', 'west-oxfordshire'].map((c) =>
      path.join(returns, `${c}.xlsx`),
    );
    const { stdout } = await run(
      process.execPath,
      [CLI, 'consolidate', '--partnership', 'demo/partnership.xlsx', '--period', PERIOD].concat([
        '--out',
        'consolidated.xlsx',
        '--json',
        '-',
        ...files,
      ]),
      { cwd: dir, maxBuffer: 16 << 20 },
    );
    const view = consolidatedViewSchema.parse(JSON.parse(stdout));
    const fromCli = await zipParts(await readFile(path.join(dir, 'consolidated.xlsx')));
    const written = await zipParts(await writtenBytes((out) => writeConsolidatedWorkbook(view, out)));
    expect(charted(fromCli)).toHaveLength(4);
    expect(timeless(fromCli)).toEqual(timeless(written));
  });
});
