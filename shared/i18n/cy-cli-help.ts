// The Welsh words of the command line's --help: the same keys and placeholders as `en-cli-help.ts`;
// `cy.ts` takes these in. Each records whether a Welsh speaker has reviewed it. Commands, option flags,
// placeholders such as <file> and YYYY-MM, and examples stay as they are typed.
import type { EN_CLI_HELP } from './en-cli-help.js';
import { draft, type WelshMessage } from './welsh-message.js';

export const CY_CLI_HELP: { readonly [K in keyof typeof EN_CLI_HELP]: WelshMessage } = {
  'cli.help.usage': draft('Defnydd:'),
  'cli.help.arguments': draft('Dadleuon:'),
  'cli.help.options': draft('Opsiynau:'),
  'cli.help.commands': draft('Gorchmynion:'),
  'cli.help.optionsPlaceholder': draft('[opsiynau]'),
  'cli.help.commandPlaceholder': draft('[gorchymyn]'),
  'cli.help.required': draft('(gofynnol)'),
  'cli.help.choices': draft('dewisiadau: {choices}'),
  'cli.help.default': draft('diofyn: {value}'),
  'cli.help.example': draft('Enghraifft:'),
  'cli.error.missingArgument': draft("gwall: mae’r ddadl ofynnol '{name}' ar goll"),
  'cli.error.optionArgumentMissing': draft("gwall: mae gwerth yr opsiwn '{option}' ar goll"),
  'cli.error.requiredOption': draft("gwall: ni roddwyd yr opsiwn gofynnol '{option}'"),
  'cli.error.unknownOption': draft("gwall: opsiwn anhysbys '{option}'"),
  'cli.error.unknownCommand': draft("gwall: gorchymyn anhysbys '{command}'"),
  'cli.error.tooManyArguments': draft('gwall: gormod o ddadleuon. Disgwylid {expected} ond cafwyd {got}.'),
  'cli.error.tooManyArgumentsFor': draft(
    "gwall: gormod o ddadleuon i '{command}'. Disgwylid {expected} ond cafwyd {got}.",
  ),
  'cli.error.arguments.one': draft('{count} ddadl'),
  'cli.error.arguments.other': draft('{count} o ddadleuon'),
  'cli.error.invalidOption': draft("gwall: mae gwerth '{value}' yr opsiwn '{option}' yn annilys. {why}"),
  'cli.error.invalidArgument': draft("gwall: mae’r gwerth '{value}' yn annilys i’r ddadl '{name}'. {why}"),
  'cli.error.allowedChoices': draft('Y dewisiadau a ganiateir yw {choices}.'),
  'cli.error.didYouMean': draft('(Ai {suggestion} oedd gennych mewn golwg?)'),
  'cli.error.didYouMeanOneOf': draft('(Ai un o {suggestions} oedd gennych mewn golwg?)'),
  'cli.value.financialYear': draft('blwyddyn ariannol fel 2026-27'),
  'cli.value.agreementNumber': draft('rhif cytundeb, fel y mae `agreement show` yn ei argraffu'),
  'cli.value.recordNumber': draft('rhif o’r gorchymyn list'),
  'cli.value.days': draft('nifer cyfan o ddiwrnodau o 1 i {max}'),
  'cli.value.auditSince': draft('dyddiad (BBBB-MM-DD) neu eiliad (2026-11-01T09:30:00Z)'),
  'cli.value.email': draft('cyfeiriad e-bost'),
  'cli.help.program': draft(
    'Shared CDO: cyfraniadau, sgiliau a phrosiectau cynghorau sy’n rhannu Prif Swyddog Digidol',
  ),
  'cli.help.version': draft('Dangos rhif y fersiwn'),
  'cli.help.helpOption': draft('Dangos cymorth ar gyfer y gorchymyn'),
  'cli.help.helpCommand': draft('Dangos cymorth ar gyfer gorchymyn'),
  'cli.help.fy': draft('Y flwyddyn ariannol, e.e. {example}'),
  'cli.help.email': draft('Cyfeiriad e-bost yr unigolyn'),
  'cli.help.consolidate': draft('Cyfuno llyfrau gwaith cynghorau all-lein, heb weinydd na chronfa ddata'),
  'cli.help.consolidate.partnership': draft('Llyfr gwaith y bartneriaeth (.xlsx) neu ei JSON'),
  'cli.help.consolidate.period': draft('Y mis i’w gyfuno'),
  'cli.help.consolidate.out': draft('Ysgrifennu’r llyfr gwaith cyfunol (.xlsx) i’r ffeil hon'),
  'cli.help.consolidate.json': draft(
    'Ysgrifennu’r olwg gyfunol fel JSON i’r ffeil hon; - ar gyfer yr allbwn safonol',
  ),
  'cli.help.consolidate.workbooks': draft(
    'Llyfrau gwaith cynghorau (.xlsx); mae taflen About pob un yn enwi ei gyngor a’i fis',
  ),
  'cli.help.template': draft('Ysgrifennu llyfr gwaith ffurflen cyngor ar gyfer mis'),
  'cli.help.template.council': draft('ID y cyngor, e.e. cherwell'),
  'cli.help.template.period': draft('Y mis y mae’r ffurflen ar ei gyfer'),
  'cli.help.template.out': draft('Y llyfr gwaith i’w ysgrifennu (.xlsx)'),
  'cli.help.template.partnership': draft(
    'Y bartneriaeth (.xlsx neu .json), ar gyfer y rhestrau llinellau cyllideb a chynghorau',
  ),
  'cli.help.demo': draft(
    'Ysgrifennu llyfr gwaith y bartneriaeth enghreifftiol a ffurflenni ei chynghorau: y mis diweddaraf o dan returns/, y mis cynt o dan returns/YYYY-MM/',
  ),
  'cli.help.demo.out': draft('Y ffolder i’w hysgrifennu iddo (caiff ei greu os oes angen)'),
  'cli.help.demo.period': draft(
    'Mis diweddaraf y ffurflenni (diofyn: y mis diwethaf, fel enghraifft y gwasanaeth)',
  ),
  'cli.help.serve': draft(
    'Rhedeg y gwasanaeth cysoni nes iddo gael ei atal, wedi’i ffurfweddu gan y newidynnau amgylchedd isod',
  ),
  'cli.help.serve.variables': draft('Newidynnau amgylchedd:'),
  'cli.help.serve.unset': draft('heb ei osod'),
  'cli.help.token': draft('Rheoli tocynnau mynediad'),
  'cli.help.token.create': draft(
    'Creu tocyn mynediad (caiff ei argraffu unwaith; dim ond ei stwnsh a gedwir)',
  ),
  'cli.help.token.role': draft('Beth y caiff y tocyn ei wneud'),
  'cli.help.token.council': draft(
    'Y cyngor y mae tocyn cyngor wedi’i rwymo iddo (sydd ei angen ar gyfer rôl y cyngor)',
  ),
  'cli.help.token.label': draft('Pwy neu beth sy’n dal y tocyn (dangosir fel "gan bwy")'),
  'cli.help.token.expiresIn': draft('Diwrnodau nes i’r tocyn beidio â gweithio (dim mwy na {max})'),
  'cli.help.token.list': draft(
    'Rhestru tocynnau mynediad: rhif, label, rôl, cyngor, crëwyd, yn dod i ben, defnyddiwyd ddiwethaf (byth y tocyn)',
  ),
  'cli.help.token.revoke': draft('Dirymu tocyn mynediad am byth (mae ei rif yn `token list`)'),
  'cli.help.token.number': draft('Rhif y tocyn'),
  'cli.help.user': draft('Rheoli defnyddwyr Microsoft 365 a’u rolau'),
  'cli.help.user.add': draft('Cofrestru defnyddiwr Microsoft 365 â rôl'),
  'cli.help.user.tenantId': draft('ID tenant Microsoft 365 y defnyddiwr (GUID)'),
  'cli.help.user.email': draft(
    'Ei enw mewngofnodi (preferred_username), wedi’i gymharu heb ystyried priflythrennau',
  ),
  'cli.help.user.role': draft('Beth y caiff ei wneud'),
  'cli.help.user.council': draft('Cyngor defnyddiwr cyngor (sydd ei angen ar gyfer rôl y cyngor)'),
  'cli.help.user.list': draft('Rhestru defnyddwyr cofrestredig'),
  'cli.help.user.remove': draft('Dileu defnyddiwr cofrestredig (mae ei rif yn `user list`)'),
  'cli.help.user.number': draft('Rhif y defnyddiwr'),
  'cli.help.tenant': draft('Rheoli sefydliadau Microsoft 365 y cynghorau'),
  'cli.help.tenant.add': draft(
    'Cofrestru sefydliad Microsoft 365 cyngor: mae ei bobl yn mewngofnodi fel y cyngor hwnnw',
  ),
  'cli.help.tenant.tenantId': draft('ID tenant Microsoft 365 y sefydliad (GUID)'),
  'cli.help.tenant.council': draft('Y cyngor y mae’n perthyn iddo'),
  'cli.help.tenant.list': draft('Rhestru sefydliadau cofrestredig'),
  'cli.help.tenant.remove': draft('Dileu sefydliad cofrestredig (mae ei rif yn `tenant list`)'),
  'cli.help.tenant.number': draft('Rhif y tenant'),
  'cli.help.submit': draft('Cyflwyno llyfr gwaith cyngor ar gyfer mis heb yr ychwanegyn'),
  'cli.help.submit.council': draft('ID y cyngor, fel ar y daflen About'),
  'cli.help.submit.period': draft('Y mis, fel ar y daflen About'),
  'cli.help.submit.confirm': draft('Gydag "empty": cyflwyno llyfr gwaith y mae ei dair taflen i gyd yn wag'),
  'cli.help.submit.file': draft('Llyfr gwaith y cyngor (.xlsx)'),
  'cli.help.rollup': draft(
    'Adeiladu crynodeb mis nawr a’i anfon (unwaith i bob derbynnydd) drwy’r blwch allan',
  ),
  'cli.help.rollup.period': draft('Y mis y mae’r crynodeb yn adrodd arno'),
  'cli.help.rollup.dryRun': draft('Ysgrifennu’r negeseuon e-bost fel ffeiliau .eml ac anfon dim'),
  'cli.help.rollup.out': draft(
    'Lle mae --dry-run yn ysgrifennu’r ffeiliau .eml (diofyn: ffolder y blwch allan)',
  ),
  'cli.help.rollup.force': draft(
    'Ar gyfer profi yn unig: ei adeiladu hyd yn oed ar gyfer mis nad yw wedi dod i ben',
  ),
  'cli.help.db': draft('Gweithio ar y gronfa ddata gyfan'),
  'cli.help.db.copy': draft(
    'Copïo popeth (fersiynau’r bartneriaeth, cyflwyniadau, tocynnau, trywydd archwilio, blwch allan e-bost) i gronfa ddata wag',
  ),
  'cli.help.db.from': draft('Y gronfa ddata i’w chopïo: sqlite:PATH neu postgres://USER:PASS@HOST:PORT/DB'),
  'cli.help.db.to': draft('Y gronfa ddata wag i gopïo iddi (caiff ei thablau eu creu os oes angen)'),
  'cli.help.audit': draft(
    'Argraffu’r trywydd archwilio: pob newid a phob ysgrifennu a wrthodwyd, yr hynaf yn gyntaf',
  ),
  'cli.help.audit.since': draft('Dim ond cofnodion o’r diwrnod hwn (UTC) neu’r eiliad hon ymlaen'),
  'cli.help.audit.csv': draft('Argraffu CSV (fel GET /api/v1/audit gydag Accept: text/csv)'),
  'cli.help.people': draft(
    'Data personol: allforio’r hyn a gedwir am unigolyn, ei ddileu, cymhwyso’r cyfnod cadw',
  ),
  'cli.help.people.export': draft(
    'Argraffu popeth a gedwir am unigolyn: rhesi pob fersiwn, cofnodion archwilio, defnyddwyr a thocynnau',
  ),
  'cli.help.people.csv': draft('Argraffu CSV: un llinell i bob rhes, cofnod archwilio, defnyddiwr a thocyn'),
  'cli.help.people.erase': draft(
    'Dileu unigolyn: daw ei enw a’i e-bost yn ffugenw ym mhob fersiwn; mae’r ffigurau’n aros',
  ),
  'cli.help.people.retention': draft(
    'Ffugenwi pobl mewn fersiynau y tu hwnt i PERSONAL_DATA_RETENTION_MONTHS a gollwng hen gyfeiriadau cleientiaid (mae rhediad 07:00 yn gwneud hyn bob dydd)',
  ),
  'cli.help.people.dryRun': draft('Rhestru’r hyn a fyddai’n newid, a newid dim'),
  'cli.help.agreement': draft('Cynnig a dilyn cyfrannau cost blwyddyn'),
  'cli.help.agreement.propose': draft(
    'Cynnig cyfrannau cost blwyddyn ariannol i bob cyngor sy’n Aelod eu cytuno',
  ),
  'cli.help.agreement.note': draft('Nodyn i’r cynghorau'),
  'cli.help.agreement.show': draft(
    'Dangos cytundeb diweddaraf blwyddyn ariannol: swm dyledus a phenderfyniad pob Aelod',
  ),
  'cli.help.agreement.remind': draft(
    'Anfon nodyn atgoffa drwy e-bost at y cynghorau sy’n dal i ystyried cynnig (unwaith y dydd i bob cyswllt)',
  ),
  'cli.help.agreement.id': draft('Rhif y cytundeb, fel y mae `agreement show` yn ei argraffu'),
  'cli.help.year': draft('Cau blwyddyn ariannol a gweld ei datganiadau'),
  'cli.help.year.close': draft(
    'Cau blwyddyn ariannol ar ôl ei mis Mawrth: cloi ei misoedd a chofnodi datganiad pob cyngor',
  ),
  'cli.help.year.show': draft('Dangos a yw blwyddyn ariannol wedi cau, a datganiad pob cyngor'),
  'cli.help.year.reopen': draft(
    'Ailagor blwyddyn ariannol sydd wedi cau (caiff ei misoedd eu datgloi); caiff y rheswm ei archwilio',
  ),
  'cli.help.year.reason': draft('Pam mae’r flwyddyn yn cael ei hailagor'),
  'cli.env.port': draft('Lle mae’r gwasanaeth yn gwrando'),
  'cli.env.databaseUrl': draft(
    'Y gronfa ddata: sqlite:PATH (ffeil) neu postgres://USER:PASS@HOST:PORT/DB; caiff ei mudo bob tro y mae’n dechrau',
  ),
  'cli.env.publicUrl': draft(
    'Y tarddiad https y mae defnyddwyr yn ei gyrraedd (http ar gyfer localhost yn unig); caiff maniffest yr ychwanegyn ei ailysgrifennu iddo',
  ),
  'cli.env.downloadLinkSecret': draft(
    'Yr allwedd sy’n llofnodi dolenni llwytho i lawr (o leiaf 32 nod); heb ei gosod, un newydd bob tro y mae’n dechrau. Rhowch yr un un i bob enghraifft',
  ),
  'cli.env.smtpUrl': draft(
    'Y gweinydd post; heb ei osod, mae negeseuon e-bost yn ffeiliau .eml yn ffolder y blwch allan wrth ymyl y gronfa ddata',
  ),
  'cli.env.mailFrom': draft('Anfonwr pob neges e-bost'),
  'cli.env.tz': draft('Cloc y bartneriaeth: dyddiadau cau, hwyrni a chrynodeb 07:00'),
  'cli.env.tlsCertFile': draft('Gweini HTTPS gyda’r dystysgrif hon (PEM); mae angen TLS_KEY_FILE'),
  'cli.env.tlsKeyFile': draft('Allwedd breifat (PEM) TLS_CERT_FILE'),
  'cli.env.demo': draft('off: peidio â llwytho’r bartneriaeth enghreifftiol i gronfa ddata wag'),
  'cli.env.logLevel': draft(
    'Y llinellau log lleiaf pwysig a ysgrifennir; nid yw logiau byth yn dal tocynnau na chyrff ceisiadau',
  ),
  'cli.env.logFormat': draft(
    'json: un gwrthrych JSON i bob llinell; auto: darllenadwy ar derfynell, JSON fel arall',
  ),
  'cli.env.rateLimitPerMinute': draft(
    'Ceisiadau API y funud i bob tocyn mynediad (i bob cyfeiriad cleient cyn mewngofnodi); caiff mewngofnodi aflwyddiannus ei gyfyngu ar wahân',
  ),
  'cli.env.maxVersionsPerPeriod': draft(
    'Y fersiynau y caiff un cyngor eu cadw ar gyfer un cyfnod; caiff un arall ei wrthod (429 too-many-versions)',
  ),
  'cli.env.decodeMemoryMb': draft(
    'Y cof y caiff un uwchlwythiad ei ddefnyddio wrth iddo gael ei ddatgodio (edefyn gweithiwr); caiff mwy ei wrthod gyda 413',
  ),
  'cli.env.decodeTimeLimitSeconds': draft(
    'Yr amser y caiff un uwchlwythiad ei gymryd i’w ddatgodio a’i wirio; caiff hirach ei wrthod gyda 422',
  ),
  'cli.env.entraClientId': draft(
    'Mewngofnodi Microsoft 365: cofrestriad ap Entra yr ychwanegyn (mae angen PUBLIC_URL); heb ei osod, tocynnau mynediad yn unig',
  ),
  'cli.env.entraAuthority': draft('Awdurdod mewngofnodi Microsoft: cyhoeddwr tenant T yw <authority>/T/v2.0'),
  'cli.env.personalDataRetentionMonths': draft(
    'Y misoedd ar ôl diwedd blwyddyn ariannol y mae ei ffurflenni’n cadw enwau a chyfeiriadau e-bost pobl; yna mae rhediad 07:00 yn eu ffugenwi',
  ),
  'cli.env.trustProxy': draft(
    'Gosodiad trust-proxy Express, y tu ôl i ddirprwy gwrthdro: daw cyfeiriad y cleient wedyn o X-Forwarded-For (e.e. 1, loopback neu 10.0.0.0/8)',
  ),
};
