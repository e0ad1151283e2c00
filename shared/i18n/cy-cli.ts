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
};
