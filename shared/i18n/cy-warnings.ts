// The consolidation's warnings, in Welsh: the same keys and placeholders as `en-warnings.ts`; `cy.ts`
// takes these in.
import type { EN_WARNINGS } from './en-warnings.js';
import { draft, type WelshMessage } from './welsh-message.js';

export const CY_WARNINGS: { readonly [K in keyof typeof EN_WARNINGS]: WelshMessage } = {
  'warning.unknownCouncil': draft(
    'Gadawyd y ffurflenni gan "{council}" allan am nad oes gan unrhyw gyngor yn y bartneriaeth y dynodydd hwnnw.',
  ),
  'warning.leadMissing': draft(
    'Mae prosiect {project} yn enwi {lead} fel y cyngor arweiniol, ond nid yw ffurflen {lead} yn ei restru fel ei brosiect ei hun; defnyddir y manylion a adroddwyd gan {main}.',
  ),
  'warning.notAPartner': draft(
    'Mae {council} yn adrodd ar brosiect {project} ond nid yw’n gyngor arweiniol arno nac yn un o’i bartneriaid.',
  ),
  'warning.shareNotPaying': draft(
    'Mae gan {council} gyfran ar gyfer {year} ond nid yw’n aelod sy’n talu’r flwyddyn honno, felly mae’r aelodau sy’n talu yn rhannu’r gost gyfan yn gymesur â’u cyfrannau eu hunain.',
  ),
  'warning.noPayingCouncils': draft(
    'Nid oes unrhyw gyngor yn aelod sy’n talu yn {year}, felly nid oes neb yn ddyledus i dalu’r gost net.',
  ),
  'warning.populationMissing': draft(
    'Nid oes gan unrhyw gyngor sy’n talu boblogaeth, felly rhennir y costau’n gyfartal yn hytrach nag yn ôl y dull {method}.',
  ),
  'warning.usageFallback': draft(
    'Nid oes amser y Prif Swyddog Digidol wedi’i gofnodi ar gyfer cynghorau sy’n talu yn {year} hyd at {month}, felly rhennir y costau’n gyfartal yn hytrach nag yn ôl defnydd.',
  ),
  'warning.settingsChanged.council': draft(
    'Mae dyled {council} am y flwyddyn yn {due} o dan y gosodiadau sydd mewn grym; cytunwyd ar {agreed} ar {date}. Cynigiwch y cyfrannau costau eto i bob cyngor gytuno arnynt.',
  ),
  'warning.settingsChanged.partnership': draft(
    'Mae gosodiadau {year} wedi newid ers cytuno ar y cyfrannau costau ar {date}, er nad yw dyled unrhyw gyngor wedi newid. Cynigiwch y cyfrannau costau eto i bob cyngor gytuno arnynt.',
  ),
};
