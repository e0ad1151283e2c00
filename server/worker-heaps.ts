// Worker threads take the heap sizes they are given. `shared-cdo serve` starts Node with a small young
// generation and a capped old one (bin/service-memory.js), meant for the thread that serves requests. But
// V8 applies those flags to every isolate it creates, over a worker's own `resourceLimits`: the decode
// workers, which make tens of megabytes of short-lived objects for each return, ran with 4 MB semi-spaces
// instead of the young generation their pool gives them (their objects were promoted and collected again,
// and a return took about a third more processor time), and DECODE_MEMORY_MB was replaced by the
// service's 256 MB whatever it was set to. By the time any worker starts, the main thread's heap exists
// and the flags have done their work there; cleared, they leave each worker to its own limits.
import { setFlagsFromString } from 'node:v8';

let cleared = false;

/** Before starting a worker thread: its `resourceLimits`, not the service's heap flags, size its heap. */
export function workersSizeTheirOwnHeaps(): void {
  if (cleared) return;
  cleared = true;
  // Heap flags are read when an isolate is made; 0 means "not set", as when Node is started without them.
  setFlagsFromString('--max-semi-space-size=0');
  setFlagsFromString('--max-old-space-size=0');
}
