// `xl/styles.xml`: the number formats, fonts and wrapping the cells use, registered as sheets are written.
import { attr, MAIN_NS, XML_HEAD } from './xml-text.js';

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '@': 49 };

/** Number formats, fonts and wrapping used by cells, registered as sheets are written and saved last. */
export class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['0|false|false|false', 0]]);
  private readonly xfList: { numFmtId: number; bold: boolean; wrap: boolean; right: boolean }[] = [
    { numFmtId: 0, bold: false, wrap: false, right: false },
  ];
  /** Conditional formats' colours, in dxf order. */
  private readonly highlights: string[] = [];

  /** The dxf of a status colour: white bold text on it, as the e-mail's labels are drawn. */
  highlight(colour: string): number {
    const known = this.highlights.indexOf(colour);
    if (known >= 0) return known;
    this.highlights.push(colour);
    return this.highlights.length - 1;
  }

  /** `right`: aligned right, as a number column's header is over its numbers. */
  id(numberFormat: string | undefined, bold = false, wrap = false, right = false): number {
    const numFmtId = numberFormat === undefined ? 0 : this.formatId(numberFormat);
    const key = `${numFmtId}|${bold}|${wrap}|${right}`;
    let id = this.xfs.get(key);
    if (id === undefined) {
      id = this.xfList.length;
      this.xfList.push({ numFmtId, bold, wrap, right });
      this.xfs.set(key, id);
    }
    return id;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const numFmts = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`,
    );
    const xfs = this.xfList.map(
      ({ numFmtId, bold, wrap, right }) =>
        `<xf numFmtId="${numFmtId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}` +
        // Top-aligned, so that a row made tall by wrapped text reads across from its first line.
        ` applyAlignment="1"><alignment${right ? ' horizontal="right"' : ''} vertical="top"${wrap ? ' wrapText="1"' : ''}/></xf>`,
    );
    const dxf = (fill: string) =>
      `<dxf><font><b/><color rgb="FFFFFFFF"/></font><fill><patternFill><bgColor rgb="FF${fill}"/></patternFill></fill></dxf>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.highlights.length}">${this.highlights.map(dxf).join('')}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
