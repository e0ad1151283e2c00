// Drives the real task pane in headless Chromium: the page comes from the real service; only office.js
// is replaced by the in-memory Excel of fake-office/, and every other outside address is blocked.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { OFFICE_JS_URL } from '../../../server/routes/addin.js';
import type { FakeNaaConfig } from '../fake-office/naa-bridge.js';

export const SCREENSHOT_DIR =
  process.env.SCREENSHOT_DIR ?? path.join(tmpdir(), 'shared-cdo-pane-screenshots');

/** The pane's document: a page, or the frame an Office host page put it in. */
export type PaneView = Page | Frame;

const seen = new WeakMap<Page, { errors: string[]; blocked: string[] }>();

export interface PaneOptions {
  partitionKey?: string;
  theme?: { bodyBackgroundColor: string; bodyForegroundColor: string };
  width?: number;
  /** The pane's clock: the period picker offers the months around it. */
  now?: Date;
  /** The query of the pane's page, e.g. `?sign-in=dialog&lang=cy` for the page Office's sign-in dialog opens. */
  query?: string;
  /** Open the pane as a plain browser tab would, outside Office. */
  outsideOffice?: boolean;
  /** Office.context.platform, e.g. 'Mac' (default 'OfficeOnline'). */
  platform?: string;
  /** Office.context.displayLanguage, e.g. 'cy-GB' for Office in Welsh (default the host's, en-GB). */
  displayLanguage?: string;
  /** The newest ExcelApi set the host has, e.g. '1.7' for an Excel too old (default 1.12). */
  excelApi?: string;
  /** The workbook is open read-only (View mode). */
  readOnly?: boolean;
  /** The host signs in with nested app authentication as this person (fake-office/naa-bridge.ts). */
  naa?: FakeNaaConfig;
  /** Which Excel (fake-office/host-profiles.ts): 'web' (default), 'windows' or 'mac'. */
  host?: 'windows' | 'mac' | 'web';
  /** How Office's sign-in dialog ends (fake-office/office.ts). */
  dialog?: { accessToken: string; expiresIn: number } | 'closed' | 'unsupported';
  /** office.js cannot be fetched (Microsoft's CDN blocked or down). */
  officeJsUnreachable?: boolean;
  /** The browser refuses storage to the pane (third-party storage blocked): localStorage throws. */
  storageBlocked?: boolean;
  /**
   * An origin standing in for an Office host (e.g. https://onedrive.live.com): the page opened is a
   * host page there that frames the pane, as Excel on the web does. Use paneFrame() to reach it.
   */
  framedBy?: string;
}

/** The pane inside the host page that `openPane({ framedBy })` opened. */
export async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#taskpane');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The host page has no task pane frame.');
  return frame;
}

