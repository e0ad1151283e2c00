// `[Content_Types].xml`: the content type of every part the workbook holds.
import { XML_HEAD } from './xml-text.js';

export const CT_BASE = 'application/vnd.openxmlformats-officedocument';

/** `overrides`: each part named by its absolute path, with its content type. */
export function contentTypesXml(overrides: readonly [part: string, type: string][]): string {
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}
