// The problems a check finds (DESIGN §12), in English: the pane's Check list, a 422's errors and a
// receipt's warnings say them. Every producer of a problem writes its message from one of these keys and
// records the key and values with it (shared/i18n/say.ts), so a reader in Welsh gets `cy-problems.ts`.
// Sheet names, column headers and list words are values: they stay as the sheets have them (DESIGN §12).
export const EN_PROBLEMS = {
  // A cell.
  'problem.required': '{column} is required but the cell is blank.',
  'problem.mustBe': '{column} must be {expected} — found {found}.',
  'problem.cellError': '{column} shows the Excel error {error}; correct the formula or type the value.',
  'problem.tooLong': '{column} must be at most {max} characters — found {length}.',
  'problem.tooLarge': '{column} is too large to be an amount — found {found}.',
  // What a cell must be, after "<Column> must be ".
  'problem.expected.number': 'a number, like 2.5',
  'problem.expected.wholeNumber': 'a whole number, like 1200',
  'problem.expected.percent': 'a percentage, like 12.5',
  'problem.expected.pounds': 'a number of pounds, like 1200.50',
  'problem.expected.date': 'a date, like 31/03/2027',
  'problem.expected.month': 'a month, like 2026-04, or a date in that month',
  'problem.expected.email': 'an email address, like name@council.gov.uk',
  'problem.expected.emails': 'email addresses separated by ;',
  'problem.expected.yesNo': 'Yes or No',
  'problem.expected.oneOf': 'one of {words}',
  'problem.expected.between': 'between {min} and {max}',
  'problem.expected.atLeast': '{min} or more',
  'problem.expected.atMost': '{max} or less',
  'problem.expected.council': 'a council of the partnership ({councils})',
  'problem.expected.councils': 'councils of the partnership ({councils})',
  'problem.expected.councilId': 'a council ID, like vale-of-white-horse',
  'problem.expected.councilIds': 'council IDs, like vale-of-white-horse',
  'problem.expected.councilIdFormat':
    'a council ID: lower-case letters and digits joined by hyphens, like vale-of-white-horse',
  'problem.expected.projectId':
    'up to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  'problem.expected.name': 'a name on one line, without line breaks, tabs or other control characters',
  'problem.expected.financialYear': 'a financial year, like 2026-27',
  // What a cell held, after "— found ".
  'problem.found.date': 'the date {date}',

  // Sheets, headers and label | value rows.
  'problem.emptySheet': 'The {sheet} sheet is empty; its first row must hold the column headers ({headers}).',
  'problem.duplicateColumn':
    'The column "{column}" appears more than once; keep one column with that header.',
  'problem.missingColumn': 'The column "{column}" is missing; add a column with that header.',
  'problem.missingOptionalColumn': 'Optional column {columns} is not in the sheet and is read as blank.',
  'problem.missingOptionalColumns': 'Optional columns {columns} are not in the sheet and are read as blank.',
  'problem.extraColumn': 'Extra column {columns} is kept in your workbook and ignored.',
  'problem.extraColumns': 'Extra columns {columns} are kept in your workbook and ignored.',
  'problem.missingSheet.council':
    'The workbook has no sheet named "{sheet}"; the council template has {sheets}.',
  'problem.missingSheet.required':
    'The workbook has no sheet named "{sheet}"; add it with the columns {columns}.',
  'problem.missingSheet.optional': 'The workbook has no sheet named "{sheet}"; it is read as empty.',
  'problem.missingSheet.settings':
    'The workbook has no sheet named "{sheet}"; it holds the partnership name and cost-share method.',
  'problem.missingLabel':
    'The {sheet} sheet has no "{label}" row; add that label with its value in the next cell.',
  'problem.aboutMissing':
    'The workbook has no {sheet} sheet, so it does not say which council and period it is for; start from the council template.',
  'problem.aboutCouncilMismatch':
    'The {sheet} sheet says this workbook is for {council}, but it is being submitted for {given}.',
  'problem.aboutPeriodMismatch':
    'The {sheet} sheet says this workbook is for {month}, but it is being submitted for {given}.',
  'problem.layoutVersion':
    '{label} {version} is not one this service reads (it reads {supported}); download a fresh council template.',
  'problem.invalidPartnership': '{detail}',

  // Rows of a council's return.
  'problem.duplicate': 'Same {what} as row {row} ({values}); each must appear only once on this sheet.',
  'problem.duplicateWarning': 'Same {what} as row {row} ({values}); check it is not entered twice.',
  'problem.monthOutsideYear':
    '{column} must be in the financial year {year} of this return ({first} to {last}) — found {month}.',
  'problem.monthAfterPeriod':
    '{column} must not be after the period of this return ({period}) — found {month}.',
  'problem.unknownBudgetLine':
    "{column} must be one of the partnership's budget lines for {year} ({lines}) — found {found}.",
  'problem.noBudgetLines':
    "{column} must be one of the partnership's budget lines for {year}, but it has none for that year — found {found}.",
  'problem.daysNotHalfSteps': '{column} must be more than 0, in steps of 0.5, like 1.5 — found {found}.',
  'problem.requiredForCash': '{column} is required for a Cash row.',
  'problem.requiredForInKind': '{column} is required for an In-kind row.',
  'problem.dayRateNotPositive': '{column} must be more than £0.00 for an In-kind row.',
  'problem.inKindAmountMismatch':
    '{column} must be blank or equal Days × Day rate ({days} × {dayRate} = {expected}) — found {found}.',
  'problem.personNotOnSkills':
    "{email} is not on this council's {sheet} sheet; add them there so their time is counted.",
  'problem.inKindDaysExceed':
    'In-kind Days for {email} in {month} add up to {total}, more than their {capacity} Days per month on the {sheet} sheet.',
  'problem.dayRateMissing.sme':
    '{column} is blank for someone from an SME; add it so the cost of their time is known.',
  'problem.dayRateMissing.freelancer':
    '{column} is blank for a Freelancer; add it so the cost of their time is known.',
  'problem.datesOutOfOrder': '{column} ({end}) must not be before {startColumn} ({start}).',
  'problem.periodMismatch': 'The body is for period {given} but was sent to period {period}.',
  'problem.emptyReturn':
    'Contributions, Skills and Projects are all empty: submitted, this return would remove every row of the latest version. To submit it all the same, send it again with confirm=empty (`?confirm=empty`, or `shared-cdo submit --confirm empty`).',

  // The partnership.
  'problem.noCouncils': 'The {sheet} sheet lists no councils; add at least one.',
  'problem.sharesMissing':
    "{sheet} has no rows for {year}; the Fixed cost-share method needs each financial year's shares to total 100%.",
  'problem.sharesNot100':
    '{sheet} for {year} total {total}%; the Fixed cost-share method needs them to total 100%.',
  'problem.shares.duplicate':
    'Council {council} has more than one share for {year}; keep one row per council.',
  'problem.shares.none': 'The cost-share method is Fixed but no shares are set for {year}.',
  'problem.shares.total': 'The shares for {year} add up to {total}% but must add up to 100%.',
  'problem.shares.unshared': 'No share is set for {year} for {councils}; every paying member needs one.',
  'problem.shares.allZero':
    'Every paying member has a share of 0% for {year}, so nobody would pay the net cost.',

  // A JSON body that fails its schema: "<field>: <detail>", the detail the schema's own where it has one.
  'problem.json.field': '{field}: {detail}',
  'problem.json.row': '{detail}',
  'problem.json.invalidType': 'Invalid input: expected {expected}, received {received}',
  'problem.json.invalidOption': 'Invalid option: expected one of {values}',
  'problem.json.tooShort': 'Too small: expected string to have >={minimum} characters',
  'problem.json.tooLong': 'Too big: expected string to have <={maximum} characters',
  'problem.json.tooFew': 'Too small: expected array to have >={minimum} items',
  'problem.json.tooLow': 'Too small: expected number to be >={minimum}',
  'problem.json.tooHigh': 'Too big: expected number to be <={maximum}',
  'problem.json.invalidEmail': 'Invalid email address',
  'problem.json.body': 'the request body',
  'problem.json.unknownField': 'not a field the service knows; remove it (field names are case-sensitive)',
  'problem.json.sheetRequired': 'required (send [] for an empty sheet)',
  'problem.json.councilId': 'a council ID is lower-case letters and digits joined by hyphens',
  'problem.json.period': 'a period is a month written YYYY-MM',
  'problem.json.periodRequired': 'required: a period is a month written YYYY-MM',
  'problem.json.financialYear': 'a financial year is written like 2026-27',
  'problem.json.financialYearYears': 'a financial year names two consecutive years, like 2026-27',
  'problem.json.isoDate': 'a date is written YYYY-MM-DD',
  'problem.json.projectId': 'a Project ID is up to 32 letters, digits, dots, dashes or underscores',
  'problem.json.name': 'a name is one line, without line breaks, tabs or other control characters',
  'problem.json.councilRole': 'a council user, and only a council user, names their council',
  'problem.json.councilToken': 'a council token, and only a council token, names its council',
  'problem.json.notACouncil': '"{council}" is not a council of the partnership',
  'problem.json.declineComment': 'say why the council declines: a comment is required to decline',
  'problem.json.rectifyPerson': 'give a new name, a new email, or both',

  'problem.unlisted':
    '{total} problems were found; the first {listed} are listed and {more} more are not. Correct these and send it again to see the rest.',
} as const;

/** A key of a problem's sentence, or of a phrase inside one. */
export type ProblemKey = keyof typeof EN_PROBLEMS;

/** The problem keys, for the API's schema of a problem's `say`. */
export const PROBLEM_KEYS = Object.keys(EN_PROBLEMS) as [ProblemKey, ...ProblemKey[]];
