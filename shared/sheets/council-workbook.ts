// A council's return (DESIGN §3.1): the About sheet and the Contributions, Skills and Projects tables,
// and what a council submits for a period as JSON.
import { z } from 'zod';
import { periodSchema } from './cells.js';
import type { SheetLayout } from './layout.js';
import { quickRows, sheetRows } from './rows.js';
import { CONTRIBUTIONS_LAYOUT } from './contributions.js';
import { PROJECTS_LAYOUT } from './projects.js';
import { SKILLS_LAYOUT } from './skills.js';

/** The three data sheets of a council workbook, in workbook order. */
export const COUNCIL_SHEETS = [CONTRIBUTIONS_LAYOUT, SKILLS_LAYOUT, PROJECTS_LAYOUT] as const;
export const COUNCIL_LAYOUTS: readonly [SheetLayout, SheetLayout, SheetLayout] = COUNCIL_SHEETS;

/** Which submission array each council sheet fills. */
export const COUNCIL_SHEET_KEYS = {
  Contributions: 'contributions',
  Skills: 'skills',
  Projects: 'projects',
} as const;

/**
 * What a council submits for a period: the JSON body of POST /councils/{id}/submissions. Every sheet
 * is required (an empty one is []), so a body that forgets one cannot silently remove its rows.
 */
export const councilSubmissionSchema = z.strictObject({
  period: periodSchema,
  contributions: sheetRows(CONTRIBUTIONS_LAYOUT.schema),
  skills: sheetRows(SKILLS_LAYOUT.schema),
  projects: sheetRows(PROJECTS_LAYOUT.schema),
});
export type CouncilSubmission = z.infer<typeof councilSubmissionSchema>;

const QUICK_SHEETS = {
  contributions: quickRows(CONTRIBUTIONS_LAYOUT.columns),
  skills: quickRows(SKILLS_LAYOUT.columns),
  projects: quickRows(PROJECTS_LAYOUT.columns),
};
const SUBMISSION_KEYS = new Set(['period', ...Object.keys(QUICK_SHEETS)]);

/**
 * A council's submission checked against `councilSubmissionSchema`: a body the schema accepts is
 * checked with the columns' quick tests (a large return, in a fraction of the schema's time); any
 * other gets the schema's own answer, with every issue and where it is.
 */
export function parseCouncilSubmission(body: unknown): z.ZodSafeParseResult<CouncilSubmission> {
  return quickSubmission(body) ?? councilSubmissionSchema.safeParse(body);
}

function quickSubmission(body: unknown): z.ZodSafeParseSuccess<CouncilSubmission> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  for (const key in fields) if (!SUBMISSION_KEYS.has(key)) return undefined;
  const period = periodSchema.safeParse(fields.period);
  if (!period.success) return undefined;
  const contributions = QUICK_SHEETS.contributions(fields.contributions);
  const skills = contributions && QUICK_SHEETS.skills(fields.skills);
  const projects = skills && QUICK_SHEETS.projects(fields.projects);
  if (!projects) return undefined;
  // The rows are those the schema would give: the columns' tests agree with their schemas.
  const data = { period: period.data, contributions, skills, projects } as CouncilSubmission;
  return { success: true, data };
}
