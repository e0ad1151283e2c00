// A large value as JSON text written as it is produced: `JSON.stringify(value)` exactly, in chunks, with
// no text of the whole ever made. Objects are walked key by key and each array element is written by
// JSON.stringify itself, so the native serialiser does the work (a project, a council) and only the
// chunk being gathered is held.

/** Text gathered before each chunk: fewer, larger writes without holding much. */
const CHUNK_CHARS = 64 * 1024;

function* pieces(value: unknown): Generator<string> {
  if (value === null || typeof value !== 'object' || 'toJSON' in value) {
    // JSON.stringify gives undefined for what JSON cannot hold; at the top, as in an array, that is null.
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}${JSON.stringify(value[i]) ?? 'null'}`;
    }
    yield value.length === 0 ? '[]' : ']';
    return;
  }
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* pieces(member);
  }
  yield first ? '{}' : '}';
}

/** The chunks of `JSON.stringify(value)`, each about CHUNK_CHARS long. */
export function* jsonChunks(value: unknown): Generator<string> {
  let chunk = '';
  for (const piece of pieces(value)) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
