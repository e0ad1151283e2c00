// The problems a check finds, in Welsh: the same keys and placeholders as `en-problems.ts`; `cy.ts` takes
// these in. Each `expected` follows "fod" and carries its own "yn" and mutation. Sheet names, column
// headers and list words (Cash, In-kind, Fixed) stay as the sheets have them (DESIGN §12).
import type { EN_PROBLEMS } from './en-problems.js';
import { draft, type WelshMessage } from './welsh-message.js';

export const CY_PROBLEMS: { readonly [K in keyof typeof EN_PROBLEMS]: WelshMessage } = {
  'problem.required': draft('Mae angen {column} ond mae’r gell yn wag.'),
  'problem.mustBe': draft('Rhaid i {column} fod {expected} — cafwyd {found}.'),
  'problem.cellError': draft(
    'Mae {column} yn dangos y gwall Excel {error}; cywirwch y fformiwla neu teipiwch y gwerth.',
  ),
  'problem.tooLong': draft('Rhaid i {column} fod yn {max} nod ar y mwyaf — cafwyd {length}.'),
  'problem.tooLarge': draft('Mae {column} yn rhy fawr i fod yn swm — cafwyd {found}.'),
  'problem.expected.number': draft('yn rhif, fel 2.5'),
  'problem.expected.wholeNumber': draft('yn rhif cyfan, fel 1200'),
  'problem.expected.percent': draft('yn ganran, fel 12.5'),
  'problem.expected.pounds': draft('yn swm mewn punnoedd, fel 1200.50'),
  'problem.expected.date': draft('yn ddyddiad, fel 31/03/2027'),
  'problem.expected.month': draft('yn fis, fel 2026-04, neu’n ddyddiad yn y mis hwnnw'),
  'problem.expected.email': draft('yn gyfeiriad e-bost, fel name@council.gov.uk'),
  'problem.expected.emails': draft('yn gyfeiriadau e-bost wedi’u gwahanu gan ;'),
  'problem.expected.yesNo': draft('yn Yes neu No'),
  'problem.expected.oneOf': draft('yn un o {words}'),
  'problem.expected.between': draft('rhwng {min} a {max}'),
  'problem.expected.atLeast': draft('yn {min} neu fwy'),
  'problem.expected.atMost': draft('yn {max} neu lai'),
  'problem.expected.council': draft('yn un o gynghorau’r bartneriaeth ({councils})'),
  'problem.expected.councils': draft('yn gynghorau’r bartneriaeth ({councils})'),
  'problem.expected.councilId': draft('yn ID cyngor, fel vale-of-white-horse'),
  'problem.expected.councilIds': draft('yn IDs cyngor, fel vale-of-white-horse'),
  'problem.expected.councilIdFormat': draft(
    'yn ID cyngor: llythrennau bach a digidau wedi’u cysylltu â chysylltnodau, fel vale-of-white-horse',
  ),
  'problem.expected.projectId': draft(
    'yn 32 o lythrennau, digidau, dotiau, cysylltnodau neu danlinellau ar y mwyaf, gan ddechrau â llythyren neu ddigid',
  ),
  'problem.expected.name': draft('yn enw ar un llinell, heb doriadau llinell, tabiau na nodau rheoli eraill'),
  'problem.expected.financialYear': draft('yn flwyddyn ariannol, fel 2026-27'),
  'problem.found.date': draft('y dyddiad {date}'),

  'problem.emptySheet': draft(
    'Mae’r ddalen {sheet} yn wag; rhaid i’w rhes gyntaf ddal penawdau’r colofnau ({headers}).',
  ),
  'problem.duplicateColumn': draft(
    'Mae’r golofn "{column}" yn ymddangos fwy nag unwaith; cadwch un golofn â’r pennawd hwnnw.',
  ),
  'problem.missingColumn': draft('Mae’r golofn "{column}" ar goll; ychwanegwch golofn â’r pennawd hwnnw.'),
  'problem.missingOptionalColumn': draft(
    'Nid yw’r golofn ddewisol {columns} yn y ddalen, ac fe’i darllenir yn wag.',
  ),
  'problem.missingOptionalColumns': draft(
    'Nid yw’r colofnau dewisol {columns} yn y ddalen, ac fe’u darllenir yn wag.',
  ),
  'problem.extraColumn': draft('Cedwir y golofn ychwanegol {columns} yn eich llyfr gwaith a’i hanwybyddu.'),
  'problem.extraColumns': draft(
    'Cedwir y colofnau ychwanegol {columns} yn eich llyfr gwaith a’u hanwybyddu.',
  ),
  'problem.missingSheet.council': draft(
    'Nid oes dalen o’r enw "{sheet}" yn y llyfr gwaith; mae gan dempled y cyngor {sheets}.',
  ),
  'problem.missingSheet.required': draft(
    'Nid oes dalen o’r enw "{sheet}" yn y llyfr gwaith; ychwanegwch hi gyda’r colofnau {columns}.',
  ),
  'problem.missingSheet.optional': draft(
    'Nid oes dalen o’r enw "{sheet}" yn y llyfr gwaith; fe’i darllenir yn wag.',
  ),
  'problem.missingSheet.settings': draft(
    'Nid oes dalen o’r enw "{sheet}" yn y llyfr gwaith; mae’n dal enw’r bartneriaeth a’r dull cyfrannau costau.',
  ),
  'problem.missingLabel': draft(
    'Nid oes rhes "{label}" ar y ddalen {sheet}; ychwanegwch y label hwnnw gyda’i werth yn y gell nesaf.',
  ),
  'problem.aboutMissing': draft(
    'Nid oes dalen {sheet} yn y llyfr gwaith, felly nid yw’n dweud ar gyfer pa gyngor a chyfnod y mae; dechreuwch o dempled y cyngor.',
  ),
  'problem.aboutCouncilMismatch': draft(
    'Mae’r ddalen {sheet} yn dweud bod y llyfr gwaith hwn ar gyfer {council}, ond mae’n cael ei gyflwyno ar gyfer {given}.',
  ),
  'problem.aboutPeriodMismatch': draft(
    'Mae’r ddalen {sheet} yn dweud bod y llyfr gwaith hwn ar gyfer {month}, ond mae’n cael ei gyflwyno ar gyfer {given}.',
  ),
  'problem.layoutVersion': draft(
    'Nid yw {label} {version} yn un y mae’r gwasanaeth hwn yn ei darllen (mae’n darllen {supported}); lawrlwythwch dempled cyngor newydd.',
  ),
  'problem.invalidPartnership': draft('Methodd y bartneriaeth ei gwiriad olaf: {detail}'),

  'problem.duplicate': draft(
    'Yr un {what} â rhes {row} ({values}); rhaid i bob un ymddangos unwaith yn unig ar y ddalen hon.',
  ),
  'problem.duplicateWarning': draft(
    'Yr un {what} â rhes {row} ({values}); gwiriwch nad yw wedi’i nodi ddwywaith.',
  ),
  'problem.monthOutsideYear': draft(
    'Rhaid i {column} fod ym mlwyddyn ariannol {year} y ffurflen hon ({first} i {last}) — cafwyd {month}.',
  ),
  'problem.monthAfterPeriod': draft(
    'Ni chaiff {column} fod ar ôl cyfnod y ffurflen hon ({period}) — cafwyd {month}.',
  ),
  'problem.unknownBudgetLine': draft(
    'Rhaid i {column} fod yn un o linellau cyllideb y bartneriaeth ar gyfer {year} ({lines}) — cafwyd {found}.',
  ),
  'problem.noBudgetLines': draft(
    'Rhaid i {column} fod yn un o linellau cyllideb y bartneriaeth ar gyfer {year}, ond nid oes ganddi yr un ar gyfer y flwyddyn honno — cafwyd {found}.',
  ),
  'problem.daysNotHalfSteps': draft('Rhaid i {column} fod yn fwy na 0, fesul 0.5, fel 1.5 — cafwyd {found}.'),
  'problem.requiredForCash': draft('Mae angen {column} ar gyfer rhes Cash.'),
  'problem.requiredForInKind': draft('Mae angen {column} ar gyfer rhes In-kind.'),
  'problem.dayRateNotPositive': draft('Rhaid i {column} fod yn fwy na £0.00 ar gyfer rhes In-kind.'),
  'problem.inKindAmountMismatch': draft(
    'Rhaid i {column} fod yn wag neu’n hafal i Days × Day rate ({days} × {dayRate} = {expected}) — cafwyd {found}.',
  ),
  'problem.personNotOnSkills': draft(
    'Nid yw {email} ar ddalen {sheet} y cyngor hwn; ychwanegwch nhw yno fel bod eu hamser yn cael ei gyfrif.',
  ),
  'problem.inKindDaysExceed': draft(
    'Mae Days In-kind {email} ym mis {month} yn dod i gyfanswm o {total}, mwy na’u {capacity} Days per month ar y ddalen {sheet}.',
  ),
  'problem.dayRateMissing.sme': draft(
    'Mae {column} yn wag ar gyfer rhywun o fusnes bach neu ganolig (SME); ychwanegwch ef fel bod cost eu hamser yn hysbys.',
  ),
  'problem.dayRateMissing.freelancer': draft(
    'Mae {column} yn wag ar gyfer gweithiwr llawrydd (Freelancer); ychwanegwch ef fel bod cost eu hamser yn hysbys.',
  ),
  'problem.datesOutOfOrder': draft('Ni chaiff {column} ({end}) fod cyn {startColumn} ({start}).'),
  'problem.periodMismatch': draft(
    'Mae’r corff ar gyfer cyfnod {given} ond fe’i hanfonwyd i gyfnod {period}.',
  ),
  'problem.emptyReturn': draft(
    'Mae Contributions, Skills a Projects i gyd yn wag: o’i chyflwyno, byddai’r ffurflen hon yn dileu pob rhes o’r fersiwn ddiweddaraf. I’w chyflwyno beth bynnag, anfonwch hi eto gyda confirm=empty (`?confirm=empty`, neu `shared-cdo submit --confirm empty`).',
  ),

  'problem.noCouncils': draft('Nid yw’r ddalen {sheet} yn rhestru unrhyw gynghorau; ychwanegwch o leiaf un.'),
  'problem.sharesMissing': draft(
    'Nid oes gan {sheet} resi ar gyfer {year}; mae’r dull cyfrannau costau Fixed angen i gyfrannau pob blwyddyn ariannol ddod i gyfanswm o 100%.',
  ),
  'problem.sharesNot100': draft(
    'Mae {sheet} ar gyfer {year} yn dod i gyfanswm o {total}%; mae’r dull cyfrannau costau Fixed angen iddynt ddod i gyfanswm o 100%.',
  ),
  'problem.shares.duplicate': draft(
    'Mae gan y cyngor {council} fwy nag un gyfran ar gyfer {year}; cadwch un rhes i bob cyngor.',
  ),
  'problem.shares.none': draft(
    'Fixed yw’r dull cyfrannau costau ond nid oes cyfrannau wedi’u gosod ar gyfer {year}.',
  ),
  'problem.shares.total': draft(
    'Mae’r cyfrannau ar gyfer {year} yn dod i gyfanswm o {total}% ond rhaid iddynt ddod i 100%.',
  ),
  'problem.shares.unshared': draft(
    'Nid oes cyfran wedi’i gosod ar gyfer {year} i {councils}; mae angen un ar bob aelod sy’n talu.',
  ),
  'problem.shares.allZero': draft(
    'Mae gan bob aelod sy’n talu gyfran o 0% ar gyfer {year}, felly ni fyddai neb yn talu’r gost net.',
  ),

  'problem.json.field': draft('Maes {field}: {detail}'),
  'problem.json.row': draft('Y rhes gyfan: {detail}'),
  'problem.json.invalidType': draft('Mewnbwn annilys: disgwylid {expected}, cafwyd {received}'),
  'problem.json.invalidOption': draft('Dewis annilys: disgwylid un o {values}'),
  'problem.json.tooShort': draft('Rhy fyr: disgwylid o leiaf {minimum} nod'),
  'problem.json.tooLong': draft('Rhy hir: disgwylid {maximum} nod ar y mwyaf'),
  'problem.json.tooFew': draft('Rhy ychydig: disgwylid o leiaf {minimum} eitem'),
  'problem.json.tooLow': draft('Rhy fach: disgwylid rhif sy’n {minimum} neu fwy'),
  'problem.json.tooHigh': draft('Rhy fawr: disgwylid rhif sy’n {maximum} neu lai'),
  'problem.json.invalidEmail': draft('Cyfeiriad e-bost annilys'),
  'problem.json.body': draft('corff y cais'),
  'problem.json.unknownField': draft(
    'nid yw’n faes y mae’r gwasanaeth yn ei adnabod; tynnwch ef (mae enwau meysydd yn sensitif i gas)',
  ),
  'problem.json.sheetRequired': draft('yn ofynnol (anfonwch [] ar gyfer dalen wag)'),
  'problem.json.councilId': draft(
    'mae ID cyngor yn llythrennau bach a digidau wedi’u cysylltu â chysylltnodau',
  ),
  'problem.json.period': draft('mae cyfnod yn fis wedi’i ysgrifennu YYYY-MM'),
  'problem.json.periodRequired': draft('yn ofynnol: mae cyfnod yn fis wedi’i ysgrifennu YYYY-MM'),
  'problem.json.financialYear': draft('ysgrifennir blwyddyn ariannol fel 2026-27'),
  'problem.json.financialYearYears': draft('mae blwyddyn ariannol yn enwi dwy flynedd olynol, fel 2026-27'),
  'problem.json.isoDate': draft('ysgrifennir dyddiad fel YYYY-MM-DD'),
  'problem.json.projectId': draft(
    'mae Project ID yn 32 o lythrennau, digidau, dotiau, cysylltnodau neu danlinellau ar y mwyaf',
  ),
  'problem.json.name': draft('mae enw ar un llinell, heb doriadau llinell, tabiau na nodau rheoli eraill'),
  'problem.json.councilRole': draft('mae defnyddiwr cyngor, a dim ond defnyddiwr cyngor, yn enwi ei gyngor'),
  'problem.json.councilToken': draft('mae tocyn cyngor, a dim ond tocyn cyngor, yn enwi ei gyngor'),
  'problem.json.notACouncil': draft('nid yw "{council}" yn un o gynghorau’r bartneriaeth'),
  'problem.json.declineComment': draft('dywedwch pam mae’r cyngor yn gwrthod: mae angen sylw i wrthod'),
  'problem.json.rectifyPerson': draft('rhowch enw newydd, e-bost newydd, neu’r ddau'),

  'problem.unlisted': draft(
    'Cafwyd {total} o broblemau; rhestrir y {listed} cyntaf ac ni restrir {more} arall. Cywirwch y rhain a’i anfon eto i weld y gweddill.',
  ),
};
