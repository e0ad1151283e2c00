// Range: values, number formats, fills, fonts, column widths, data validation and conditional formats,
// with the limits Excel sets on each.
import { formatAddress, overlaps } from '../model/addresses.js';
import type { ConditionalFormat, Rect, Sheet } from '../model/types.js';
import { ExcelError } from '../model/types.js';
import { ConditionalFormatProxy } from './conditional-format.js';
import type { Batch } from './proxy.js';
import { INVALID_ARGUMENT, notLoaded, Proxy, wire } from './proxy.js';

/** Excel's data validation limits (MS-XLS DValStrings; "Add data validation to Excel ranges"). */
export const VALIDATION_LIMITS = { title: 32, prompt: 255, errorMessage: 225, inlineList: 255 } as const;
const RULE_TYPES = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];

/** `a` less `b`: up to four rectangles. */
function subtract(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const parts: Rect[] = [];
  if (a.r0 < b.r0) parts.push({ ...a, r1: b.r0 - 1 });
  if (a.r1 > b.r1) parts.push({ ...a, r0: b.r1 + 1 });
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  if (a.c0 < b.c0) parts.push({ r0, r1, c0: a.c0, c1: b.c0 - 1 });
  if (a.c1 > b.c1) parts.push({ r0, r1, c0: b.c1 + 1, c1: a.c1 });
  return parts;
}

export interface RangeTarget {
  sheet: Sheet;
  rect: Rect;
}

/** The sheet, unless it is hidden: Excel cannot show (activate, select in) a hidden sheet. */
export function visibleSheet(sheet: Sheet): Sheet {
  if (sheet.visibility !== 'Visible')
    throw new ExcelError('InvalidOperation', `The sheet ${sheet.name} is hidden and cannot be activated.`);
  return sheet;
}

export class RangeProxy extends Proxy<RangeTarget> {
  readonly format: {
    fill: { color: string; clear: () => void };
    font: { bold: boolean };
    wrapText: boolean;
    columnWidth: number;
  };
  readonly dataValidation: { clear: () => void; rule: unknown; errorAlert: unknown; prompt: unknown };
  readonly conditionalFormats: { clearAll: () => void; add: (type: string) => ConditionalFormatProxy };

