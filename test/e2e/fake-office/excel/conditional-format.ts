import type { ConditionalFormat } from '../model/types.js';
import { ExcelError } from '../model/types.js';
import type { Batch } from './proxy.js';
import { notLoaded } from './proxy.js';

export class ConditionalFormatProxy {
  readonly textComparison: {
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
    rule: unknown;
  };
  constructor(ctx: Batch, holder: { format?: ConditionalFormat }) {
    const change = (op: (f: ConditionalFormat) => void) =>
      ctx.enqueue(() => {
        if (!holder.format) throw new ExcelError('ItemNotFound', 'The conditional format was not created.');
        op(holder.format);
      });
    this.textComparison = {
      format: {
        fill: {
          set color(value: string) {
            change((f) => (f.fill = value));
          },
          get color(): string {
            throw notLoaded('color');
          },
        },
        font: {
          set color(value: string) {
            change((f) => (f.font = { ...f.font, color: value }));
          },
          get color(): string {
            throw notLoaded('color');
          },
          set bold(value: boolean) {
            change((f) => (f.font = { ...f.font, bold: value }));
          },
          get bold(): boolean {
            throw notLoaded('bold');
          },
        },
      },
      set rule(value: unknown) {
        change((f) => (f.rule = JSON.parse(JSON.stringify(value))));
      },
      get rule(): unknown {
        throw notLoaded('rule');
      },
    };
  }
}
