// Returns and data quality in sentences: missing and carried-forward returns, conflicts between councils'
// returns and the consolidation's warnings, worded once for the e-mail, the workbook and the add-in.
import { periodLabel } from '../dates.js';
import { monthLabel, messagesIn, type Locale } from '../i18n/index.js';
import { vocabularyWord } from '../i18n/vocabulary-words.js';
import type { ConsolidatedView, ProjectConflict, SkillConflict } from '../schemas.js';
import { councilNames } from './councils.js';

export interface DataQualityLine {
  kind: string;
  council?: string;
  project?: string;
  message: string;
}

export interface ReturnsReport {
  /** Names of the Members with no return for the period nor any earlier month of the year. */
  missing: string[];
  /** "West Oxfordshire District Council (using February 2027)". */
  carriedForward: string[];
  /** One sentence per conflict between councils' returns, projects first. */
  conflicts: string[];
  /** Every line of the Data quality sheet. */
  lines: DataQualityLine[];
}

/** The sentences of conflicts between councils' returns, in `locale`. */
function conflictSentences(view: ConsolidatedView, locale: Locale) {
  const m = messagesIn(locale);
  const name = councilNames(view);
  const field: Record<ProjectConflict['field'], string> = {
    title: m('conflict.field.title'),
    phase: m('conflict.field.phase'),
    rag: m('conflict.field.rag'),
    lead: m('conflict.field.lead'),
  };
  // A phase or RAG is a word of the vocabulary; a title or a council is the council's own.
  const value = (c: ProjectConflict, v: string) =>
    c.field === 'phase' || c.field === 'rag' ? vocabularyWord(locale, v) : v;
  return {
    project: (c: ProjectConflict) =>
      m('conflict.project', {
        project: c.project,
        council: name(c.council),
        field: field[c.field],
        value: value(c, c.value),
        leadValue: value(c, c.leadValue),
      }),
    skill: (c: SkillConflict) =>
      m('conflict.skill', {
        email: c.email,
        skill: vocabularyWord(locale, c.skill),
        field: c.field === 'level' ? m('conflict.skillField.level') : m('conflict.skillField.days'),
        values: c.values.map((v) => `${name(v.council)}: ${v.value}`).join('; '),
      }),
  };
}

export function returnsReport(view: ConsolidatedView, locale: Locale = 'en'): ReturnsReport {
  const name = councilNames(view);
  const { dataQuality: dq, period, financialYear } = view;
  // The Data quality sheet's lines stay English (its kinds are codes there); the sentences follow `locale`.
  const english = conflictSentences(view, 'en');
  const projectConflict = english.project;
  const inLocale = locale === 'en' ? english : conflictSentences(view, locale);
  return {
    missing: dq.missing.map(name),
    carriedForward: dq.carriedForward.map((c) =>
      messagesIn(locale)('returns.carriedForward', {
        council: name(c.council),
        month: monthLabel(locale, c.from),
      }),
    ),
    conflicts: [
      ...view.projects.conflicts.map(inLocale.project),
      ...view.skills.conflicts.map(inLocale.skill),
    ],
    lines: [
      ...dq.missing.map((council) => ({
        kind: 'Missing return',
        council,
        message: `No return for ${periodLabel(period)} nor any earlier month of ${financialYear}.`,
      })),
      ...dq.carriedForward.map(({ council, from }) => ({
        kind: 'Carried forward',
        council,
        message: `No return for ${periodLabel(period)}; the return for ${periodLabel(from)} is used.`,
      })),
      ...view.projects.conflicts.map((c) => ({
        kind: 'Project conflict',
        council: c.council,
        project: c.project,
        message: `${projectConflict(c)}.`,
      })),
      ...view.skills.conflicts.map((c) => ({ kind: 'Skill conflict', message: `${english.skill(c)}.` })),
      ...dq.warnings.map((w) => ({
        kind: w.code,
        council: w.council ?? undefined,
        project: w.project ?? undefined,
        message: w.message,
      })),
    ],
  };
}
