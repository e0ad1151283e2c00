// Starts the service as a separate process (helpers/child-service.ts) and waits until it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ServiceProcess {
  url: string;
  /** An admin token made by this process. */
  token: string;
  child: ChildProcess;
  /** The signal that ended the process (null after a normal exit). */
  exited: Promise<NodeJS.Signals | null>;
}

/** `nodeFlags` go to Node before the service's module (heap sizes, say). */
export async function spawnService(
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, fileURLToPath(new URL('./child-service.ts', import.meta.url))],
    {
      env: { ...process.env, PORT: '0', DEMO: 'off', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error('the service did not start')));
  });
  const { url, token } = JSON.parse(firstLine) as { url: string; token: string };
  return { url, token, child, exited };
}
