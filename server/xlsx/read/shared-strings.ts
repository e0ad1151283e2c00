// `xl/sharedStrings.xml`, and the OOXML escapes its text and a worksheet's share.
import type { SaxesTagPlain } from 'saxes';
import type { PartReader } from './xml-guard.js';

/**
 * `xl/sharedStrings.xml`: each `<si>`'s text as Excel shows it: the text of its `<t>`, or of its rich-text
 * runs joined; a phonetic reading (`<rPh>`, the small kana Excel can show above Japanese text) is not part
 * of it, nor is whitespace between elements.
 */
export class SharedStringsReader implements PartReader {
  readonly strings: string[] = [];
  private current = '';
  /** The text of the `<t>` being read, or undefined outside one (or inside a phonetic reading). */
  private run: string | undefined;
  private inPhonetic = false;

  open(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 'si':
        this.current = '';
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 't':
        if (!this.inPhonetic) this.run = '';
        break;
      default:
        break;
    }
  }

  text(text: string): void {
    if (this.run !== undefined) this.run += text;
  }

  close(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 't':
        if (this.run !== undefined) this.current += unescapeText(this.run);
        this.run = undefined;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'si':
        this.strings.push(this.current);
        this.current = '';
        break;
      default:
        break;
    }
  }
}

/**
 * Undoes the escapes OOXML adds to text (its `ST_Xstring`), once the XML parser has undone the XML ones:
 * `_xHHHH_` stands for the character HHHH (Excel writes a carriage return as `_x000D_`, and text that
 * itself looks like an escape with its `_` as `_x005F_`).
 */
export function unescapeText(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
