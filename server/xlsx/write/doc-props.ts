// The document properties (`docProps/core.xml`, `docProps/app.xml`): title, subject, who made it, when.
import { text, XML_HEAD } from './xml-text.js';

/** What the workbook is: its document properties, and the footer of every printed page. */
export interface WorkbookInfo {
  title: string;
  /** Says the period, e.g. "Consolidated view for November 2026". */
  subject: string;
  /** The left of every page's footer, e.g. "Oxfordshire Digital Partnership · November 2026". */
  footer: string;
  created?: Date;
  /** The application named as the workbook's creator, last editor and application. */
  creator: string;
}

export function corePropertiesXml(info: WorkbookInfo): string {
  const created = (info.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${text(info.title)}</dc:title><dc:subject>${text(info.subject)}</dc:subject>` +
    `<dc:creator>${text(info.creator)}</dc:creator><cp:lastModifiedBy>${text(info.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appPropertiesXml(info: WorkbookInfo): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>${text(info.creator)}</Application></Properties>`
  );
}
