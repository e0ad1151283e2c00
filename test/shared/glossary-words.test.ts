// The glossary's words are the only words (DESIGN §2): "Outstanding" meant two things, so no text a
// person reads says it any more. The code keeps the API's `outstandingPence`; every text the product
// shows comes from these folders, and the documents beside it say what the product shows.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FOLDERS = ['addin/src', 'server', 'shared', 'demo', 'deploy', 'docs', 'bin'];
const TEXT = /\.(ts|js|html|css|md|json|txt)$/;

function textFiles(): string[] {
  const files = ['README.md'];
  for (const folder of FOLDERS) {
    for (const entry of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && TEXT.test(entry.name)) {
        files.push(path.relative(ROOT, path.join(entry.parentPath, entry.name)));
      }
    }
  }
  return files;
}

describe('the words people read', () => {
  it('never say a bare "Outstanding" (the glossary has "Still to pay this year" and "Behind profile")', () => {
    const files = textFiles();
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'shared/glossary.ts', 'server/commands/consolidate.ts']),
    );
    const found = files.filter((file) => /\bOutstanding\b/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
