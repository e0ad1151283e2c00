// Vitest global setup: builds the task pane and the service once, before any test file runs, so that the
// browser tests load what the sources say (the service serves addin/dist) and the tests that run the
// `shared-cdo` command run the sources as compiled now (bin/shared-cdo.js runs dist/).
import { buildAddin } from '../../addin/tools/build.js';
import { buildService } from '../../server/tools/build.js';

export default async function setup(): Promise<void> {
  await Promise.all([buildAddin(), buildService()]);
}
