// Returns and data quality in sentences: missing and carried-forward returns, conflicts between councils'
// returns and the consolidation's warnings, worded once for the e-mail, the workbook and the add-in.
import { inEach, message, messagesIn, monthLabel, type Locale, type PlainKey } from '../i18n/index.js';
import { saidIn } from '../i18n/say.js';
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
  const { dataQuality: dq } = view;
  const sentences = conflictSentences(view, locale);
  return {
    missing: dq.missing.map(name),
    carriedForward: dq.carriedForward.map((c) =>
      messagesIn(locale)('returns.carriedForward', {
        council: name(c.council),
        month: monthLabel(locale, c.from),
      }),
    ),
    conflicts: [
      ...view.projects.conflicts.map(sentences.project),
      ...view.skills.conflicts.map(sentences.skill),
    ],
  };
}

/**
 * Every line of the Data quality sheet, in the partnership's languages (Welsh first, then English, when
 * bilingual, as the workbook's other labels are). A warning's kind is its code, as the API gives it; its
 * sentence is said from its key and values (DESIGN §12), in English as the consolidation wrote it when
 * it has no key this catalogue knows.
 */
export function dataQualityLines(
  view: ConsolidatedView,
  locales: readonly Locale[] = ['en'],
): DataQualityLine[] {
  const { dataQuality: dq, period, financialYear } = view;
  const say = (text: (locale: Locale) => string) => inEach(locales, text);
  const kind = (key: PlainKey) => say((locale) => message(locale, key));
  const sentences = new Map(locales.map((locale) => [locale, conflictSentences(view, locale)]));
  const conflict = <T>(sentence: (s: ReturnType<typeof conflictSentences>) => (c: T) => string, c: T) =>
    say((locale) => `${sentence(sentences.get(locale)!)(c)}.`);
  return [
    ...dq.missing.map((council) => ({
      kind: kind('dataQuality.kind.missing'),
      council,
      message: say((locale) =>
        message(locale, 'dataQuality.missing', { month: monthLabel(locale, period), year: financialYear }),
      ),
    })),
    ...dq.carriedForward.map(({ council, from }) => ({
      kind: kind('dataQuality.kind.carriedForward'),
      council,
      message: say((locale) =>
        message(locale, 'dataQuality.carriedForward', {
          month: monthLabel(locale, period),
          from: monthLabel(locale, from),
        }),
      ),
    })),
    ...view.projects.conflicts.map((c) => ({
      kind: kind('dataQuality.kind.projectConflict'),
      council: c.council,
      project: c.project,
      message: conflict((s) => s.project, c),
    })),
    ...view.skills.conflicts.map((c) => ({
      kind: kind('dataQuality.kind.skillConflict'),
      message: conflict((s) => s.skill, c),
    })),
    ...dq.warnings.map((w) => ({
      kind: w.code,
      council: w.council ?? undefined,
      project: w.project ?? undefined,
      message: say((locale) => saidIn(locale, w)),
    })),
  ];
}
