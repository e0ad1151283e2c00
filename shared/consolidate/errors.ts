import { spoken, type Say } from '../i18n/say.js';

/** Settings that make the consolidated view impossible to compute; `sheet` names the partnership sheet to fix. */
export class ConsolidationError extends Error {
  readonly sheet: string;
  /** What the message says, for a reader of another language (the message is English). */
  readonly say: Say;

  constructor(sheet: string, said: Say) {
    super(spoken('en', said));
    this.name = 'ConsolidationError';
    this.sheet = sheet;
    this.say = said;
  }
}
