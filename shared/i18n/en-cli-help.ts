// The English words of the command line's --help (server/program.ts and each command's register()):
// what each command, option and argument is for, and commander's own words and errors
// (server/commands/commander-words.ts), in the environment's language (server/commands/cli-language.ts).
// `en.ts` takes these in. Descriptions are sentences without a final full stop (server/program.ts).
export const EN_CLI_HELP = {
  // Commander's words: the help's headings, the usage's placeholders and what an option's help adds.
  'cli.help.usage': 'Usage:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.options': 'Options:',
  'cli.help.commands': 'Commands:',
  'cli.help.optionsPlaceholder': '[options]',
  'cli.help.commandPlaceholder': '[command]',
  'cli.help.required': '(required)',
  'cli.help.choices': 'choices: {choices}',
  'cli.help.default': 'default: {value}',
  'cli.help.example': 'Example:',
  // Commander's refusals of a command line it cannot parse (exit code 1, the help after them).
  'cli.error.missingArgument': "error: missing required argument '{name}'",
  'cli.error.optionArgumentMissing': "error: option '{option}' argument missing",
  'cli.error.requiredOption': "error: required option '{option}' not specified",
  'cli.error.unknownOption': "error: unknown option '{option}'",
  'cli.error.unknownCommand': "error: unknown command '{command}'",
  'cli.error.tooManyArguments': 'error: too many arguments. Expected {expected} but got {got}.',
  'cli.error.tooManyArgumentsFor':
    "error: too many arguments for '{command}'. Expected {expected} but got {got}.",
  'cli.error.arguments.one': '{count} argument',
  'cli.error.arguments.other': '{count} arguments',
  'cli.error.invalidOption': "error: option '{option}' argument '{value}' is invalid. {why}",
  'cli.error.invalidArgument':
    "error: command-argument value '{value}' is invalid for argument '{name}'. {why}",
  'cli.error.allowedChoices': 'Allowed choices are {choices}.',
  'cli.error.didYouMean': '(Did you mean {suggestion}?)',
  'cli.error.didYouMeanOneOf': '(Did you mean one of {suggestions}?)',
  // What an option's or argument's value must be when it is not.
  'cli.value.financialYear': 'a financial year such as 2026-27',
  'cli.value.agreementNumber': 'an agreement number, as `agreement show` prints it',
  'cli.value.recordNumber': 'a number from the list command',
  'cli.value.days': 'a whole number of days from 1 to {max}',
  'cli.value.auditSince': 'a date (YYYY-MM-DD) or an instant (2026-11-01T09:30:00Z)',
  'cli.value.email': 'an e-mail address',
  // The program, and options and arguments several commands share.
  'cli.help.program':
    'Shared CDO: contributions, skills and projects of councils that share a Chief Digital Officer',
  'cli.help.version': 'Show the version number',
  'cli.help.helpOption': 'Show help for the command',
  'cli.help.helpCommand': 'Show help for a command',
  'cli.help.fy': 'The financial year, e.g. {example}',
  'cli.help.email': "The person's e-mail address",
  // Each command.
  'cli.help.consolidate': 'Consolidate council workbooks offline, without a server or database',
  'cli.help.consolidate.partnership': 'The partnership workbook (.xlsx) or its JSON',
  'cli.help.consolidate.period': 'The month to consolidate',
  'cli.help.consolidate.out': 'Write the consolidated workbook (.xlsx) to this file',
  'cli.help.consolidate.json': 'Write the consolidated view as JSON to this file; - for standard output',
  'cli.help.consolidate.workbooks': 'Council workbooks (.xlsx); each About sheet names its council and month',
  'cli.help.template': "Write a council's return workbook for a month",
  'cli.help.template.council': 'The council ID, e.g. cherwell',
  'cli.help.template.period': 'The month the return is for',
  'cli.help.template.out': 'The workbook to write (.xlsx)',
  'cli.help.template.partnership': 'The partnership (.xlsx or .json), for the budget-line and council lists',
  'cli.help.demo':
    'Write the demo partnership workbook and its councils’ returns: the latest month under returns/, the month before under returns/YYYY-MM/',
  'cli.help.demo.out': 'The folder to write them to (created if needed)',
  'cli.help.demo.period': 'The latest month of the returns (default: last month, as the service’s demo)',
  'cli.help.serve': 'Run the sync service until stopped, configured by the environment variables below',
  'cli.help.serve.variables': 'Environment variables:',
  'cli.help.serve.unset': 'unset',
  'cli.help.token': 'Manage access tokens',
  'cli.help.token.create': 'Create an access token (printed once; only its hash is kept)',
  'cli.help.token.role': 'What the token may do',
  'cli.help.token.council': 'The council a council token is bound to (needed for the council role)',
  'cli.help.token.label': 'Who or what holds the token (shown as "by whom")',
  'cli.help.token.expiresIn': 'Days until the token stops working (at most {max})',
  'cli.help.token.list':
    'List access tokens: number, label, role, council, created, expires, last used (never the token)',
  'cli.help.token.revoke': 'Revoke an access token for good (its number is in `token list`)',
  'cli.help.token.number': 'The token number',
  'cli.help.user': 'Manage Microsoft 365 users and their roles',
  'cli.help.user.add': 'Register a Microsoft 365 user with a role',
  'cli.help.user.tenantId': "The user's Microsoft 365 tenant ID (a GUID)",
  'cli.help.user.email': 'Their sign-in name (preferred_username), matched without case',
  'cli.help.user.role': 'What they may do',
  'cli.help.user.council': 'The council of a council user (needed for the council role)',
  'cli.help.user.list': 'List registered users',
  'cli.help.user.remove': 'Remove a registered user (their number is in `user list`)',
  'cli.help.user.number': 'The user number',
  'cli.help.tenant': 'Manage Microsoft 365 organisations of the councils',
  'cli.help.tenant.add':
    "Register a council's Microsoft 365 organisation: its people sign in as that council",
  'cli.help.tenant.tenantId': "The organisation's Microsoft 365 tenant ID (a GUID)",
  'cli.help.tenant.council': 'The council it belongs to',
  'cli.help.tenant.list': 'List registered organisations',
  'cli.help.tenant.remove': 'Remove a registered organisation (its number is in `tenant list`)',
  'cli.help.tenant.number': 'The tenant number',
  'cli.help.submit': "Submit a council's workbook for a month without the add-in",
  'cli.help.submit.council': 'The council ID, as on the About sheet',
  'cli.help.submit.period': 'The month, as on the About sheet',
  'cli.help.submit.confirm': 'With "empty": submit a workbook whose three sheets are all empty',
  'cli.help.submit.file': 'The council workbook (.xlsx)',
  'cli.help.rollup': 'Build the roll-up of a month now and send it (once per recipient) through the outbox',
  'cli.help.rollup.period': 'The month the roll-up reports on',
  'cli.help.rollup.dryRun': 'Write the e-mails as .eml files and send nothing',
  'cli.help.rollup.out': 'Where --dry-run writes the .eml files (default: the outbox folder)',
  'cli.help.rollup.force': 'For testing only: build it even for a month that has not ended',
  'cli.help.db': 'Work on the database as a whole',
  'cli.help.db.copy':
    'Copy everything (partnership versions, submissions, tokens, audit trail, e-mail outbox) into an empty database',
  'cli.help.db.from': 'The database to copy: sqlite:PATH or postgres://USER:PASS@HOST:PORT/DB',
  'cli.help.db.to': 'The empty database to copy into (its tables are created if needed)',
  'cli.help.audit': 'Print the audit trail: every change and every refused write, oldest first',
  'cli.help.audit.since': 'Only entries from this day (UTC) or instant on',
  'cli.help.audit.csv': 'Print CSV (as GET /api/v1/audit with Accept: text/csv)',
  'cli.help.people': 'Personal data: export what is held about a person, erase them, apply retention',
  'cli.help.people.export':
    'Print everything held about a person: rows of every version, audit entries, users and tokens',
  'cli.help.people.csv': 'Print CSV: one line per row, audit entry, user and token',
  'cli.help.people.erase':
    'Erase a person: their name and e-mail become a pseudonym in every version; figures stay',
  'cli.help.people.retention':
    'Pseudonymise people in versions past PERSONAL_DATA_RETENTION_MONTHS and drop old client addresses (the 07:00 run does this daily)',
  'cli.help.people.dryRun': 'List what would change, and change nothing',
  'cli.help.agreement': "Propose and follow a year's cost shares",
  'cli.help.agreement.propose':
    'Propose the cost shares of a financial year for every Member council to agree',
  'cli.help.agreement.note': 'A note for the councils',
  'cli.help.agreement.show': "Show a financial year's latest agreement: each Member's due and decision",
  'cli.help.agreement.remind':
    'E-mail a reminder to the councils still awaiting a proposal (once a day per contact)',
  'cli.help.agreement.id': 'The agreement number, as `agreement show` prints it',
  'cli.help.year': 'Close a financial year and see its statements',
  'cli.help.year.close':
    "Close a financial year after its March: lock its months and record each council's statement",
  'cli.help.year.show': "Show whether a financial year is closed, and each council's statement",
  'cli.help.year.reopen': 'Reopen a closed financial year (its months are unlocked); the reason is audited',
  'cli.help.year.reason': 'Why the year is reopened',
  // `serve --help`: the environment variables the service reads (server/config.ts).
  'cli.env.port': 'Where the service listens',
  'cli.env.databaseUrl':
    'The database: sqlite:PATH (a file) or postgres://USER:PASS@HOST:PORT/DB; migrated at every start',
  'cli.env.publicUrl':
    'The https origin users reach (http only for localhost); the add-in manifest is rewritten to it',
  'cli.env.downloadLinkSecret':
    'The key that signs download links (at least 32 characters); unset, a new one at each start. Give every instance the same one',
  'cli.env.smtpUrl':
    'The mail server; unset, e-mails are .eml files in the outbox folder beside the database',
  'cli.env.mailFrom': 'The sender of every e-mail',
  'cli.env.tz': "The partnership's clock: deadlines, lateness and the 07:00 roll-up",
  'cli.env.tlsCertFile': 'Serve HTTPS with this certificate (PEM); needs TLS_KEY_FILE',
  'cli.env.tlsKeyFile': 'The private key (PEM) of TLS_CERT_FILE',
  'cli.env.demo': 'off: do not load the demo partnership into an empty database',
  'cli.env.logLevel': 'The least important log lines written; logs never hold tokens or request bodies',
  'cli.env.logFormat': 'json: one JSON object per line; auto: readable on a terminal, JSON otherwise',
  'cli.env.rateLimitPerMinute':
    'API requests per minute per access token (per client address before signing in); failed sign-ins are limited separately',
  'cli.env.maxVersionsPerPeriod':
    'Versions one council may keep for one period; one more is refused (429 too-many-versions)',
  'cli.env.decodeMemoryMb':
    'Memory one upload may use while it is decoded (a worker thread); more is refused with 413',
  'cli.env.decodeTimeLimitSeconds':
    'Time one upload may take to decode and check; longer is refused with 422',
  'cli.env.entraClientId':
    "Microsoft 365 sign-in: the add-in's Entra app registration (needs PUBLIC_URL); unset, access tokens only",
  'cli.env.entraAuthority': "Microsoft's sign-in authority: tenant T's issuer is <authority>/T/v2.0",
  'cli.env.personalDataRetentionMonths':
    "Months after a financial year ends that its returns keep people's names and e-mails; the 07:00 run then pseudonymises them",
  'cli.env.trustProxy':
    "Express's trust-proxy setting, behind a reverse proxy: the client address then comes from X-Forwarded-For (e.g. 1, loopback or 10.0.0.0/8)",
} as const;
