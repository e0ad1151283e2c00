// The folder Shared CDO is installed in (the one holding its package.json), for the files that ship
// beside the code: package.json itself, the manifest and the built task pane. Found by walking up from
// this module, because it runs from server/ in development and from dist/server/ once built.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function installFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('Shared CDO: package.json not found above its code');
    folder = parent;
  }
  return folder;
}

export const INSTALL_FOLDER = installFolder();
