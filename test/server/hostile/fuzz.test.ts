// A property of the decode pool: whatever is done to the XML of a valid council workbook (attributes set
// to hostile values, elements removed, repeated, wrapped or cut short), the answer is a valid parse or a
// clean 4xx, never an escaped exception, and the pool's workers survive to decode the next one.
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { HttpError, InvalidInput } from '../../../server/errors.js';
import { DecodePool } from '../../../server/returns/decode/pool.js';
import { buildZip, type ZipPart } from '../../helpers/zip.js';
import { councilWorkbook } from '../helpers/council-workbook.js';
import { HOSTILE_COUNCIL, HOSTILE_PERIOD, textOf, unzipParts } from './corpus.js';

const escaped: unknown[] = [];
const pool = new DecodePool({ memoryMb: 256, timeLimitMs: 20_000 }, (error) => escaped.push(error));
afterAll(() => pool.close());

const context = { partnership: demoPartnership, council: HOSTILE_COUNCIL, period: HOSTILE_PERIOD };
const submission = demoCouncilSubmission(HOSTILE_COUNCIL, HOSTILE_PERIOD);
const parts = await unzipParts(
  await councilWorkbook(HOSTILE_COUNCIL, HOSTILE_PERIOD, demoPartnership, submission),
);
const xmlParts = parts.filter((p) => /^xl\/(workbook|styles|worksheets\/sheet\d+)\.xml$/.test(p.name));

const START_TAG = /<([A-Za-z][\w:]*)((?:\s+[\w:]+="[^"]*")*)\s*(\/?)>/g;

/** Values that have broken spreadsheet readers: out of range, negative, not numbers, or not text at all. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1048577',
    '2000000000',
    '1e9',
    '0x10',
    ' 5',
    'NaN',
    'XFD1048576',
    'XFE1',
    'A0',
  ),
  fc.constantFrom(
    'ZZZZZZZ1',
    'A1:XFD2000000000',
    '1:99999999',
    '4294967296',
    '9'.repeat(30),
    's',
    'inlineStr',
  ),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[<&"]/g, '')),
);
const ATTRIBUTES = [
  'r',
  's',
  't',
  'spans',
  'ref',
  'min',
  'max',
  'sheetId',
  'r:id',
  'numFmtId',
  'xfId',
  'count',
];

type Mutation =
  | { kind: 'attribute'; tag: number; name: string; value: string }
  | { kind: 'remove' | 'repeat' | 'wrap'; tag: number }
  | { kind: 'cut'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('attribute' as const),
    tag: fc.nat(),
    name: fc.constantFrom(...ATTRIBUTES),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constantFrom('remove' as const, 'repeat' as const, 'wrap' as const), tag: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

/** Applies a mutation to the n-th start tag of the XML (counting round), or cuts the text short. */
function mutate(xml: string, m: Mutation): string {
  if (m.kind === 'cut') return xml.slice(0, m.at % xml.length);
  const tags = [...xml.matchAll(START_TAG)];
  if (tags.length === 0) return xml;
  const tag = tags[m.tag % tags.length]!;
  const [text, name, attributes, selfClosing] = tag as unknown as [string, string, string, string];
  const at = tag.index;
  const end = selfClosing ? at + text.length : closingEnd(xml, name, at + text.length);
  const element = xml.slice(at, end);
  const replace = (by: string) => xml.slice(0, at) + by + xml.slice(end);
  switch (m.kind) {
    case 'attribute': {
      const without = attributes.replace(new RegExp(`\\s+${m.name}="[^"]*"`), '');
      return (
        xml.slice(0, at) +
        `<${name}${without} ${m.name}="${m.value}"${selfClosing}>` +
        xml.slice(at + text.length)
      );
    }
    case 'remove':
      return replace('');
    case 'repeat':
      return replace(element + element);
    case 'wrap':
      return replace(`<wrapper>${element}</wrapper>`);
  }
}

/** Where the element opened at `from` closes (its own closing tag, counting nested ones of its name). */
function closingEnd(xml: string, name: string, from: number): number {
  const pattern = new RegExp(`<(/?)${name}(?:\\s[^>]*)?(/?)>`, 'g');
  pattern.lastIndex = from;
  let depth = 1;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    if (match[1]) depth -= 1;
    else if (!match[2]) depth += 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return xml.length;
}

it('answers every mutated workbook with a valid parse or a clean 4xx, and keeps its workers', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...xmlParts.map((p) => p.name)),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      async (partName, mutations) => {
        const changed: ZipPart[] = parts.map((p) =>
          p.name === partName ? { ...p, data: Buffer.from(mutations.reduce(mutate, textOf(p))) } : p,
        );
        const outcome = await pool
          .checkReturn({ kind: 'xlsx', bytes: buildZip(changed), context, hashRequest: false })
          .then(
            () => 'parsed',
            (error: unknown) => error,
          );
        if (outcome !== 'parsed') {
          const clean =
            outcome instanceof InvalidInput ||
            (outcome instanceof HttpError && outcome.status >= 400 && outcome.status < 500);
          expect(clean, String(outcome)).toBe(true);
          expect((outcome as HttpError).code).not.toBe('decode-failed');
        }
        expect(escaped).toEqual([]);
      },
    ),
    { numRuns: 30, seed: 20261128 },
  );
  // The workers are still there to decode a valid workbook.
  const valid = await pool.checkReturn({ kind: 'xlsx', bytes: buildZip(parts), context, hashRequest: false });
  expect(JSON.parse(valid.data)).toEqual(submission);
});
