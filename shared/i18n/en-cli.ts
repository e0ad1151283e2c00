// The English words of the command line's messages to people (server/commands/year.ts, rollup.ts), in
// the environment's language (server/commands/cli-language.ts); kept apart like the pane's, so each
// catalogue file stays one subject; `en.ts` takes these in.
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
} as const;
