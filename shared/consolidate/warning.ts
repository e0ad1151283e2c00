// A warning of the consolidation (DESIGN §4, §10). Its English message is what its sentence says, and
// the sentence goes with it, so a reader in another language gets it from the catalogue (DESIGN §12).
import type { WarningKey } from '../i18n/en-warnings.js';
import { spoken, type Say } from '../i18n/say.js';
import type { DataQualityWarning } from '../schemas.js';

export const warning = (
  code: string,
  council: string | null,
  project: string | null,
  said: Say<WarningKey>,
): DataQualityWarning => ({ code, council, project, message: spoken('en', said), say: said });
