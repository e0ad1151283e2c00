/** Settings that make the consolidated view impossible to compute; `sheet` names the partnership sheet to fix. */
export class ConsolidationError extends Error {
  readonly sheet: string;

  constructor(sheet: string, message: string) {
    super(message);
    this.name = 'ConsolidationError';
    this.sheet = sheet;
  }
}
