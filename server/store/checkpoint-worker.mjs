// A worker thread does not inherit a loader registered through tsx's API (as bin/shared-cdo.js does),
// so the worker registers it before loading its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./checkpoint-worker.ts', import.meta.url).href);
