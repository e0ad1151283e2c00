#!/usr/bin/env node
// The unit's ExecStartPost: waits until the service's GET /readyz answers 200 (it is listening and its
// database answers), so that systemd counts the service as started only then. Exits 0 once ready, or 1
// after READY_WAIT_SECONDS (default 60) without a ready answer. A script rather than a command line in
// the unit, so that nothing in it is quoting for systemd to read its own way.
const port = process.env.PORT || '3000';
const url = `http://127.0.0.1:${port}/readyz`;
const waitSeconds = Number(process.env.READY_WAIT_SECONDS || 60);
const deadline = Date.now() + waitSeconds * 1000;

for (;;) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (response.ok) process.exit(0);
  } catch {
    // Not listening yet, or no answer in time: asked again below.
  }
  if (Date.now() >= deadline) {
    process.stderr.write(`Shared CDO was not ready at ${url} within ${waitSeconds} seconds.\n`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
