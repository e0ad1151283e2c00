// The fixed vocabulary of DESIGN §2 (phases, RAG, skills) as a sentence in either language names it.
// The words stay English in the sheets, the JSON and the API: they are data there, and translated only
// where a person reads them in prose.
import type { Phase, Rag, Skill } from '../vocabulary.js';
import { message, type Locale, type PlainKey } from './index.js';

const WORD_KEYS: Readonly<Record<Phase | Rag | Skill, PlainKey>> = {
  Concept: 'phase.concept',
  Discovery: 'phase.discovery',
  Alpha: 'phase.alpha',
  Beta: 'phase.beta',
  Live: 'phase.live',
  Retired: 'phase.retired',
  Red: 'rag.red',
  Amber: 'rag.amber',
  Green: 'rag.green',
  'Delivery management': 'skill.deliveryManagement',
  'Service design': 'skill.serviceDesign',
  'User research': 'skill.userResearch',
  Development: 'skill.development',
  'Content design': 'skill.contentDesign',
  'Technology architecture': 'skill.technologyArchitecture',
  'Digital inclusion': 'skill.digitalInclusion',
  'Technology operations': 'skill.technologyOperations',
};

/** A phase, RAG or skill in `locale`; any other text (a council's own words) as it is. */
export function vocabularyWord(locale: Locale, value: string): string {
  const key = (WORD_KEYS as Readonly<Record<string, PlainKey>>)[value];
  return key ? message(locale, key) : value;
}
