// The English words of the command line's messages to people (server/commands/*.ts), in the
// environment's language (server/commands/cli-language.ts); kept apart like the pane's, so each
// catalogue file stays one subject (the help is in `en-cli-help.ts`); `en.ts` takes these in. What a
// script reads (a token, JSON, CSV, the outbox's statuses, table names) is never in a catalogue.
export const EN_CLI = {
  'cli.agreement.heading': 'Agreement {id} ({status}), proposed {date} by {by}',
  'cli.agreement.status.proposed': 'proposed',
  'cli.agreement.status.agreed': 'agreed',
  'cli.agreement.status.superseded': 'superseded',
  'cli.decision.agreed': 'Agreed {date}',
  'cli.decision.declined': 'Declined {date}',
  'cli.decision.awaiting': 'Awaiting',
  'cli.agreement.none': 'No cost shares proposed for {year} yet.',
  'cli.agreement.noContact': 'No contact e-mail is set for {councils}.',
  'cli.year.open': '{year} is open.',
  'cli.year.closed': '{year} closed on {date} by {by}',
  'cli.year.settled': 'settled',
  'cli.year.reopened': '{year} is open again; its months are unlocked.',
  'cli.rollup.notEnded':
    '--period: {month} has not ended yet, so it has no roll-up; the latest is {latest} (--force builds it anyway, for testing).',
  'cli.rollup.noPartnership':
    'The partnership settings have not been set up yet, so there is nobody to send to.',
  'cli.rollup.dryRun': 'Dry run: {count} e-mails for {month} written; nothing sent.',
  'cli.rollup.queued': '{month}: {added} e-mails queued now, {already} already in the outbox.',
  'cli.rollup.waiting': '{count} not sent yet: the running service (or the next rollup run) retries them.',
  'cli.rollup.nothingLeft': 'Nothing left to send.',
  'cli.rollup.serviceSending': 'The running service is sending them.',
  // Words every command uses alike (server/commands/help.ts, store-access.ts).
  'cli.usingDatabase': 'Using database {database}',
  // A variable or a database an operator must fix (a variable's English keeps config.ts's detail).
  'cli.config.invalid':
    'Invalid configuration: {variable}: its value cannot be used (see `shared-cdo serve --help`)',
  'cli.database.cannotOpen': 'Cannot open the database {database}: {reason}.',
  'cli.database.noFolder':
    "Cannot open the database {database}: the folder {folder} does not exist; create it for the service's user (mode 0700) or correct DATABASE_URL.",
  'cli.notAMonth': '{option}: "{value}" is not a month written YYYY-MM',
  'cli.notACouncilId':
    '--council: "{value}" is not a council ID (lower-case letters and digits joined by hyphens, e.g. cherwell)',
  'cli.unknownCouncil': '--council "{council}" is not a council of the partnership',
  'cli.table.number': 'Number',
  'cli.table.council': 'Council',
  'cli.table.role': 'Role',
  'cli.table.tenant': 'Tenant',
  'cli.table.added': 'Added',
  // A workbook or partnership file the offline commands read (server/commands/files.ts, consolidate.ts).
  'cli.file.missing': '{file}: no such file.',
  'cli.file.folder': '{file}: is a folder, not a file.',
  'cli.file.unreadable': '{file}: cannot be read ({why}).',
  'cli.file.warning': '{problem} (warning)',
  'cli.consolidate.ignoredAfter': "{file}: ignored: it is {council}'s return for {month}, after {period}.",
  'cli.consolidate.ignoredOutside': "{file}: ignored: it is {council}'s return for {month}, outside {year}.",
  'cli.consolidate.sameMonth':
    "{file}: About: {other} is also {council}'s return for {month}; give one workbook per council and month.",
  'cli.consolidate.superseded':
    "{file}: ignored: {council}'s return for {month} is superseded by {newer} ({newerMonth}).",
  'cli.template.notInPartnership': '--council: {council} is not a council of {partnership}.',
  'cli.demo.wrote':
    'Wrote {partnership} and the returns of {count} councils for {month} ({folder}) and {before} ({beforeFolder}). Try:',
  // `submit`.
  'cli.submit.confirm': '--confirm "{value}" is not known: only --confirm empty is',
  'cli.submit.cannotRead': 'Cannot read {file}',
  'cli.submit.done': "Submitted {council}'s return for {month} as version {version} ({changes}).",
  'cli.submit.warning': 'warning: {problem}',
  'cli.submit.row': '{sheet} row {row}',
  // `serve`'s start-up failures an operator can fix.
  'cli.serve.portInUse': 'Cannot start: the port is already in use; stop the other service or set PORT.',
  'cli.serve.noPermission': 'Cannot start: no permission to listen on that port; set PORT to 1024 or above.',
  'cli.serve.noFile': 'Cannot start: {path} does not exist (check TLS_CERT_FILE and TLS_KEY_FILE).',
  // `token`.
  'cli.token.holder': 'the {role} token',
  'cli.token.holderFor': 'the {role} token for {council}',
  'cli.token.councilNeeded': 'A council token needs --council ID',
  'cli.token.councilOnly': 'Only a council token is bound to a council',
  'cli.token.created':
    'Created {holder} number {id} labelled "{label}", valid until {date}. Copy it now: it is not shown again.',
  'cli.token.revoked': 'Revoked {holder} number {id} labelled "{label}" ({date}).',
  'cli.token.none': 'There is no access token number {id} (see `token list`).',
  'cli.token.state.revoked': 'revoked {date}',
  'cli.token.state.expired': 'expired {date}',
  'cli.token.state.expires': 'expires {date}',
  'cli.token.never': 'never',
  'cli.table.label': 'Label',
  'cli.table.created': 'Created',
  'cli.table.expires': 'Expires',
  'cli.table.lastUsed': 'Last used',
  // `user` and `tenant`: what a field must be (shown in Welsh; English keeps the schema's words), then
  // the outcomes.
  'cli.invalid.tenantId': 'must be a Microsoft 365 tenant ID (a GUID)',
  'cli.invalid.email': 'must be an e-mail address',
  'cli.invalid.council': 'a council ID is lower-case letters and digits joined by hyphens',
  'cli.user.councilRule': '--council: a council user, and only a council user, names their council',
  'cli.user.exists': '{email} of that tenant is user {id} already.',
  'cli.user.registered': 'Registered user {id}: {email} of tenant {tenant} as {role}.',
  'cli.user.registeredFor': 'Registered user {id}: {email} of tenant {tenant} as {role} for {council}.',
  'cli.user.none': 'There is no user number {id} (see `user list`).',
  'cli.user.removed': 'Removed user {id}: {email} of tenant {tenant}.',
  'cli.table.signInName': 'Sign-in name',
  'cli.tenant.exists': 'Tenant {tenant} is registered to {council} already (tenant {id}).',
  'cli.tenant.registered': 'Registered tenant {id}: {tenant} for {council}.',
  'cli.tenant.none': 'There is no tenant number {id} (see `tenant list`).',
  'cli.tenant.removed': 'Removed tenant {id}: {tenant} of {council}.',
  // `db copy`.
  'cli.db.same': '--from and --to name the same database.',
  'cli.db.cannotOpen': '{option}: cannot open {database}: {why}',
  'cli.db.notEmpty':
    'The target database is not empty ({table} has {rows} rows); db copy only copies into an empty database.',
  'cli.db.copied': 'Copied {rows} rows in {tables} tables.',
  // `audit` and `people`.
  'cli.audit.line': '{entry} — by {who}',
  'cli.people.nothing': 'Nothing the service holds names {email}.',
  'cli.people.erased':
    'Erased: now {person} in {versions} versions, {audit} audit entries, {tokens} token labels and {emails} stored e-mails; {users} users removed.',
  'cli.people.pseudonymised': 'Pseudonymised people in {count} versions of periods up to {upTo}',
  'cli.people.wouldPseudonymise': 'Would pseudonymise people in {count} versions of periods up to {upTo}',
  'cli.people.version': '{council} {period} version {version}',
  'cli.people.dropped': 'Dropped the client address of {count} audit entries older than 12 months.',
  'cli.people.wouldDrop': 'Would drop the client address of {count} audit entries older than 12 months.',
} as const;
