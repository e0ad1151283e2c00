// Vitest global setup: builds the task pane once, before any test file runs, so that the browser tests
// load what the sources say (the service serves addin/dist).
import { buildAddin } from '../../addin/tools/build.js';

export default async function setup(): Promise<void> {
  await buildAddin();
}
