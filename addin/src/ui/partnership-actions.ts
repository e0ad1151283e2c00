// The partnership in the pane: the status board, the consolidated view written into the workbook,
// and the consolidated workbook downloaded (through the pane, or the system browser where the pane
// cannot save files).
import type { HostInfo } from '../excel/index.js';
import * as excel from '../excel/index.js';
import type { PaneContext } from './context.js';
import { h } from './dom.js';
import { message } from './feedback.js';
import { changesView, headlineView, statusBoardView } from './results.js';
import { monthName, t } from '../words.js';

export class PartnershipActions {
  constructor(
    private readonly ctx: PaneContext,
    private readonly host: HostInfo,
  ) {}

  statusBoard(): Promise<void> {
    return this.ctx.run('pane.statusBoard', t('pane.status.progress'), async () => {
      const board = await this.ctx.session().api.status(this.ctx.target().period);
      this.ctx.result(() => [statusBoardView(board)]);
    });
  }

  consolidated(): Promise<void> {
    return this.ctx.run('pane.consolidated', t('pane.consolidated.progress'), async () => {
      const view = await this.ctx.session().api.consolidated(this.ctx.target().period);
      const written = await excel.showConsolidated(view);
      const count = written.charts.length;
      // What Excel's code noticed as it wrote the sheets, as it said it then.
      const notices = written.notices.map((n) => message('info', n));
      this.ctx.result(() => {
        const done = {
          month: monthName(view.period),
          summary: written.summary,
          count,
          changes: written.changes,
        };
        return [
          message(
            written.notices.length ? 'warning' : 'success',
            count === 1 ? t('pane.consolidated.doneOne', done) : t('pane.consolidated.doneMany', done),
          ),
          ...notices,
          headlineView(view),
          changesView(view, written.changes, (target) => this.ctx.goToCell(target)),
        ];
      });
    });
  }

  download(): Promise<void> {
    return this.host.savesDownloads ? this.downloadHere() : this.downloadInBrowser();
  }

  /** Where the web view saves files (Windows, the web): the file comes through the pane. */
  private downloadHere(): Promise<void> {
    return this.ctx.run('pane.download', t('pane.download.progress'), async () => {
      const { period } = this.ctx.target();
      const blob = await this.ctx.session().api.consolidatedWorkbook(period);
      const name = `shared-cdo-consolidated-${period}.xlsx`;
      const href = URL.createObjectURL(blob);
      const link = () => h('a', { href, download: name }, t('pane.download.saveAgain', { name }));
      link().click();
      // The pane cannot see the save itself: it says what it handed over and how to do it again.
      this.ctx.result(() => [
        message('success', t('pane.download.handed', { month: monthName(period), name })),
        h('p', {}, link()),
      ]);
    });
  }

  /**
   * Where the web view ignores downloads (Excel for Mac, iPad): a single-use link opened in the system
   * browser, which saves the file.
   */
  private downloadInBrowser(): Promise<void> {
    return this.ctx.run('pane.download', t('pane.download.linkProgress'), async () => {
      const { period } = this.ctx.target();
      const link = await this.ctx.session().api.downloadLink({ kind: 'consolidated', period });
      // The service's expiry, shown as a time of day: this computer's clock may be wrong, and a
      // difference from it could say "about -12 minutes".
      const until = new Date(link.expiresAt).toLocaleTimeString('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      });
      const anchor = () =>
        h('a', { href: link.href, target: '_blank', rel: 'noopener' }, t('pane.download.openLink'));
      try {
        excel.openInBrowser(link.href);
      } catch {
        this.ctx.result(() => [
          message('warning', t('pane.download.browserRefused', { month: monthName(period), time: until })),
          h('p', {}, anchor()),
        ]);
        return;
      }
      this.ctx.result(() => [
        message('info', t('pane.download.browserAsked', { month: monthName(period), time: until })),
        h('p', {}, anchor()),
      ]);
    });
  }
}
