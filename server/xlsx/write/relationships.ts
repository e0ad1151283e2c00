// Relationships parts (`_rels/.rels`, `xl/_rels/workbook.xml.rels`, a sheet's or drawing's).
import { PKG_REL_NS, XML_HEAD } from './xml-text.js';

export const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function relsXml(rels: readonly [type: string, target: string][]): string {
  return relsXmlRaw(
    rels.map(
      ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/${type}" Target="${target}"/>`,
    ),
  );
}

export function relsXmlRaw(rels: readonly string[]): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
}
