// The hostile corpus: uploads an attacker with a council or CDO token (or an unlucky export) might send,
// each made here from a valid council workbook or return (no opaque binaries), with the status and code
// the service must answer. Used by corpus.test.ts, by `npm run bench hostile`, and written to files by
// generate.ts.
import yauzl from 'yauzl';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { writtenBytes } from '../../../server/xlsx/write/bytes.js';
import { columnLetter } from '../../../server/xlsx/cell-ref.js';
import { writePartnershipWorkbook } from '../../../server/workbook/write-template.js';
import { buildZip, type ZipPart } from '../../helpers/zip.js';
import { councilWorkbook } from '../helpers/council-workbook.js';

export const HOSTILE_COUNCIL = 'cherwell';
export const HOSTILE_PERIOD = '2026-10';

export interface HostileCase {
  name: string;
  /** Where it is sent: a council's return, or the partnership (as the CDO). */
  route: 'submission' | 'partnership';
  kind: 'xlsx' | 'json';
  body: Buffer;
  /** The answer: status and error code (for a 422 with problems, the first problem's code). */
  expected: { status: number; code: string };
}

/** A workbook's parts in order, as text where they are XML. */
export async function unzipParts(bytes: Buffer): Promise<ZipPart[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const parts: ZipPart[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return parts;
}

export const textOf = (part: ZipPart): string => part.data.toString();

/** The part that holds a sheet, found as Excel finds it: workbook.xml's r:id through its relationships. */
export function sheetPartName(parts: readonly ZipPart[], sheet: string): string {
  const text = (name: string) => textOf(parts.find((p) => p.name === name)!);
  const rId = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(text('xl/workbook.xml'))![1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))![1]!;
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

type Edit = (xml: string) => string;

function edited(parts: readonly ZipPart[], name: string, edit: Edit): ZipPart[] {
  return parts.map((p) => (p.name === name ? { ...p, data: Buffer.from(edit(textOf(p))) } : p));
}

const DOCTYPE = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
const withDoctype: Edit = (xml) =>
  xml.startsWith('<?xml') ? xml.replace('?>', `?>${DOCTYPE}`) : `${DOCTYPE}${xml}`;

/** Appends a row after the sheet's last row. */
const appendRow =
  (row: string): Edit =>
  (xml) =>
    xml.replace('</sheetData>', `${row}</sheetData>`);

const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

const badWorkbook = { status: 422, code: 'bad-workbook' };

export async function hostileCorpus(): Promise<HostileCase[]> {
  const valid = await councilWorkbook(
    HOSTILE_COUNCIL,
    HOSTILE_PERIOD,
    demoPartnership,
    demoCouncilSubmission(HOSTILE_COUNCIL, HOSTILE_PERIOD),
  );
  const parts = await unzipParts(valid);
  const skills = sheetPartName(parts, 'Skills');
  const projects = sheetPartName(parts, 'Projects');
  const workbook = (name: string, changed: ZipPart[], expected: HostileCase['expected']): HostileCase => ({
    name,
    route: 'submission',
    kind: 'xlsx',
    body: buildZip(changed),
    expected,
  });
  const inSkills = (name: string, edit: Edit, expected = badWorkbook) =>
    workbook(name, edited(parts, skills, edit), expected);
  const json = (name: string, body: string, expected: HostileCase['expected']): HostileCase => ({
    name,
    route: 'submission',
    kind: 'json',
    body: Buffer.from(body),
    expected,
  });
  const validJson = demoCouncilSubmission(HOSTILE_COUNCIL, HOSTILE_PERIOD);

  const cases: HostileCase[] = [
    workbook('a valid council workbook', parts, { status: 201, code: 'created' }),
    inSkills('row 2,000,000,000', appendRow(`<row r="2000000000">${inlineCell('A2000000000', 'x')}</row>`)),
    inSkills('row 100,000,000 with no cells', appendRow('<row r="100000000"/>')),
    inSkills('row 1,048,577, one past Excel', appendRow('<row r="1048577"/>')),
    inSkills('negative row number', appendRow('<row r="-3"/>')),
    inSkills('non-numeric row number', appendRow('<row r="lots"/>')),
    inSkills('row number in exponent form', appendRow('<row r="1e9"/>')),
    inSkills('row without a number', appendRow('<row/>')),
    inSkills('rows out of order', appendRow('<row r="2"/>')),
    inSkills('cell beyond column XFD', appendRow(`<row r="900">${inlineCell('XFE900', 'x')}</row>`)),
    inSkills('cell in column ZZZZZZZ', appendRow(`<row r="900">${inlineCell('ZZZZZZZ900', 'x')}</row>`)),
    inSkills('cell reference in another row', appendRow(`<row r="900">${inlineCell('A5', 'x')}</row>`)),
    inSkills('cell with a negative reference', appendRow(`<row r="900">${inlineCell('A-900', 'x')}</row>`)),
    inSkills('dimension A1:XFD2000000000', (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>|<sheetData>/, (m) =>
        m.startsWith('<dimension')
          ? '<dimension ref="A1:XFD2000000000"/>'
          : `<dimension ref="A1:XFD2000000000"/>${m}`,
      ),
    ),
    inSkills('column range 1 to 2,000,000,000', (xml) =>
      xml.replace(/<cols>[\s\S]*?<\/cols>|<sheetData>/, (m) =>
        m.startsWith('<cols>')
          ? '<cols><col min="1" max="2000000000" width="9"/></cols>'
          : `<cols><col min="1" max="2000000000" width="9"/></cols>${m}`,
      ),
    ),
    inSkills(
      'row spans 1:99999999',
      appendRow(`<row r="900" spans="1:99999999">${inlineCell('A900', 'x')}</row>`),
    ),
    inSkills(
      'shared string 4,000,000,000 of none',
      appendRow('<row r="900"><c r="A900" t="s"><v>4000000000</v></c></row>'),
    ),
    inSkills('style index 99,999,999', appendRow('<row r="900"><c r="A900" s="99999999"><v>1</v></c></row>')),
    inSkills(
      'elements nested 100,000 deep',
      appendRow(`<row r="900"><c r="A900">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</c></row>`),
    ),
    inSkills('a 1 MB cell', appendRow(`<row r="900">${inlineCell('A900', noise(1 << 20))}</row>`), {
      status: 422,
      code: 'cell-too-long',
    }),
    inSkills(
      '20,000 columns in one row',
      appendRow(
        `<row r="900">${Array.from({ length: 20_000 }, (_, i) => `<c r="${columnLetter(i + 1)}900"><v>1</v></c>`).join('')}</row>`,
      ),
    ),
    workbook(
      '50,001 rows in the Projects sheet',
      edited(parts, projects, (xml) =>
        xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, () => {
          const rows = Array.from(
            { length: 50_001 },
            (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
          );
          return `<sheetData>${rows.join('')}</sheetData>`;
        }),
      ),
      { status: 413, code: 'too-many-rows' },
    ),
    workbook(
      'shared strings that lie about their count (never trusted, so harmless)',
      [
        ...edited(parts, 'xl/_rels/workbook.xml.rels', (xml) =>
          xml.replace(
            '</Relationships>',
            '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
          ),
        ),
        {
          name: 'xl/sharedStrings.xml',
          data: '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000000" uniqueCount="2000000000"><si><t>one</t></si></sst>',
        },
      ],
      { status: 201, code: 'created' },
    ),
    // Entities in every XML part: those reached directly and those reached through relationships.
    ...parts
      .filter((p) => /\.(xml|rels)$/.test(p.name))
      .map((p) =>
        workbook(`entities in ${p.name}`, edited(parts, p.name, withDoctype), {
          status: 422,
          code: 'xml-entities',
        }),
      ),
    workbook(
      'a relationship to a sheet part that is not XML',
      edited(parts, 'xl/_rels/workbook.xml.rels', (xml) =>
        xml.replace(skills.slice(3), `${skills.slice(3)}.bin`),
      ).concat({
        name: `${skills}.bin`,
        data: withDoctype(textOf(parts.find((p) => p.name === skills)!)),
      }),
      { status: 422, code: 'unreadable' },
    ),
    workbook(
      'a zip bomb: 120 MB of spaces in a sheet',
      edited(parts, skills, () => ' '.repeat(120 << 20)),
      {
        status: 413,
        code: 'zip-bomb',
      },
    ),
    workbook(
      'a part compressed 1000 to 1',
      edited(parts, skills, () => ' '.repeat(20 << 20)),
      {
        status: 422,
        code: 'zip-bomb',
      },
    ),
    workbook(
      'a part that inflates past its declared size',
      parts.map((p) => (p.name === skills ? { ...p, declaredSize: 100 } : p)),
      { status: 422, code: 'zip-bomb' },
    ),
    workbook('the same part name twice', [...parts, parts.find((p) => p.name === skills)!], {
      status: 422,
      code: 'not-xlsx',
    }),
    {
      name: 'a truncated archive',
      route: 'submission',
      kind: 'xlsx',
      body: buildZip(parts).subarray(0, 3000),
      expected: { status: 422, code: 'not-xlsx' },
    },
    {
      name: 'not a zip at all',
      route: 'submission',
      kind: 'xlsx',
      body: Buffer.from('Council ID,cherwell\nPeriod,2026-10\n'),
      expected: { status: 422, code: 'not-xlsx' },
    },
    {
      name: 'over 10 MB',
      route: 'submission',
      kind: 'xlsx',
      body: Buffer.alloc((10 << 20) + 1, 0x41),
      expected: { status: 413, code: 'payload-too-large' },
    },
    json('a JSON return of {}', '{}', { status: 422, code: 'invalid-value' }),
    json('a JSON return with unknown keys', JSON.stringify({ ...validJson, extra: 1 }), {
      status: 422,
      code: 'invalid-value',
    }),
    json(
      'a JSON return of 50,001 rows',
      JSON.stringify({ ...validJson, contributions: Array(50_001).fill(validJson.contributions[0]) }),
      { status: 413, code: 'too-many-rows' },
    ),
    json('a JSON body of a million empty objects', `[${Array(1_000_000).fill('{}').join(',')}]`, {
      status: 413,
      code: 'too-many-rows',
    }),
    json('JSON nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, {
      status: 422,
      code: 'invalid-value',
    }),
    json('JSON cut short', '{"period":"2026-10","contributions":[', { status: 400, code: 'invalid-json' }),
  ];

  const partnershipBook = await partnershipWorkbookParts();
  cases.push(
    {
      name: 'a partnership workbook with row 2,000,000,000',
      route: 'partnership',
      kind: 'xlsx',
      body: buildZip(
        edited(
          partnershipBook,
          sheetPartName(partnershipBook, 'Councils'),
          appendRow(`<row r="2000000000">${inlineCell('A2000000000', 'x')}</row>`),
        ),
      ),
      expected: badWorkbook,
    },
    {
      name: 'partnership JSON with an unknown key',
      route: 'partnership',
      kind: 'json',
      body: Buffer.from(JSON.stringify({ ...demoPartnership, owner: 'x' })),
      expected: { status: 422, code: 'invalid-value' },
    },
  );
  return cases;
}

/** Letters that do not compress much (a real 1 MB cell would not be 1 MB of one letter). */
function noise(length: number): string {
  let seed = 1;
  return Array.from({ length }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return String.fromCharCode(97 + (seed % 26));
  }).join('');
}

const partnershipWorkbookParts = async (): Promise<ZipPart[]> =>
  unzipParts(await writtenBytes((out) => writePartnershipWorkbook(out, demoPartnership)));
