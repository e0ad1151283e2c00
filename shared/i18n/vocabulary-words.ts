// The fixed vocabulary of DESIGN §2 (phases, RAG, skills, cost-share methods) as a sentence in either language names it.
// The words stay English in the sheets, the JSON and the API: they are data there, and translated only
// where a person reads them in prose.
import type { CostShareMethod, Phase, Rag, Skill } from '../vocabulary.js';
import { message, type Locale, type PlainKey } from './index.js';

const WORD_KEYS: Readonly<Record<Phase | Rag | Skill | CostShareMethod, PlainKey>> = {
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
  Equal: 'method.equal',
  Population: 'method.population',
  Hybrid: 'method.hybrid',
  Usage: 'method.usage',
  Fixed: 'method.fixed',
};

/** A phase, RAG, skill or method in `locale`; any other text (a council's own words) as it is. */
export function vocabularyWord(locale: Locale, value: string): string {
  const key = (WORD_KEYS as Readonly<Record<string, PlainKey>>)[value];
  return key ? message(locale, key) : value;
}
