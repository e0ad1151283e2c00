// Reads each XML part in one SAX pass that both checks it and hands its events to the part's reader
// (relationships.ts, workbook-part.ts, shared-strings.ts, styles.ts; a worksheet's through
// worksheet-tokens.ts to sheet-checks.ts and worksheet.ts). The checks see every event before the reader
// does, and a refusal of theirs wins over anything the reader finds anywhere in the part, so a hostile
// part is refused exactly as if it had been read through by the checks alone first. A spreadsheet reader
// that pads rows and columns up to whatever a file declares (`<row r="2000000000">` or
// `<col max="2000000000">` would take gigabytes) is never given anything outside Excel's own limits.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { badWorkbook, WorkbookRejected } from './rejected.js';

/** Excel nests sheet XML about ten levels deep; far deeper only serves to exhaust the parser. */
const MAX_DEPTH = 64;

/** An element's attributes as the SAX parser gives them. */
export type Attributes = Record<string, string>;

/** What reads a part's content, one SAX event at a time, after the checks have passed each event. */
export interface PartReader {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
}

/**
 * Reads one part through, checking it as it goes: well-formed, not nested too deeply, and whatever
 * `checks` checks (a worksheet's: sheet-checks.ts), each event before `reader` is given it. Whatever the
 * reader throws (a limit of its own, or damage it cannot read) is kept until the part has passed every
 * check, then thrown; from then on the reader sees no more events, so it holds nothing more either.
 */
export async function readPart(
  part: string,
  text: Readable,
  reader: PartReader,
  checks?: PartReader,
): Promise<void> {
  const pass = new GuardedPass(part, reader, checks);
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => pass.open(tag));
  parser.on('closetag', (tag) => pass.close(tag));
  parser.on('text', (t) => pass.text(t));
  parser.on('error', (error) => {
    pass.failure ??= error;
  });
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      parser.write(chunk);
      if (pass.failure) break;
    }
    if (!pass.failure) parser.close();
  } catch (error) {
    pass.failure ??= error;
  }
  text.destroy();
  if (pass.failure instanceof WorkbookRejected) throw pass.failure;
  if (pass.failure) {
    throw new WorkbookRejected(
      'unreadable',
      422,
      `This workbook is damaged: its part ${part} is not well-formed XML.`,
    );
  }
  pass.end();
}

/** One part's pass: the checks on every event, then the reader while it has found nothing. */
class GuardedPass {
  /** Why the checks (or the XML parser) refuse the part. */
  failure: unknown;
  /** What the reader threw, kept for after the checks. */
  found: unknown;
  reading = true;
  private depth = 0;

  constructor(
    private readonly part: string,
    private readonly reader: PartReader,
    private readonly checks: PartReader | undefined,
  ) {}

  open(tag: SaxesTagPlain): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      throw badWorkbook(
        `This workbook's part ${this.part} nests elements more than ${MAX_DEPTH} levels deep.`,
      );
    }
    this.checks?.open(tag);
    if (this.reading) {
      try {
        this.reader.open(tag);
      } catch (error) {
        this.stopReading(error);
      }
    }
  }

  close(tag: SaxesTagPlain): void {
    this.depth -= 1;
    this.checks?.close(tag);
    if (this.reading) {
      try {
        this.reader.close(tag);
      } catch (error) {
        this.stopReading(error);
      }
    }
  }

  text(text: string): void {
    this.checks?.text(text);
    if (this.reading) {
      try {
        this.reader.text(text);
      } catch (error) {
        this.stopReading(error);
      }
    }
  }

  /** The part passed every check: now what the reader found, if anything, is the answer. */
  end(): void {
    if (!this.reading) throw this.found;
  }

  private stopReading(error: unknown): void {
    this.found = error;
    this.reading = false;
  }
}
