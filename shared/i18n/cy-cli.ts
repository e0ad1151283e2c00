// The Welsh words of the command line's messages to people: the same keys and placeholders as
// `en-cli.ts`; `cy.ts` takes these in. Each records whether a Welsh speaker has reviewed it.
import type { EN_CLI } from './en-cli.js';
import { draft, type WelshMessage } from './welsh-message.js';

export const CY_CLI: { readonly [K in keyof typeof EN_CLI]: WelshMessage } = {
  'cli.agreement.heading': draft('Cytundeb {id} ({status}), cynigiwyd {date} gan {by}'),
  'cli.agreement.status.proposed': draft('wedi’i gynnig'),
  'cli.agreement.status.agreed': draft('wedi’i gytuno'),
  'cli.agreement.status.superseded': draft('wedi’i ddisodli'),
  'cli.decision.agreed': draft('Cytunwyd {date}'),
  'cli.decision.declined': draft('Gwrthodwyd {date}'),
  'cli.decision.awaiting': draft('Yn aros'),
  'cli.agreement.none': draft('Nid oes cyfrannau cost wedi’u cynnig ar gyfer {year} eto.'),
  'cli.agreement.noContact': draft('Nid oes e-bost cyswllt wedi’i osod ar gyfer {councils}.'),
  'cli.year.open': draft('Mae {year} ar agor.'),
  'cli.year.closed': draft('Caewyd {year} ar {date} gan {by}'),
  'cli.year.settled': draft('wedi’i setlo'),
  'cli.year.reopened': draft('Mae {year} ar agor eto; mae ei fisoedd wedi’u datgloi.'),
  'cli.rollup.notEnded': draft(
    '--period: nid yw {month} wedi dod i ben eto, felly nid oes crynodeb ar ei gyfer; yr olaf yw {latest} (mae --force yn ei adeiladu beth bynnag, ar gyfer profi).',
  ),
  'cli.rollup.noPartnership': draft(
    'Nid yw gosodiadau’r bartneriaeth wedi’u paratoi eto, felly nid oes neb i anfon ato.',
  ),
  'cli.rollup.dryRun': draft('Rhediad prawf: ysgrifennwyd {count} e-bost ar gyfer {month}; ni anfonwyd dim.'),
  'cli.rollup.queued': draft(
    '{month}: {added} e-bost wedi’u rhoi yn y ciw nawr, {already} yn y blwch allan eisoes.',
  ),
  'cli.rollup.waiting': draft(
    '{count} heb eu hanfon eto: mae’r gwasanaeth sy’n rhedeg (neu’r rhediad rollup nesaf) yn rhoi cynnig arall arnynt.',
  ),
  'cli.rollup.nothingLeft': draft('Dim byd ar ôl i’w anfon.'),
  'cli.rollup.serviceSending': draft('Mae’r gwasanaeth sy’n rhedeg yn eu hanfon.'),
  'cli.usingDatabase': draft('Yn defnyddio’r gronfa ddata {database}'),
  'cli.config.invalid': draft(
    'Ffurfweddiad annilys: {variable}: ni ellir defnyddio ei werth (gweler `shared-cdo serve --help`)',
  ),
  'cli.database.cannotOpen': draft('Ni ellir agor y gronfa ddata {database}: {reason}.'),
  'cli.database.noFolder': draft(
    'Ni ellir agor y gronfa ddata {database}: nid yw’r ffolder {folder} yn bodoli; crëwch ef ar gyfer defnyddiwr y gwasanaeth (modd 0700) neu cywirwch DATABASE_URL.',
  ),
  'cli.notAMonth': draft('{option}: nid yw "{value}" yn fis wedi’i ysgrifennu BBBB-MM'),
  'cli.notACouncilId': draft(
    '--council: nid yw "{value}" yn ID cyngor (llythrennau bach a digidau wedi’u cysylltu â chysylltnodau, e.e. cherwell)',
  ),
  'cli.unknownCouncil': draft('--council nid yw "{council}" yn un o gynghorau’r bartneriaeth'),
  'cli.table.number': draft('Rhif'),
  'cli.table.council': draft('Cyngor'),
  'cli.table.role': draft('Rôl'),
  'cli.table.tenant': draft('Tenant'),
  'cli.table.added': draft('Ychwanegwyd'),
  'cli.file.missing': draft('{file}: nid oes ffeil o’r fath.'),
  'cli.file.folder': draft('{file}: ffolder yw hwn, nid ffeil.'),
  'cli.file.unreadable': draft('{file}: ni ellir ei darllen ({why}).'),
  'cli.file.warning': draft('{problem} (rhybudd)'),
  'cli.consolidate.ignoredAfter': draft(
    '{file}: anwybyddwyd: ffurflen {council} ar gyfer {month} yw hi, ar ôl {period}.',
  ),
  'cli.consolidate.ignoredOutside': draft(
    '{file}: anwybyddwyd: ffurflen {council} ar gyfer {month} yw hi, y tu allan i {year}.',
  ),
  'cli.consolidate.sameMonth': draft(
    '{file}: About: mae {other} hefyd yn ffurflen {council} ar gyfer {month}; rhowch un llyfr gwaith i bob cyngor a mis.',
  ),
  'cli.consolidate.superseded': draft(
    '{file}: anwybyddwyd: mae {newer} ({newerMonth}) wedi disodli ffurflen {council} ar gyfer {month}.',
  ),
  'cli.template.notInPartnership': draft('--council: nid yw {council} yn un o gynghorau {partnership}.'),
  'cli.demo.wrote': draft(
    'Ysgrifennwyd {partnership} a ffurflenni {count} cyngor ar gyfer {month} ({folder}) a {before} ({beforeFolder}). Rhowch gynnig ar:',
  ),
  'cli.submit.confirm': draft('Nid yw --confirm "{value}" yn hysbys: dim ond --confirm empty sydd'),
  'cli.submit.cannotRead': draft('Ni ellir darllen {file}'),
  'cli.submit.done': draft(
    'Cyflwynwyd ffurflen {council} ar gyfer {month} fel fersiwn {version} ({changes}).',
  ),
  'cli.submit.warning': draft('rhybudd: {problem}'),
  'cli.submit.row': draft('{sheet} rhes {row}'),
  'cli.serve.portInUse': draft(
    'Ni ellir dechrau: mae’r porth yn cael ei ddefnyddio eisoes; stopiwch y gwasanaeth arall neu gosodwch PORT.',
  ),
  'cli.serve.noPermission': draft(
    'Ni ellir dechrau: dim caniatâd i wrando ar y porth hwnnw; gosodwch PORT i 1024 neu uwch.',
  ),
  'cli.serve.noFile': draft(
    'Ni ellir dechrau: nid yw {path} yn bodoli (gwiriwch TLS_CERT_FILE a TLS_KEY_FILE).',
  ),
  'cli.token.holder': draft('y tocyn {role}'),
  'cli.token.holderFor': draft('y tocyn {role} ar gyfer {council}'),
  'cli.token.councilNeeded': draft('Mae angen --council ID ar docyn cyngor'),
  'cli.token.councilOnly': draft('Dim ond tocyn cyngor sydd wedi’i rwymo i gyngor'),
  'cli.token.created': draft(
    'Crëwyd {holder} rhif {id} â’r label "{label}", yn ddilys tan {date}. Copïwch ef nawr: ni chaiff ei ddangos eto.',
  ),
  'cli.token.revoked': draft('Dirymwyd {holder} rhif {id} â’r label "{label}" ({date}).'),
  'cli.token.none': draft('Nid oes tocyn mynediad rhif {id} (gweler `token list`).'),
  'cli.token.state.revoked': draft('dirymwyd {date}'),
  'cli.token.state.expired': draft('daeth i ben {date}'),
  'cli.token.state.expires': draft('yn dod i ben {date}'),
  'cli.token.never': draft('byth'),
  'cli.table.label': draft('Label'),
  'cli.table.created': draft('Crëwyd'),
  'cli.table.expires': draft('Yn dod i ben'),
  'cli.table.lastUsed': draft('Defnyddiwyd ddiwethaf'),
  'cli.invalid.tenantId': draft('rhaid iddo fod yn ID tenant Microsoft 365 (GUID)'),
  'cli.invalid.email': draft('rhaid iddo fod yn gyfeiriad e-bost'),
  'cli.invalid.council': draft('mae ID cyngor yn llythrennau bach a digidau wedi’u cysylltu â chysylltnodau'),
  'cli.user.councilRule': draft(
    '--council: mae defnyddiwr cyngor, a dim ond defnyddiwr cyngor, yn enwi ei gyngor',
  ),
  'cli.user.exists': draft('Mae {email} o’r tenant hwnnw eisoes yn ddefnyddiwr {id}.'),
  'cli.user.registered': draft('Cofrestrwyd defnyddiwr {id}: {email} o’r tenant {tenant} fel {role}.'),
  'cli.user.registeredFor': draft(
    'Cofrestrwyd defnyddiwr {id}: {email} o’r tenant {tenant} fel {role} ar gyfer {council}.',
  ),
  'cli.user.none': draft('Nid oes defnyddiwr rhif {id} (gweler `user list`).'),
  'cli.user.removed': draft('Dilëwyd defnyddiwr {id}: {email} o’r tenant {tenant}.'),
  'cli.table.signInName': draft('Enw mewngofnodi'),
  'cli.tenant.exists': draft('Mae’r tenant {tenant} wedi’i gofrestru i {council} eisoes (tenant {id}).'),
  'cli.tenant.registered': draft('Cofrestrwyd tenant {id}: {tenant} ar gyfer {council}.'),
  'cli.tenant.none': draft('Nid oes tenant rhif {id} (gweler `tenant list`).'),
  'cli.tenant.removed': draft('Dilëwyd tenant {id}: {tenant} o {council}.'),
  'cli.db.same': draft('Mae --from a --to yn enwi’r un gronfa ddata.'),
  'cli.db.cannotOpen': draft('{option}: ni ellir agor {database}: {why}'),
  'cli.db.notEmpty': draft(
    'Nid yw’r gronfa ddata darged yn wag (mae gan {table} {rows} rhes); dim ond i gronfa ddata wag y mae db copy yn copïo.',
  ),
  'cli.db.copied': draft('Copïwyd {rows} rhes mewn {tables} tabl.'),
  'cli.audit.line': draft('{entry} — gan {who}'),
  'cli.people.nothing': draft('Nid oes dim sydd gan y gwasanaeth yn enwi {email}.'),
  'cli.people.erased': draft(
    'Dilëwyd: bellach {person} mewn {versions} fersiwn, {audit} cofnod archwilio, {tokens} label tocyn a {emails} e-bost wedi’u cadw; dilëwyd {users} defnyddiwr.',
  ),
  'cli.people.pseudonymised': draft('Ffugenwyd pobl mewn {count} fersiwn o gyfnodau hyd at {upTo}'),
  'cli.people.wouldPseudonymise': draft(
    'Byddai pobl yn cael eu ffugenwi mewn {count} fersiwn o gyfnodau hyd at {upTo}',
  ),
  'cli.people.version': draft('{council} {period} fersiwn {version}'),
  'cli.people.dropped': draft('Gollyngwyd cyfeiriad cleient {count} cofnod archwilio sy’n hŷn na 12 mis.'),
  'cli.people.wouldDrop': draft(
    'Byddai cyfeiriad cleient {count} cofnod archwilio sy’n hŷn na 12 mis yn cael ei ollwng.',
  ),
};