  constructor(ctx: Batch, resolve: () => RangeTarget, nullable = false) {
    super(ctx, resolve, nullable);
    const change = (op: (t: RangeTarget) => void, payload?: unknown) => this.formatting(op, payload);
    const wb = ctx.wb;
    this.format = {
      fill: {
        set color(value: string) {
          change((t) => wb.setFill(t.sheet, t.rect, value), value);
        },
        get color(): string {
          throw notLoaded('color');
        },
        clear: () => change((t) => wb.setFill(t.sheet, t.rect, undefined)),
      },
      font: {
        set bold(_value: boolean) {
          change(() => undefined);
        },
        get bold(): boolean {
          throw notLoaded('bold');
        },
      },
      // Wrapping is not kept (nothing the tests read depends on it); a value not a boolean is refused.
      set wrapText(value: boolean) {
        change(() => {
          if (typeof value !== 'boolean') throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
        }, value);
      },
      get wrapText(): boolean {
        throw notLoaded('wrapText');
      },
      set columnWidth(value: number) {
        change((t) => {
          for (let c = t.rect.c0; c <= Math.min(t.rect.c1, t.rect.c0 + 200); c++)
            t.sheet.columnWidths.set(c, value);
        });
      },
      get columnWidth(): number {
        throw notLoaded('columnWidth');
      },
    };
    const sameRect = (a: Rect, b: Rect) => a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
    const entry = (t: RangeTarget) => {
      let found = t.sheet.validations.find((v) => sameRect(v.rect, t.rect));
      if (!found) {
        found = { rect: { ...t.rect }, rule: undefined };
        t.sheet.validations.push(found);
      }
      return found;
    };
    const invalid = (why: string) => new ExcelError('InvalidArgument', `${INVALID_ARGUMENT} (${why})`);
    const longer = (text: unknown, limit: number) => typeof text === 'string' && text.length > limit;
    // Data validation is ExcelApi 1.8; its rules, limits and clear() as "Add data validation to Excel
    // ranges" and office-js #2594 describe them.
    const validation = (op: (t: RangeTarget) => void, payload?: unknown) => {
      ctx.requires('1.8', 'Range.dataValidation');
      change(op, payload);
    };
    this.dataValidation = {
      // Clears the cells of this range only: a rule over more cells keeps the cells outside it.
      clear: () =>
        validation((t) => {
          t.sheet.validations = t.sheet.validations.flatMap((v) =>
            subtract(v.rect, t.rect).map((rect) => ({ ...v, rect })),
          );
        }),
      set rule(value: unknown) {
        const sent = wire(value) as Record<string, unknown> | null;
        validation((t) => {
          const types = Object.keys(sent ?? {}).filter((k) => RULE_TYPES.includes(k));
          if (types.length !== 1) throw invalid(`a rule has exactly one type, not ${types.join(', ')}`);
          const source = (sent?.list as { source?: unknown } | undefined)?.source;
          if (
            typeof source === 'string' &&
            !source.startsWith('=') &&
            source.length > VALIDATION_LIMITS.inlineList
          )
            throw invalid(`a list typed in the rule is at most ${VALIDATION_LIMITS.inlineList} characters`);
          // A rule over cells with other validation (mixed) is refused; the same cells' rule must be
          // cleared first.
          if (
            t.sheet.validations.some(
              (v) => v.rule !== undefined && overlaps(v.rect, t.rect) && !sameRect(v.rect, t.rect),
            )
          )
            throw invalid('the range has mixed data validation; clear it first');
          const target = entry(t);
          if (target.rule !== undefined)
            throw new ExcelError('InvalidOperation', 'Clear the data validation before setting a new rule.');
          target.rule = sent;
        }, value);
      },
      get rule(): unknown {
        throw notLoaded('rule');
      },
      set errorAlert(value: unknown) {
        const sent = wire(value) as { title?: unknown; message?: unknown } | null;
        validation((t) => {
          if (longer(sent?.title, VALIDATION_LIMITS.title))
            throw invalid(`an error alert's title is at most ${VALIDATION_LIMITS.title} characters`);
          if (longer(sent?.message, VALIDATION_LIMITS.errorMessage))
            throw invalid(`an error alert's message is at most ${VALIDATION_LIMITS.errorMessage} characters`);
          entry(t).errorAlert = sent;
        }, value);
      },
      get errorAlert(): unknown {
        throw notLoaded('errorAlert');
      },
      set prompt(value: unknown) {
        const sent = wire(value) as { title?: unknown; message?: unknown } | null;
        validation((t) => {
          if (longer(sent?.title, VALIDATION_LIMITS.title))
            throw invalid(`a prompt's title is at most ${VALIDATION_LIMITS.title} characters`);
          if (longer(sent?.message, VALIDATION_LIMITS.prompt))
            throw invalid(`a prompt's message is at most ${VALIDATION_LIMITS.prompt} characters`);
          entry(t).prompt = sent;
        }, value);
      },
      get prompt(): unknown {
        throw notLoaded('prompt');
      },
    };
    const conditional = (op: (t: RangeTarget) => void) => {
      ctx.requires('1.6', 'Range.conditionalFormats');
      change(op);
    };
    this.conditionalFormats = {
      clearAll: () =>
        conditional((t) => {
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => !sameRect(f.rect, t.rect));
        }),
      add: (type: string) => {
        const holder: { format?: ConditionalFormat } = {};
        conditional((t) => {
          holder.format = { rect: { ...t.rect }, type };
          t.sheet.conditionalFormats.push(holder.format);
        });
        return new ConditionalFormatProxy(ctx, holder);
      },
    };
  }

  protected read(prop: string, t: RangeTarget): unknown {
    const wb = this.ctx.wb;
    switch (prop) {
      case 'values':
        return wb.values(t.sheet, t.rect);
      case 'numberFormat':
        return wb.formats(t.sheet, t.rect);
      case 'address':
        return formatAddress(t.sheet.name, t.rect);
      case 'rowCount':
        return t.rect.r1 - t.rect.r0 + 1;
      case 'columnCount':
        return t.rect.c1 - t.rect.c0 + 1;
      case 'rowIndex':
        return t.rect.r0;
      case 'columnIndex':
        return t.rect.c0;
      default:
        throw new ExcelError('InvalidArgument', `The fake does not load Range.${prop}.`);
    }
  }

  get values(): unknown[][] {
    return this.loaded('values');
  }
  set values(grid: unknown[][]) {
    const sent = wire(grid);
    this.cells(
      (t) => this.eachCell(t, sent, 'values', (r, c, v) => this.ctx.wb.write(t.sheet, r, c, v)),
      grid,
    );
  }
  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(grid: unknown[][]) {
    const sent = wire(grid);
    this.cells(
      (t) => this.eachCell(t, sent, 'numberFormat', (r, c, v) => this.ctx.wb.setFormat(t.sheet, r, c, v)),
      grid,
    );
  }

  /** A change to the cells' contents: refused on a protected sheet or a filtered table. */
  private cells(op: (t: RangeTarget) => void, payload?: unknown): void {
    this.change((t) => {
      this.ctx.wb.guardChange(t.sheet, t.rect, 'cells');
      op(t);
    }, payload);
  }

  /** A change to the cells' formats or rules: refused on a protected sheet. */
  private formatting(op: (t: RangeTarget) => void, payload?: unknown): void {
    this.change((t) => {
      this.ctx.wb.guardChange(t.sheet, t.rect, 'format');
      op(t);
    }, payload);
  }
  get address(): string {
    return this.loaded('address');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }

  private eachCell(
    t: RangeTarget,
    grid: unknown[][],
    what: string,
    write: (r: number, c: number, v: unknown) => void,
  ) {
    const rows = t.rect.r1 - t.rect.r0 + 1;
    const cols = t.rect.c1 - t.rect.c0 + 1;
    if (
      !Array.isArray(grid) ||
      grid.length !== rows ||
      grid.some((row) => !Array.isArray(row) || row.length !== cols)
    ) {
      throw new ExcelError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${formatAddress(t.sheet.name, t.rect)}).`,
      );
    }
    grid.forEach((row, i) => row.forEach((v, j) => write(t.rect.r0 + i, t.rect.c0 + j, v)));
  }

  delete(shift: string): void {
    if (shift !== 'Up')
      throw new ExcelError('NotImplemented', `The fake deletes with shift Up only, not ${shift}.`);
    this.change((t) => this.ctx.wb.deleteUp(t.sheet, t.rect));
  }

  clear(applyTo = 'All'): void {
    this.change((t) => {
      this.ctx.wb.clearContents(t.sheet, t.rect);
      if (applyTo === 'All' || applyTo === 'Formats') this.ctx.wb.setFill(t.sheet, t.rect, undefined);
    });
  }

  /** The cells this range stands for, when the batch runs (for methods that take a Range). */
  target(): RangeTarget {
    return this.resolve();
  }

  select(): void {
    this.ctx.enqueueRead(() => {
      const t = this.resolve();
      this.ctx.wb.activeSheet = visibleSheet(t.sheet).name;
      this.ctx.wb.selection = formatAddress(t.sheet.name, t.rect);
    });
  }
}

/** The cells a Range argument stands for, when the batch runs; anything but a Range is refused. */
export function rangeArgument(value: unknown): RangeTarget {
  if (!(value instanceof RangeProxy)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
  return value.target();
}
