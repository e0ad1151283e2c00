// The Office.js object model over the in-memory workbook, with Office.js's batching rules: methods and
// property writes are queued and applied in order on context.sync(); a property can be read only after
// it was loaded and synced (before that the read throws PropertyNotLoaded); *OrNullObject proxies learn
// whether they exist on sync; a request, or an answer, over 5 MB is refused as Excel on the web
// refuses it.
import { ExcelError } from '../model/types.js';
import type { Workbook } from '../model/workbook.js';
import { setAtMost } from '../model/typed-values.js';
import type { Batch, Proxy } from './proxy.js';
import { jsonBytes } from './proxy.js';
import { WorkbookProxy } from './workbook.js';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export class RequestContext implements Batch {
  private queue: (() => void)[] = [];
  private fresh: Proxy<unknown>[] = [];
  private bytes = 0;
  private writes = 0;
  /** The size of what this sync's loads answer, as JSON. */
  responseBytes = 0;
  private calculationSuspended = false;
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  readonly runtime = { enableEvents: true };

  constructor(readonly wb: Workbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.requires('1.6', 'Application.suspendApiCalculationUntilNextSync');
        this.enqueueRead(() => (this.calculationSuspended = true));
      },
    };
  }

  /**
   * A member of ExcelApi `set`: on an older Excel the request fails with ApiNotFound when it runs,
   * as Office.js reports a member the host does not have.
   */
  requires(set: string, member: string): void {
    if (setAtMost(set, this.wb.excelApi)) return;
    this.enqueueRead(() => {
      throw new ExcelError(
        'ApiNotFound',
        `The method or property ${member} is part of the ExcelApi ${set} requirement set, which is not available in your version of Office.`,
      );
    });
  }

  /** Queues a change to the workbook. */
  enqueue(op: () => void, payload?: unknown): void {
    this.queue.push(op);
    this.writes += 1;
    this.bytes += 64 + (payload === undefined ? 0 : jsonBytes(payload));
  }

  /** Queues something that changes nothing: a load, a selection, a calculation hint. */
  enqueueRead(op: () => void): void {
    this.queue.push(op);
    this.bytes += 64;
  }

  register(proxy: Proxy<unknown>): void {
    this.fresh.push(proxy);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    const proxies = this.fresh.splice(0);
    const bytes = this.bytes;
    const writes = this.writes;
    this.bytes = 0;
    this.writes = 0;
    this.wb.syncCount += 1;
    if (this.wb.cellEditMode) {
      this.calculationSuspended = false;
      throw new ExcelError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    }
    this.wb.largestRequestBytes = Math.max(this.wb.largestRequestBytes, bytes);
    if (bytes > REQUEST_LIMIT_BYTES) {
      throw new ExcelError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    await Promise.resolve();
    if (writes > 0 && this.wb.readOnly) {
      for (const proxy of proxies) proxy.settle();
      throw new ExcelError('AccessDenied', 'You cannot perform the requested operation.');
    }
    this.responseBytes = 0;
    try {
      for (const op of ops) op();
      if (this.responseBytes > REQUEST_LIMIT_BYTES) {
        this.wb.refusedAnswers += 1;
        throw new ExcelError(
          'ResponsePayloadSizeLimitExceeded',
          'The response payload size has exceeded the limit.',
        );
      }
      // The largest answer Excel gave (a refused one is not given).
      this.wb.largestResponseBytes = Math.max(this.wb.largestResponseBytes, this.responseBytes);
    } finally {
      for (const proxy of proxies) proxy.settle();
      if (this.calculationSuspended) this.wb.suspendedSyncs += 1;
      this.calculationSuspended = false;
    }
  }
}
