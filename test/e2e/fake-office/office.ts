// The fake office.js served to the real task pane in Chromium in place of Microsoft's CDN script:
// `Office` and `Excel` globals over one in-memory workbook, and `__fakeExcel` for the test to type
// into cells and look at what the pane did.
import { seriesName } from './excel/chart-rules.js';
import { RequestContext } from './excel/request-context.js';
import { EXCEL_ENUMS } from './enums.js';
import { installNaaBridge, naaRequests, type FakeNaaConfig } from './naa-bridge.js';
import { formatAddress, parseAddress } from './model/addresses.js';
import { setAtMost } from './model/typed-values.js';
import type { CellValue, Chart, SheetRange, Sheet } from './model/types.js';
import { Workbook } from './model/workbook.js';
import { HOST_PROFILES, type HostProfileName } from './host-profiles.js';

interface FakeOfficeConfig {
  partitionKey?: string;
  theme?: { bodyBackgroundColor: string; bodyForegroundColor: string };
  /** Run as if outside Office (a plain browser tab). */
  outsideOffice?: boolean;
  /**
   * Which Excel: 'web' (default), 'windows' or 'mac' (host-profiles.ts): its platform, whether it has
   * openBrowserWindow, and whether window.open works in its web view.
   */
  host?: HostProfileName;
  /** Office.context.platform, overriding the profile's: 'OfficeOnline', 'PC', 'Mac', 'iOS'… */
  platform?: string;
  /** Office.context.displayLanguage, overriding the profile's en-GB: 'cy-GB' for Office in Welsh. */
  displayLanguage?: string;
  /** The newest ExcelApi requirement set this Excel has (default 1.12): '1.7' is an Excel too old. */
  excelApi?: string;
  /** The workbook is open read-only (View mode): every change is refused with AccessDenied. */
  readOnly?: boolean;
  /** A host with nested app authentication, signed in as this person; absent, the host has none. */
  naa?: FakeNaaConfig;
  /**
   * How the sign-in dialog (Office's dialog API) ends, as the pane's dialog page would report it: the
   * token it got, or the user closing the window. Absent, a dialog stays open.
   */
  dialog?: { accessToken: string; expiresIn: number } | 'closed' | 'unsupported';
}

const config: FakeOfficeConfig =
  (globalThis as { __fakeOfficeConfig?: FakeOfficeConfig }).__fakeOfficeConfig ?? {};
const workbook = new Workbook();
workbook.readOnly = config.readOnly ?? false;
workbook.excelApi = config.excelApi ?? '1.12';
const profileFor: Record<string, HostProfileName> = { PC: 'windows', Mac: 'mac' };
const profile = HOST_PROFILES[config.host ?? profileFor[config.platform ?? ''] ?? 'web'];
const platform = config.platform ?? profile.platform;
/** URLs the pane asked Office to open in the system browser. */
const openedInBrowser: string[] = [];
/** URLs the pane tried to open with window.open. */
const openedWindows: string[] = [];
/** URLs the pane opened in Office dialogs. */
const openedDialogs: string[] = [];
/** What this page, open as a dialog, sent to the pane that opened it (messageParent). */
const sentToParent: string[] = [];

type DialogHandler = (arg: { message: string } | { error: number }) => void;

/**
 * Office.context.ui.displayDialogAsync (DialogApi 1.1): opens `url` in a dialog; here the dialog's end
 * is the test's: a message from the page, or the user closing it (DialogEventReceived 12006).
 */
function displayDialogAsync(
  url: string,
  _options: unknown,
  callback: (result: { status: string; value: unknown; error?: { code: number; message: string } }) => void,
): void {
  openedDialogs.push(url);
  const handlers = new Map<string, DialogHandler>();
  const dialog = {
    addEventHandler: (type: string, handler: DialogHandler) => handlers.set(type, handler),
    close: () => undefined,
  };
  setTimeout(() => callback({ status: 'succeeded', value: dialog }), 0);
  const end = config.dialog;
  if (!end || end === 'unsupported') return;
  setTimeout(() => {
    if (end === 'closed') handlers.get('dialogEventReceived')?.({ error: 12006 });
    else
      handlers.get('dialogMessageReceived')?.({
        message: JSON.stringify({
          status: 'success',
          accessToken: end.accessToken,
          expiresOn: new Date(Date.now() + end.expiresIn * 1000).toISOString(),
        }),
      });
  }, 10);
}

