// The consolidation's warnings (DESIGN §4, §10), in English: the consolidated view's Data quality lists
// them and the workbook's Data quality sheet states them. Each producer writes its message from one of
// these keys and records the key and values with it (shared/consolidate/warning.ts), so a reader in Welsh
// gets `cy-warnings.ts`. Council IDs, names, amounts and dates are values, the same in every language;
// a month and a cost-share method are said in the reader's.
export const EN_WARNINGS = {
  'warning.unknownCouncil':
    'Returns from "{council}" were left out because no council has that ID in the partnership.',
  'warning.leadMissing':
    "Project {project} names {lead} as lead council, but {lead}'s return does not list it as its own; the details reported by {main} are used.",
  'warning.notAPartner':
    '{council} reports project {project} but is neither its lead council nor one of its partners.',
  'warning.shareNotPaying':
    '{council} has a share for {year} but is not a paying member that year, so the paying members share the whole cost in proportion to their own shares.',
  'warning.noPayingCouncils':
    'No council is a paying member in {year}, so nobody is due to pay the net cost.',
  'warning.populationMissing':
    'No paying council has a population, so costs are shared equally instead of by the {method} method.',
  'warning.usageFallback':
    'No CDO time is recorded for paying councils in {year} up to {month}, so costs are shared equally instead of by usage.',
  'warning.settingsChanged.council':
    "{council}'s due for the year is {due} under the settings in force; {agreed} was agreed on {date}. Propose the cost shares again for every council to agree.",
  'warning.settingsChanged.partnership':
    "The settings of {year} have changed since the cost shares were agreed on {date}, though no council's due has. Propose the cost shares again for every council to agree.",
} as const;

/** A key of a consolidation warning's sentence. */
export type WarningKey = keyof typeof EN_WARNINGS;

/** The warning keys, for the API's schema of a warning's `say`. */
export const WARNING_KEYS = Object.keys(EN_WARNINGS) as [WarningKey, ...WarningKey[]];
