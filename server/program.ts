// The `shared-cdo` command line as one commander program. Each command lives in ./commands/<name>.ts and
// registers itself here. Conventions every command follows: descriptions are sentences without a final
// full stop, placeholders are lower-case nouns (or the format, as YYYY-MM), and required options say so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { register as registerAudit } from './commands/audit.js';
import { say } from './commands/cli-language.js';
import { speakCommanderWords } from './commands/commander-words.js';
import { addExamples } from './commands/help.js';
import { register as registerConsolidate } from './commands/consolidate.js';
import { register as registerDb } from './commands/db.js';
import { register as registerDemo } from './commands/demo.js';
import { register as registerPeople } from './commands/people.js';
import { register as registerRollup } from './commands/rollup.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerSubmit } from './commands/submit.js';
import { register as registerTenant } from './commands/tenant.js';
import { register as registerTemplate } from './commands/template.js';
import { register as registerToken } from './commands/token.js';
import { register as registerUser } from './commands/user.js';
import { register as registerYear } from './commands/year.js';
import { INSTALL_FOLDER } from './install-folder.js';

const { version } = JSON.parse(readFileSync(join(INSTALL_FOLDER, 'package.json'), 'utf8')) as {
  version: string;
};

export function buildProgram(): Command {
  // Commander's words, then the program's own, in the environment's language; inherited by every
  // command added below.
  const program = speakCommanderWords(new Command('shared-cdo'))
    .description(say('cli.help.program'))
    .version(version, '-V, --version', say('cli.help.version'))
    .helpOption('-h, --help', say('cli.help.helpOption'))
    .helpCommand('help [command]', say('cli.help.helpCommand'))
    .showHelpAfterError();

  registerConsolidate(program);
  registerTemplate(program);
  registerDemo(program);
  registerServe(program);
  registerToken(program);
  registerUser(program);
  registerTenant(program);
  registerSubmit(program);
  registerRollup(program);
  registerDb(program);
  registerAudit(program);
  registerPeople(program);
  registerYear(program);
  addExamples(program);
  return program;
}
