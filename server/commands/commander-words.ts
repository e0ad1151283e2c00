// Commander's own words in this run's language (DESIGN §12): the help's headings and usage placeholders,
// what an option's help adds to its description (its choices, its default, that it is required), and
// commander's refusals of a command line it cannot parse. Only commander's documented hooks are used:
// `configureHelp` for the help and `configureOutput`'s `outputError` for the refusals. Each English
// text is the catalogue's, and the catalogue's English is commander's own, so English help and errors
// read as commander writes them.
import type { Command, Option } from 'commander';
import type { PlainKey } from '../../shared/i18n/index.js';
import { CLI_LOCALE, say } from './cli-language.js';

const TITLES: Readonly<Record<string, PlainKey>> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
};

const PLACEHOLDERS: Readonly<Record<string, PlainKey>> = {
  '[options]': 'cli.help.optionsPlaceholder',
  '[command]': 'cli.help.commandPlaceholder',
};

/** `token create [options]` with its placeholders in the run's language. */
const withPlaceholders = (usage: string): string =>
  usage
    .split(' ')
    .map((word) => (PLACEHOLDERS[word] ? say(PLACEHOLDERS[word]) : word))
    .join(' ');

/**
 * An option's description and, in brackets, what commander adds (its choices, and its default when it
 * takes a value), then "(required)" for a mandatory one. The program's options have no preset and no
 * environment variable, the other two things commander would add.
 */
function optionDescription(option: Option): string {
  const extra = [
    ...(option.argChoices
      ? [say('cli.help.choices', { choices: option.argChoices.map((c) => JSON.stringify(c)).join(', ') })]
      : []),
    ...(option.defaultValue !== undefined &&
    (option.required || option.optional || typeof option.defaultValue === 'boolean')
      ? [
          say('cli.help.default', {
            value: option.defaultValueDescription || JSON.stringify(option.defaultValue),
          }),
        ]
      : []),
  ];
  const text = extra.length ? `${option.description} (${extra.join(', ')})` : option.description;
  return option.mandatory ? `${text} ${say('cli.help.required')}` : text;
}

const argumentCount = (count: string): string =>
  say(count === '1' ? 'cli.error.arguments.one' : 'cli.error.arguments.other', { count });

/** Why a value is refused: commander's own list of choices, or our parser's words (already in the language). */
const why = (reason: string): string => {
  const choices = /^Allowed choices are (.*)\.$/s.exec(reason);
  return choices ? say('cli.error.allowedChoices', { choices: choices[1]! }) : reason;
};

/** Commander's refusals as it writes them (commander/lib/command.js), and the same in the catalogue. */
const REFUSALS: readonly [RegExp, (found: string[]) => string][] = [
  [
    /^error: missing required argument '(.*)'$/s,
    ([name]) => say('cli.error.missingArgument', { name: name! }),
  ],
  [
    /^error: option '(.*)' argument missing$/s,
    ([option]) => say('cli.error.optionArgumentMissing', { option: option! }),
  ],
  [
    /^error: required option '(.*)' not specified$/s,
    ([option]) => say('cli.error.requiredOption', { option: option! }),
  ],
  [/^error: unknown option '(.*)'$/s, ([option]) => say('cli.error.unknownOption', { option: option! })],
  [/^error: unknown command '(.*)'$/s, ([command]) => say('cli.error.unknownCommand', { command: command! })],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/s,
    ([expected, got]) => say('cli.error.tooManyArguments', { expected: argumentCount(expected!), got: got! }),
  ],
  [
    /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s,
    ([command, expected, got]) =>
      say('cli.error.tooManyArgumentsFor', {
        command: command!,
        expected: argumentCount(expected!),
        got: got!,
      }),
  ],
  [
    /^error: option '(.*?)' argument '(.*)' is invalid\. (.*)$/s,
    ([option, value, reason]) =>
      say('cli.error.invalidOption', { option: option!, value: value!, why: why(reason!) }),
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*?)'\. (.*)$/s,
    ([value, name, reason]) =>
      say('cli.error.invalidArgument', { value: value!, name: name!, why: why(reason!) }),
  ],
];

/** commander's suggestion under an unknown option or command, as it writes it (commander/lib/suggestSimilar.js). */
function suggestion(text: string): string {
  const oneOf = /^\(Did you mean one of (.*)\?\)$/s.exec(text);
  if (oneOf) return say('cli.error.didYouMeanOneOf', { suggestions: oneOf[1]! });
  const one = /^\(Did you mean (.*)\?\)$/s.exec(text);
  return one ? say('cli.error.didYouMean', { suggestion: one[1]! }) : text;
}

/** A refusal commander wrote, in the run's language; one it does not know is left as it is. */
export function commanderRefusal(text: string): string {
  const [line = '', ...rest] = text.replace(/\n$/, '').split('\n');
  for (const [pattern, words] of REFUSALS) {
    const found = pattern.exec(line);
    if (found) return [words(found.slice(1)), ...rest.map(suggestion)].join('\n') + '\n';
  }
  return text;
}

/** Makes `program` (and every command added to it after, which inherits this) speak the run's language. */
export function speakCommanderWords(program: Command): Command {
  return program
    .configureHelp({
      styleTitle: (title) => (TITLES[title] ? say(TITLES[title]) : title),
      styleUsage: withPlaceholders,
      styleSubcommandTerm: withPlaceholders,
      optionDescription,
      // "[opsiynau]" is a letter longer than "[options]": at 80 columns it leaves the top level's
      // descriptions 39 columns, one short of where commander stops wrapping them. English as before.
      ...(CLI_LOCALE === 'cy' ? { minWidthToWrap: 30 } : {}),
    })
    .configureOutput({ outputError: (text, write) => write(commanderRefusal(text)) });
}
