import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../server/routes/json-chunks.js';

const text = (value: unknown) => [...jsonChunks(value)].join('');

describe('JSON written in chunks', () => {
  it('is the text JSON.stringify gives, whatever the value holds', () => {
    const values: unknown[] = [
      {
        period: '2027-02',
        empty: {},
        none: [],
        gone: undefined,
        skipped: () => 1,
        items: [{ id: 'P-1', due: null, partners: ['a', 'b'], quote: 'say "hi"\n' }, undefined, 3],
        nested: { deeper: { at: new Date(Date.UTC(2027, 1, 3)), list: [[1, 2], []] } },
      },
      [],
      [undefined, () => 1],
      'text',
      42,
      null,
      undefined,
    ];
    for (const value of values) expect(text(value)).toBe(JSON.stringify(value) ?? 'null');
  });

  it('gives a large array in chunks of about 64 KB, none of them the whole', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: `P-${i}`, title: `Project number ${i}` }));
    const chunks = [...jsonChunks({ items })];
    expect(chunks.join('')).toBe(JSON.stringify({ items }));
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
  });
});