// Desktop Excel's web views (WebView2, WKWebView) do not open pop-up windows: window.open gives null
// (MSAL-js #3484, #5670; office-js #2184).
if (!profile.windowOpenWorks) {
  window.open = (url?: string | URL) => {
    openedWindows.push(String(url ?? ''));
    return null;
  };
}

const Office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  PlatformType: {
    PC: 'PC',
    OfficeOnline: 'OfficeOnline',
    Mac: 'Mac',
    iOS: 'iOS',
    Android: 'Android',
    Universal: 'Universal',
  },
  onReady(callback?: (info: { host: string | null; platform: string | null }) => void) {
    const info = config.outsideOffice ? { host: null, platform: null } : { host: 'Excel', platform };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    partitionKey: config.partitionKey,
    platform: config.outsideOffice ? null : platform,
    displayLanguage: config.displayLanguage ?? profile.displayLanguage,
    // OpenBrowserWindowApi 1.1 is on desktop Excel only, not on the web ("Open browser window API
    // requirement sets"); it opens http and https addresses only.
    ui: {
      displayDialogAsync,
      messageParent: (text: string) => void sentToParent.push(text),
      ...(profile.openBrowserWindow
        ? {
            openBrowserWindow(url: string): void {
              if (!/^https?:\/\//.test(url))
                throw new Error(`openBrowserWindow needs an absolute URL, not ${url}`);
              openedInBrowser.push(url);
            },
          }
        : {}),
    },
    officeTheme: config.theme
      ? {
          ...config.theme,
          controlBackgroundColor: config.theme.bodyBackgroundColor,
          controlForegroundColor: config.theme.bodyForegroundColor,
        }
      : undefined,
    requirements: {
      // Requirement sets are versioned major.minor: 1.8 comes before 1.12.
      isSetSupported: (name: string, version = '1.1') => {
        if (name === 'ExcelApi') return setAtMost(version, workbook.excelApi);
        // NestedAppAuth is there only where the host has the bridge ("NestedAppAuth requirement sets").
        if (name === 'NestedAppAuth') return Boolean(config.naa) && setAtMost(version, '1.1');
        if (name === 'OpenBrowserWindowApi') return profile.openBrowserWindow && setAtMost(version, '1.1');
        if (name === 'DialogApi') return config.dialog !== 'unsupported' && setAtMost(version, '1.2');
        return false;
      },
    },
  },
};

const Excel = {
  async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    const context = new RequestContext(workbook);
    const result = await batch(context);
    if (context.pending) await context.sync();
    return result;
  },
  ...EXCEL_ENUMS,
};

const refAddress = (ref: SheetRange | undefined): string | undefined =>
  ref ? (ref.broken ? '#REF!' : formatAddress(ref.sheet.name, ref.rect)) : undefined;

/** A chart as the test sees it: each series with the cells it is bound to and what it shows now. */
function chartView(chart: Chart) {
  return {
    name: chart.name,
    type: chart.type,
    title: chart.title,
    source: chart.source,
    seriesBy: chart.seriesBy,
    position: chart.position,
    axisFormats: { ...chart.axisFormats },
    displayBlanksAs: chart.displayBlanksAs,
    legendPosition: chart.legendPosition,
    categoryAxis: { ...chart.categoryAxis },
    series: chart.series.map((s) => ({
      name: seriesName(workbook, s),
      nameRef: refAddress(s.nameRef),
      values: refAddress(s.values),
      xValues: refAddress(s.xValues),
      fill: s.fill,
      lineColor: s.lineColor,
      lineStyle: s.lineStyle,
      shows: workbook.readRange(s.values),
      categories: workbook.readRange(s.xValues),
    })),
  };
}

