// A relationships part (`_rels/.rels`, `xl/_rels/workbook.xml.rels`, ...), followed as exceljs 4.4.0's
// streaming reader followed it, refusing as damaged what it could not read.
import type { SaxesTagPlain } from 'saxes';
import { damaged } from './rejected.js';
import type { Attributes, PartReader } from './xml-guard.js';

/** One `<Relationship>`: its attributes as written (Id, Type, Target, ...). */
export type Relationship = Partial<Record<'Id' | 'Type' | 'Target', string>>;

/**
 * A relationships part: `<Relationships>` holding `<Relationship>` elements and nothing else; any
 * other element makes it damaged. Reading stops at `</Relationships>`.
 */
export class RelationshipsReader implements PartReader {
  relationships: Relationship[] | undefined;
  private current: Attributes | undefined;
  private inRelationship = false;
  private done = false;

  open(tag: SaxesTagPlain): void {
    if (this.done) return;
    if (this.inRelationship) {
      if (tag.name === 'Relationship') this.current = tag.attributes;
      return;
    }
    if (tag.name === 'Relationships') this.relationships = [];
    else if (tag.name === 'Relationship') {
      this.inRelationship = true;
      this.current = tag.attributes;
    } else throw damaged();
  }

  close(tag: SaxesTagPlain): void {
    if (this.done) return;
    if (this.inRelationship) {
      if (!this.relationships) throw damaged();
      this.relationships.push(this.current!);
      this.inRelationship = false;
    } else if (tag.name === 'Relationships') this.done = true;
    else throw damaged();
  }

  text(): void {}
}
