// The `shared-cdo` command (bin/shared-cdo.js runs this file).
import { buildProgram } from './program.js';

await buildProgram().parseAsync(process.argv);
