// How the workbook and styles readers follow the elements of their part, section by section, as
// exceljs 4.4.0's streaming reader (which the service used before) followed them, refusing as damaged
// what it could not read; only inside fonts, fills, borders and differential formats, whose content is
// not used, an element is simply skipped to its own end tag.
import type { SaxesTagPlain } from 'saxes';
import { damaged } from './rejected.js';
import type { Attributes, PartReader } from './xml-guard.js';

/** An element of the part being followed; `close` answers false when the section has ended. */
export interface Section {
  open(tag: SaxesTagPlain): void;
  close(name: string): boolean;
}

/** An element read from its start tag alone; the first end tag after it ends it. */
export class Leaf implements Section {
  constructor(
    private readonly tag: string,
    private readonly read: (attributes: Attributes) => void = () => undefined,
  ) {}
  open(tag: SaxesTagPlain): void {
    if (tag.name === this.tag) this.read(tag.attributes);
  }
  close(): boolean {
    return false;
  }
}

/** An element skipped to its own end tag. */
export class Skipped implements Section {
  constructor(private readonly tag: string) {}
  open(): void {}
  close(name: string): boolean {
    return name !== this.tag;
  }
}

/** An item of a list: begins at a start tag it knows, and `close` answers false when it has ended. */
export interface Item<T> {
  begin(tag: SaxesTagPlain): boolean;
  open(tag: SaxesTagPlain): void;
  close(name: string): boolean;
  readonly model: T;
}

/** An item read from its start tag alone, ended by the first end tag after it. */
export class LeafItem<T> implements Item<T | undefined> {
  model: T | undefined;
  constructor(
    private readonly tag: string,
    private readonly read: (attributes: Attributes) => T,
  ) {}
  begin(tag: SaxesTagPlain): boolean {
    if (tag.name !== this.tag) return false;
    this.model = this.read(tag.attributes);
    return true;
  }
  open(tag: SaxesTagPlain): void {
    this.begin(tag);
  }
  close(): boolean {
    return false;
  }
}

/** An item with content of its own (a font, a fill, ...), skipped to its own end tag. */
export class SkippedItem implements Item<undefined> {
  readonly model = undefined;
  private depth = 0;
  constructor(private readonly tag: string) {}
  begin(tag: SaxesTagPlain): boolean {
    if (tag.name !== this.tag) return false;
    this.depth = 1;
    return true;
  }
  open(): void {
    this.depth += 1;
  }
  close(): boolean {
    this.depth -= 1;
    return this.depth > 0;
  }
}

/**
 * A list (`<sheets>`, `<cellXfs>`, ...): its items in order. Its own start tag starts it afresh; an end
 * tag met between items ends it.
 */
export class List<T> implements Section {
  items: T[] | undefined;
  private inItem = false;
  constructor(
    private readonly tag: string,
    private readonly item: Item<T>,
  ) {}
  open(tag: SaxesTagPlain): void {
    if (this.inItem) this.item.open(tag);
    else if (tag.name === this.tag) this.items = [];
    else this.inItem = this.item.begin(tag);
  }
  close(name: string): boolean {
    if (!this.inItem) return false;
    if (!this.item.close(name)) {
      // A list's items come after its start tag.
      if (!this.items) throw damaged();
      this.items.push(this.item.model);
      this.inItem = false;
    }
    return true;
  }
}

/**
 * A part read section by section: an element named in `sections` starts that section, which reads
 * until it ends; the root's end tag ends the part (anything after it is not read).
 */
export abstract class SectionedPart implements PartReader {
  protected finished = false;
  private current: Section | undefined;
  constructor(
    private readonly root: string,
    private readonly sections: ReadonlyMap<string, Section>,
  ) {}

  open(tag: SaxesTagPlain): void {
    if (this.finished) return;
    if (this.current) this.current.open(tag);
    else if (tag.name !== this.root) {
      this.current = this.sections.get(tag.name);
      this.current?.open(tag);
    }
  }

  close(tag: SaxesTagPlain): void {
    if (this.finished) return;
    if (this.current) {
      if (!this.current.close(tag.name)) this.current = undefined;
    } else if (tag.name === this.root) {
      this.finished = true;
      this.finish();
    }
  }

  text(): void {}

  protected abstract finish(): void;
}
