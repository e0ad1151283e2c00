// The decode worker (worker.ts) when the service runs from its TypeScript sources (tests, `npm run dev`):
// a worker thread does not inherit a loader registered through tsx's API, so it registers tsx before
// loading the TypeScript. Built, the pool runs the compiled worker.js instead, with no loader.
import { register } from 'tsx/esm/api';

register();
const worker = await import(new URL('./worker.ts', import.meta.url).href);
export default worker.default;
