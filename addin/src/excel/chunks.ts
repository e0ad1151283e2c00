// Excel on the web refuses a request, and an answer, over 5 MB (RequestPayloadSizeLimitExceeded,
// ResponsePayloadSizeLimitExceeded). Big writes are split into row blocks whose JSON stays under a
// budget that leaves room for the request's own envelope; big reads into blocks of cells.

export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
/** What one write may carry: the 5 MB limit less a margin for addresses, formats and the envelope. */
export const WRITE_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Cells read per round trip: 5 MB over 50,000 cells leaves about 100 bytes a cell, several times what
 * a return's cells hold (a value and its number format); longer texts make Excel refuse the answer, and
 * the read goes on in halves.
 */
export const READ_CELL_BUDGET = 50_000;

/** Whether Excel refused a request or its answer for its size. */
export const isPayloadTooLarge = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
};

const encoder = new TextEncoder();
/** The UTF-8 size of a value as it travels in a request. */
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/** Splits rows into consecutive blocks, each at most `budget` bytes of JSON (one over-size row stands alone). */
export function chunkRowsByJsonSize<T>(
  rows: readonly T[],
  budget = WRITE_BUDGET_BYTES,
): { start: number; rows: T[] }[] {
  const chunks: { start: number; rows: T[] }[] = [];
  let current: T[] = [];
  let start = 0;
  let size = 2; // the brackets of the outer array
  rows.forEach((row, index) => {
    const rowSize = jsonBytes(row) + 1; // its comma
    if (current.length > 0 && size + rowSize > budget) {
      chunks.push({ start, rows: current });
      current = [];
      start = index;
      size = 2;
    }
    current.push(row);
    size += rowSize;
  });
  if (current.length > 0) chunks.push({ start, rows: current });
  return chunks;
}
