// Tests that need a system tool (LibreOffice, Chromium, xmllint) skip with a note when it is missing on
// a developer's machine, and fail when CI=true, where .ci/run installs it.
import { spawnSync } from 'node:child_process';

/** True when `command` is on the PATH; under CI=true a missing tool throws, failing the test file. */
export function requireTool(command: string): boolean {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
  if (found) return true;
  if (process.env.CI === 'true') throw new Error(`${command} is required when CI=true but is not installed`);
  console.warn(`Skipping tests that need ${command}: it is not installed (CI installs it).`);
  return false;
}