function sheetView(sheet: Sheet) {
  const used = workbook.usedRect(sheet);
  const fills: Record<string, string> = {};
  const formats: Record<string, string> = {};
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    const address = formatAddress(undefined, { r0: r, c0: c, r1: r, c1: c });
    if (cell.fill) fills[address] = cell.fill;
    if (cell.numberFormat !== 'General') formats[address] = cell.numberFormat;
  }
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    frozenRows: sheet.frozenRows,
    values: used ? workbook.values(sheet, { ...used, r0: 0, c0: 0 }) : [],
    formulas: [...sheet.cells.entries()].filter(([, c]) => c.formula).map(([k, c]) => [k, c.formula]),
    fills,
    formats,
    // Rules only: a range with an input prompt and no rule validates nothing.
    validations: sheet.validations
      .filter((v) => v.rule !== undefined)
      .map((v) => ({ address: formatAddress(undefined, v.rect), rule: v.rule })),
    conditionalFormats: sheet.conditionalFormats.map((f) => ({
      address: formatAddress(undefined, f.rect),
      type: f.type,
      rule: f.rule,
      fill: f.fill,
    })),
    charts: sheet.charts.map((c) => chartView(c)),
  };
}

const fake = {
  /** What a user typing into cells would do: each value as if typed, formats kept. */
  type(sheetName: string, address: string, rows: CellValue[][]): void {
    const sheet = workbook.requireSheet(sheetName);
    const { rect } = parseAddress(address);
    rows.forEach((row, i) =>
      row.forEach((v, j) => workbook.write(sheet, rect.r0 + i, rect.c0 + j, typeof v === 'string' ? v : v)),
    );
    // Typing just below a table extends it, as Excel's AutoExpansion does.
    for (const table of workbook.tables.filter((t) => t.sheet === sheet)) {
      const bottom = rect.r0 + rows.length - 1;
      if (
        rect.r0 <= table.rect.r1 + 1 &&
        bottom > table.rect.r1 &&
        rect.c0 >= table.rect.c0 &&
        rect.c0 <= table.rect.c1
      ) {
        workbook.extendTable(table, bottom - table.rect.r1);
      }
    }
  },
  addSheet(name: string): void {
    workbook.addSheet(name);
  },
  /** The user clicking a sheet's tab. */
  activate(name: string): void {
    workbook.activeSheet = workbook.requireSheet(name).name;
  },
  filtered: (table: string) => Boolean(workbook.table(table)?.filtered),
  sheet: (name: string) => {
    const sheet = workbook.sheet(name);
    return sheet ? sheetView(sheet) : undefined;
  },
  sheetNames: () => workbook.sheets.map((s) => s.name),
  tables: () =>
    workbook.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: formatAddress(t.sheet.name, t.rect),
      headers: workbook.headers(t),
    })),
  settings: () => Object.fromEntries(workbook.settings),
  openedInBrowser: () => [...openedInBrowser],
  openedWindows: () => [...openedWindows],
  openedDialogs: () => [...openedDialogs],
  sentToParent: () => [...sentToParent],
  /** The user starts (true) or finishes (false) typing in a cell: Excel refuses every request meanwhile. */
  editCell(editing: boolean): void {
    workbook.cellEditMode = editing;
  },
  /** The user picks values in a table's filter drop-down: some rows hidden. */
  filter(table: string): void {
    const found = workbook.table(table);
    if (!found) throw new Error(`No table ${table}.`);
    found.filtered = true;
  },
  /** Review › Protect Sheet (or Unprotect). */
  protectSheet(name: string, on = true): void {
    workbook.requireSheet(name).protected = on;
  },
  /** Review › Protect Workbook (structure). */
  protectStructure(on = true): void {
    workbook.structureProtected = on;
  },
  /** Formulas › Define Name. */
  defineName(name: string): void {
    workbook.names.add(name.toLowerCase());
  },
  /** Merge & Center over `address`. */
  merge(sheetName: string, address: string): void {
    workbook.requireSheet(sheetName).merged.push(parseAddress(address).rect);
  },
  selection: () => ({ activeSheet: workbook.activeSheet, selection: workbook.selection }),
  stats: () => ({
    syncCount: workbook.syncCount,
    largestRequestBytes: workbook.largestRequestBytes,
    largestResponseBytes: workbook.largestResponseBytes,
    refusedAnswers: workbook.refusedAnswers,
    suspendedSyncs: workbook.suspendedSyncs,
  }),
  resetStats(): void {
    workbook.syncCount = 0;
    workbook.largestRequestBytes = 0;
    workbook.largestResponseBytes = 0;
    workbook.refusedAnswers = 0;
    workbook.suspendedSyncs = 0;
  },
};

if (config.naa) installNaaBridge(config.naa);

Object.assign(globalThis, { Office, Excel, __fakeExcel: fake, __fakeNaaRequests: naaRequests });
