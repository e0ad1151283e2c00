// The language of the command line's messages to people (DESIGN §12), chosen as command-line tools
// choose theirs: from the environment's locale, LC_ALL first, then LC_MESSAGES, then LANG (the first one
// set wins). Welsh when it names Welsh (`cy_GB.UTF-8`, `cy`), English otherwise.
import { messagesIn, type Locale, type Messages } from '../../shared/i18n/index.js';

export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value);
  return /^cy([_.@-]|$)/i.test(tag ?? '') ? 'cy' : 'en';
}

/** This run's language: a command runs once, so the environment is read once. */
export const CLI_LOCALE: Locale = cliLocale();

/** This run's words: the command line's messages, help and refusals in `CLI_LOCALE`. */
export const say: Messages = messagesIn(CLI_LOCALE);
