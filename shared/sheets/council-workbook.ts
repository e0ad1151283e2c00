// A council's return (DESIGN §3.1): the About sheet and the Contributions, Skills and Projects tables,
// and what a council submits for a period as JSON.
import { z } from 'zod';
import { periodSchema } from './cells.js';
import { sheetRows, type SheetLayout } from './column.js';
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
