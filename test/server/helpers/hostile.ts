// Workbooks an attacker (or an unlucky export) might send: the service must refuse each with a clear 4xx.
import yazl from 'yazl';

function zip(parts: Record<string, Buffer | string>): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, content] of Object.entries(parts)) file.addBuffer(Buffer.from(content), name);
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    file.outputStream.on('error', reject);
  });
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** An XML part with an entity declaration (XXE / billion laughs). */
export const workbookWithEntities = (): Promise<Buffer> =>
  zip({
    '[Content_Types].xml': CONTENT_TYPES,
    'xl/workbook.xml':
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook>&x;</workbook>',
  });

/** A small file that inflates to more than the reader's 100 MB cap. */
export const zipBomb = (): Promise<Buffer> =>
  zip({
    '[Content_Types].xml': CONTENT_TYPES,
    'xl/worksheets/sheet1.xml': Buffer.alloc(110 * 1024 * 1024, 0x20),
  });
