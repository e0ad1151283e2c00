// Skills gaps as the surfaces state them: skills with no practitioner, and skills with only one.
import type { ConsolidatedView } from '../schemas.js';
import type { Skill } from '../vocabulary.js';

export interface SkillsReport {
  gaps: Skill[];
  fragile: Skill[];
}

export function skillsReport(view: ConsolidatedView): SkillsReport {
  const withStatus = (status: string) =>
    view.skills.coverage.filter((s) => s.status === status).map((s) => s.skill);
  return { gaps: withStatus('gap'), fragile: withStatus('fragile') };
}
