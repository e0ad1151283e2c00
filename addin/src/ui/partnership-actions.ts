// The partnership in the pane: the status board, the consolidated view written into the workbook,
// and the consolidated workbook downloaded (through the pane, or the system browser where the pane
// cannot save files).
import { periodLabel } from '../../../shared/dates.js';
import type { HostInfo } from '../excel/index.js';
import * as excel from '../excel/index.js';
import type { PaneContext } from './context.js';
import { h } from './dom.js';
import { message } from './feedback.js';
import { changesView, headlineView, statusBoardView } from './results.js';

export class PartnershipActions {
  constructor(
    private readonly ctx: PaneContext,
    private readonly host: HostInfo,
  ) {}

  statusBoard(): Promise<void> {
    return this.ctx.run('Status board', 'Fetching the status board…', async () => {
      const board = await this.ctx.session().api.status(this.ctx.target().period);
      this.ctx.result(statusBoardView(board));
    });
  }

  consolidated(): Promise<void> {
    return this.ctx.run('Consolidated view', 'Writing the consolidated view…', async () => {
      const view = await this.ctx.session().api.consolidated(this.ctx.target().period);
      const written = await excel.showConsolidated(view);
      const charts = written.charts.length;
      this.ctx.result(
        message(
          written.notices.length ? 'warning' : 'success',
          `Consolidated view for ${periodLabel(view.period)} written: ${written.summary} with ${charts} chart${charts === 1 ? '' : 's'} drawn from the tables, ${written.changes} and one sheet per table.`,
        ),
        ...written.notices.map((n) => message('info', n)),
        headlineView(view),
        changesView(view, written.changes, (target) => this.ctx.goToCell(target)),
      );
    });
  }

  download(): Promise<void> {
    return this.host.savesDownloads ? this.downloadHere() : this.downloadInBrowser();
  }

  /** Where the web view saves files (Windows, the web): the file comes through the pane. */
  private downloadHere(): Promise<void> {
    return this.ctx.run(
      'Download consolidated workbook',
      'Preparing the consolidated workbook…',
      async () => {
        const { period } = this.ctx.target();
        const blob = await this.ctx.session().api.consolidatedWorkbook(period);
        const name = `shared-cdo-consolidated-${period}.xlsx`;
        const link = h('a', { href: URL.createObjectURL(blob), download: name }, `Save ${name} again`);
        link.click();
        // The pane cannot see the save itself: it says what it handed over and how to do it again.
        this.ctx.result(
          message(
            'success',
            `The consolidated workbook for ${periodLabel(period)} was handed to your browser to save as ${name}. If no file appears, use the link below.`,
          ),
          h('p', {}, link),
        );
      },
    );
  }

  /**
   * Where the web view ignores downloads (Excel for Mac, iPad): a single-use link opened in the system
   * browser, which saves the file.
   */
  private downloadInBrowser(): Promise<void> {
    return this.ctx.run('Download consolidated workbook', 'Preparing a download link…', async () => {
      const { period } = this.ctx.target();
      const link = await this.ctx.session().api.downloadLink({ kind: 'consolidated', period });
      // The service's expiry, shown as a time of day: this computer's clock may be wrong, and a
      // difference from it could say "about -12 minutes".
      const until = new Date(link.expiresAt).toLocaleTimeString('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      });
      const anchor = h('a', { href: link.href, target: '_blank', rel: 'noopener' }, 'Open the download link');
      try {
        excel.openInBrowser(link.href);
      } catch {
        this.ctx.result(
          message(
            'warning',
            `Excel did not open your browser. Use the link below to download the consolidated workbook for ${periodLabel(period)}; it works once, until ${until}.`,
          ),
          h('p', {}, anchor),
        );
        return;
      }
      this.ctx.result(
        message(
          'info',
          `Your browser was asked to open a download link for the consolidated workbook for ${periodLabel(period)}; the browser saves it. The link works once, until ${until}. If your browser did not open, use the link below.`,
        ),
        h('p', {}, anchor),
      );
    });
  }
}