/** A new page (and so a new, empty workbook) with the pane loaded from `serviceUrl`. */
export async function openPane(
  browser: Browser,
  serviceUrl: string,
  fakeOffice: string,
  options: PaneOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 340, height: 900 },
    acceptDownloads: true,
    // The councils' own time zone: times the pane shows are read in it.
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  if (options.now) await page.clock.setFixedTime(options.now);
  const blocked: string[] = [];
  // First the catch-all that keeps the outside world out; then office.js, which (registered last) wins.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(serviceUrl)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await page.route(OFFICE_JS_URL, (route) =>
    options.officeJsUnreachable
      ? route.abort('internetdisconnected')
      : route.fulfill({ status: 200, contentType: 'application/javascript', body: fakeOffice }),
  );
  if (options.storageBlocked) {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
  }
  const {
    partitionKey,
    theme,
    outsideOffice,
    platform,
    displayLanguage,
    excelApi,
    readOnly,
    naa,
    host,
    dialog,
  } = options;
  await page.addInitScript(
    (config) => {
      (globalThis as { __fakeOfficeConfig?: unknown }).__fakeOfficeConfig = config;
    },
    { partitionKey, theme, outsideOffice, platform, displayLanguage, excelApi, readOnly, naa, host, dialog },
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  seen.set(page, { errors, blocked });
  const pane = `${serviceUrl}/addin/taskpane.html${options.query ?? ''}`;
  if (options.framedBy) {
    const host = `${options.framedBy}/excel/host.html`;
    await page.route(host, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Excel</title><iframe id="taskpane" title="Shared CDO" src="${pane}" style="width:350px;height:860px;border:0"></iframe></html>`,
      }),
    );
    await page.goto(host);
  } else {
    await page.goto(pane);
  }
  return page;
}

/** Uncaught errors in the pane, and outside addresses it tried to reach. */
export const pageProblems = (page: Page): { errors: string[]; blocked: string[] } =>
  seen.get(page) ?? { errors: [], blocked: [] };

/** Waits until the pane is idle: no action running, no spinner. */
export async function settled(page: PaneView, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('#pane[aria-busy]') && !document.querySelector('.busy fluent-spinner'),
    undefined,
    { timeout },
  );
}

export async function connect(page: PaneView, token: string): Promise<void> {
  await page.locator('#token input').fill(token);
  await page.locator('#connect').click();
  await settled(page);
}

export async function act(page: PaneView, id: string, timeout?: number): Promise<void> {
  await page.locator(`#${id}`).click();
  await settled(page, timeout);
}

export async function outputText(page: PaneView): Promise<string> {
  return (await page.locator('.output').innerText()).replace(/\s+/g, ' ').trim();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The fake workbook's state, as the test sees it. */
export interface FakeSheet {
  name: string;
  visibility: string;
  frozenRows: number;
  values: (string | number | boolean)[][];
  formulas: [string, string][];
  fills: Record<string, string>;
  formats: Record<string, string>;
  validations: { address: string; rule: unknown }[];
  conditionalFormats: { address: string; type: string; rule: unknown; fill?: string }[];
  charts: FakeChart[];
}

/** A chart as the fake shows it: each series with the cells it is bound to and what it shows now. */
export interface FakeChart {
  name: string;
  type: string;
  title: string;
  source: string;
  seriesBy: string;
  position?: { from: string; to?: string };
  axisFormats: { value?: string; category?: string };
  displayBlanksAs: string;
  legendPosition?: string;
  categoryAxis: { reversePlotOrder?: boolean; position?: string };
  series: {
    name: string;
    nameRef?: string;
    values?: string;
    xValues?: string;
    fill?: string;
    lineColor?: string;
    lineStyle?: string;
    shows: (string | number | boolean)[];
    categories: (string | number | boolean)[];
  }[];
}

type Fake = {
  type(sheet: string, address: string, rows: unknown[][]): void;
  addSheet(name: string): void;
  activate(name: string): void;
  sheet(name: string): FakeSheet | undefined;
  sheetNames(): string[];
  tables(): { name: string; sheet: string; address: string; headers: string[] }[];
  settings(): Record<string, unknown>;
  openedInBrowser(): string[];
  openedDialogs(): string[];
  sentToParent(): string[];
  openedWindows(): string[];
  selection(): { activeSheet?: string; selection?: string };
  stats(): {
    syncCount: number;
    largestRequestBytes: number;
    largestResponseBytes: number;
    refusedAnswers: number;
    suspendedSyncs: number;
  };
  resetStats(): void;
};

export function excel(page: PaneView) {
  const call = <K extends keyof Fake>(name: K, ...args: Parameters<Fake[K]>): Promise<ReturnType<Fake[K]>> =>
    page.evaluate(
      ([n, a]) => {
        const fake = (globalThis as unknown as { __fakeExcel: Record<string, (...x: unknown[]) => unknown> })
          .__fakeExcel;
        return fake[n as string]!(...(a as unknown[]));
      },
      [name, args] as const,
    ) as Promise<ReturnType<Fake[K]>>;
  return {
    type: (sheet: string, address: string, rows: unknown[][]) => call('type', sheet, address, rows),
    addSheet: (name: string) => call('addSheet', name),
    activate: (name: string) => call('activate', name),
    sheet: async (name: string) => (await call('sheet', name)) as FakeSheet,
    sheetNames: () => call('sheetNames'),
    tables: () => call('tables'),
    settings: () => call('settings'),
    openedInBrowser: () => call('openedInBrowser'),
    openedDialogs: () => call('openedDialogs'),
    sentToParent: () => call('sentToParent'),
    openedWindows: () => call('openedWindows'),
    selection: () => call('selection'),
    stats: () => call('stats'),
    resetStats: () => call('resetStats'),
  };
}

/** Rows a council officer types that pass Check. */
export async function typeValidReturn(page: PaneView): Promise<void> {
  const wb = excel(page);
  await wb.type('Contributions', 'A2:I2', [
    ['2026-10', 'Cash', 'Shared team', 1000, '', '', '', 'INV-1', ''],
  ]);
  await wb.type('Skills', 'A2:G2', [
    [
      'Sam Jones',
      'sam.jones@cherwell.example',
      'Council',
      'Cherwell District Council',
      'Service design',
      'Working',
      2,
    ],
  ]);
  await wb.type('Projects', 'A2:H2', [
    ['WEB-01', 'Website', 'Digital government', 'cherwell', '', '', 'Beta', 'Green'],
  ]);
}
