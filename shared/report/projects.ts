// Projects as the surfaces summarise them: counts by RAG, the phase × RAG grid and the overdue list.
import { dateLabel } from '../dates.js';
import { message, type Locale } from '../i18n/index.js';
import { vocabularyWord } from '../i18n/vocabulary-words.js';
import type { ConsolidatedView } from '../schemas.js';
import { PHASES, RAGS, type Phase, type Rag } from '../vocabulary.js';
import { councilNames } from './councils.js';

export interface PhaseRagRow {
  phase: Phase;
  /** Projects of this phase per RAG, in RAGS order. */
  counts: number[];
  total: number;
}

export interface OverdueProject {
  id: string;
  title: string;
  rag: Rag;
  /** "Beta, led by Cherwell District Council, due 31/01/2027". */
  detail: string;
}

export interface ProjectsReport {
  count: number;
  byRag: Record<Rag, number>;
  /** Every phase, in pipeline order, including those with no projects. */
  grid: PhaseRagRow[];
  overdue: OverdueProject[];
}

export function projectsReport(view: ConsolidatedView, locale: Locale = 'en'): ProjectsReport {
  const { items } = view.projects;
  const name = councilNames(view);
  const byRag = Object.fromEntries(RAGS.map((r) => [r, items.filter((p) => p.rag === r).length])) as Record<
    Rag,
    number
  >;
  const grid = PHASES.map((phase) => {
    const counts = RAGS.map((r) => items.filter((p) => p.phase === phase && p.rag === r).length);
    return { phase, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const overdue = items
    .filter((p) => p.overdue)
    .map((p) => ({
      id: p.id,
      title: p.title,
      rag: p.rag,
      detail: p.due
        ? message(locale, 'project.detailDue', {
            phase: vocabularyWord(locale, p.phase),
            lead: name(p.lead),
            date: dateLabel(p.due),
          })
        : message(locale, 'project.detail', { phase: vocabularyWord(locale, p.phase), lead: name(p.lead) }),
    }));
  return { count: items.length, byRag, grid, overdue };
}
