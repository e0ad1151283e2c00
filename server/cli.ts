// The `shared-cdo` command line. Each command lives in ./commands/<name>.ts and registers itself here.
import { Command } from 'commander';
import { register as registerConsolidate } from './commands/consolidate.js';
import { register as registerDemo } from './commands/demo.js';
import { register as registerRollup } from './commands/rollup.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerSubmit } from './commands/submit.js';
import { register as registerTemplate } from './commands/template.js';
import { register as registerToken } from './commands/token.js';

const program = new Command('shared-cdo')
  .description(
    'Shared CDO: contributions, skills and projects of councils that share a Chief Digital Officer',
  )
  .showHelpAfterError();

registerConsolidate(program);
registerTemplate(program);
registerDemo(program);
registerServe(program);
registerToken(program);
registerSubmit(program);
registerRollup(program);

await program.parseAsync(process.argv);
