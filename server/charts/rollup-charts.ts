// The roll-up's charts, built from the consolidated view, inline in the e-mail as PNGs (the consolidated
// workbook draws its own native charts).
import type { TopLevelSpec } from 'vega-lite';
import {
  messagesIn,
  monthLabel,
  shortMonthLabel,
  type Locale,
  type Messages,
} from '../../shared/i18n/index.js';
import { vocabularyWord } from '../../shared/i18n/vocabulary-words.js';
import { buildReport, CHART_COLOURS, trendRows } from '../../shared/report/index.js';
import type { ConsolidatedView, CouncilContribution } from '../../shared/schemas.js';
import { PHASES, RAGS } from '../../shared/vocabulary.js';
import { CHART_FONT, renderChartPng } from './render.js';

export interface RollupChart {
  /** Stable content ID for `cid:` references; also the attachment's file name stem. */
  id: string;
  /** Which of the roll-up's charts this is, in whichever language. */
  chart: RollupChartId;
  /** The language of the chart's words: a bilingual e-mail holds a set of charts in each. */
  locale: Locale;
  title: string;
  /** Alternative text for readers that do not show images. */
  alt: string;
  png: Buffer;
  /** CSS pixels: the chart's own width, at which the e-mail shows it (or narrower, on a phone). */
  width: number;
}

/**
 * CSS pixels: each chart's whole width, so that on a 375 px phone (a 343 px column) it is shown at
 * 343/440 of its size and its 15 px text is still 11.7 px.
 */
export const CHART_WIDTH = 440;
/** The smallest text a chart draws, in CSS pixels at CHART_WIDTH. */
export const CHART_TEXT = 15;

/** The charts' colours as the workbook and the add-in have them, in CSS form. */
const colour = (name: keyof typeof CHART_COLOURS): string => `#${CHART_COLOURS[name]}`;

const baseConfig = {
  font: CHART_FONT,
  view: { stroke: null },
  axis: {
    labelFontSize: CHART_TEXT,
    titleFontSize: CHART_TEXT,
    labelColor: '#0b0c0c',
    titleColor: '#0b0c0c',
  },
  legend: { labelFontSize: CHART_TEXT, titleFontSize: CHART_TEXT, orient: 'top', labelLimit: 0, title: null },
  title: { fontSize: CHART_TEXT + 1, anchor: 'start', color: '#0b0c0c' },
} as const;
/** A single (not faceted) chart fills CHART_WIDTH exactly, axis labels included: no empty margin. */
const FIT = { autosize: { type: 'fit-x', contains: 'padding' }, width: CHART_WIDTH } as const;

/**
 * A readable chart has a bar pair per council for a few dozen councils at most; beyond that it shows the
 * councils furthest behind their profile (in the partnership's order), which is what the board acts on.
 * (400 councils would also make a picture tens of thousands of pixels high.)
 */
export const MAX_CHARTED_COUNCILS = 24;

export function chartedCouncils(view: ConsolidatedView): CouncilContribution[] {
  const members = view.contributions.councils.filter((c) => c.membership === 'Member');
  if (members.length <= MAX_CHARTED_COUNCILS) return members;
  const shortfall = (c: CouncilContribution) => c.profiledDuePence - c.contributedPence;
  const behind = new Set(
    [...members]
      .sort((a, b) => shortfall(b) - shortfall(a) || a.council.localeCompare(b.council))
      .slice(0, MAX_CHARTED_COUNCILS),
  );
  return members.filter((c) => behind.has(c));
}

/**
 * The bars' width: the chart's less the 6 px vega-lite pads it with on either side. A council's name
 * above its bars may be as wide; a longer one ends in an ellipsis rather than widen the chart.
 */
const FACET_WIDTH = CHART_WIDTH - 12;

/** A character's width as vega measures text when it lays a chart out (no canvas): 0.8 of the font size. */
const VEGA_CHARACTER = 0.8 * CHART_TEXT;

/**
 * A council's name in lines that fit above its bars, as vega measures text when it lays a chart out
 * (0.8 of the font size a character, more than the chart font draws): a long name wraps at its spaces
 * rather than widen the chart past what a phone shows at full size.
 */
export function nameLines(name: string, width = FACET_WIDTH): string[] {
  const most = Math.floor(width / VEGA_CHARACTER);
  const lines: string[] = [];
  for (const word of name.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= most)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
/** The two series every money chart compares, in legend order, as the glossary names them. */
const moneySeries = (m: Messages) => [m('figure.contributed.label'), m('figure.profiledDue.label')] as const;
/**
 * How wide a label is drawn, roughly: DejaVu Sans averages 0.6 of its size a character. Welsh words are
 * longer than English ones, so the layouts below that English fits are checked against the words drawn.
 */
const textWidth = (text: string): number => text.length * 0.6 * CHART_TEXT;
/** A legend entry's swatch and the gap after it, in CSS pixels. */
const LEGEND_ENTRY = 30;

/**
 * A legend's entries side by side when they fit the chart's width with room to spare (vega spaces the
 * entries further apart than their text, and cut "Profiled due to date" to "Profiled due" when they only
 * just fitted by this estimate), else one above the other, as Welsh's longer names always are.
 */
const legendDirection = (labels: readonly string[]): 'horizontal' | 'vertical' =>
  labels.reduce((sum, label) => sum + textWidth(label) + LEGEND_ENTRY, 0) <= CHART_WIDTH * 0.8
    ? 'horizontal'
    : 'vertical';

/** Room for the value axis's labels left of a chart's plot, in CSS pixels. */
const VALUE_AXIS_WIDTH = 60;

/**
 * The months of a year's axis: level when each fits its share of the plot's width, as the months of a
 * partnership's first half year do; at an angle when one would run into its neighbours, as a whole
 * year's "Sept" (English) or Awst, Medi, Tach and Rhag (Welsh) would.
 */
function monthAxis(months: readonly string[]) {
  const band = (CHART_WIDTH - VALUE_AXIS_WIDTH) / Math.max(1, months.length);
  const crowded = months.some((month) => textWidth(month) > band);
  return { labelAngle: crowded ? -45 : 0 };
}

/**
 * vega cuts an axis label at 180 px by default, as it measures text; a longer one (Wedi’i ddirwyn i ben,
 * Welsh's Retired) is put on two lines instead, which keeps the chart's legend within its width.
 */
const AXIS_LABEL_WIDTH = 180;

/** Pounds in thousands on a money axis: £0, £25k, £50k … */
const POUNDS_AXIS = { labelExpr: "datum.value == 0 ? '£0' : '£' + format(datum.value / 1000, ',') + 'k'" };

export function contributionsChartSpec(view: ConsolidatedView, locale: Locale = 'en'): TopLevelSpec {
  const m = messagesIn(locale);
  const seriesNames = moneySeries(m);
  const charted = chartedCouncils(view);
  const all = charted.length === view.contributions.councils.filter((c) => c.membership === 'Member').length;
  const values = charted.flatMap((c) => {
    const council = nameLines(c.name).join('\n');
    return [
      { council, series: seriesNames[0], pounds: c.contributedPence / 100 },
      { council, series: seriesNames[1], pounds: c.profiledDuePence / 100 },
    ];
  });
  // Each council's name sits above its pair of bars, so long names never squeeze the bars on a phone.
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // On two lines (three when some councils are left out): in one, its bold text is wider than the chart.
    title: {
      text: [
        m('chartImage.contributions.line1'),
        m('chartImage.contributions.line2'),
        ...(all ? [] : [m('chartImage.furthestBehind', { count: charted.length })]),
      ],
    },
    config: { ...baseConfig, facet: { spacing: 10 } },
    data: { values },
    facet: {
      row: {
        field: 'council',
        type: 'nominal',
        sort: null,
        title: null,
        header: {
          labelAngle: 0,
          labelOrient: 'top',
          labelAnchor: 'start',
          labelFontSize: CHART_TEXT,
          labelExpr: "split(datum.value, '\\n')",
          labelPadding: 4,
        },
      },
    },
    spec: {
      width: FACET_WIDTH,
      height: { step: 14 },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'series', type: 'nominal', title: null, axis: null },
        x: {
          field: 'pounds',
          type: 'quantitative',
          title: null,
          axis: POUNDS_AXIS,
        },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { domain: [...seriesNames], range: [colour('contributed'), colour('profiled')] },
          // Above the bars, in their order: Contributed (the upper bar of each pair), then Profiled due.
          // One above the other: side by side, as vega measures text, they are wider than the chart.
          legend: { orient: 'top', direction: 'vertical' },
        },
      },
    },
  };
}

export function projectsChartSpec(view: ConsolidatedView, locale: Locale = 'en'): TopLevelSpec {
  const m = messagesIn(locale);
  // Phases and RAGs are drawn as the vocabulary's words in the chart's language.
  const word = (value: string) => vocabularyWord(locale, value);
  const phase = (value: string) => nameLines(word(value), AXIS_LABEL_WIDTH).join('\n');
  const phases = PHASES.map(phase);
  const values = buildReport(view).projects.grid.flatMap((row) =>
    RAGS.map((rag, i) => ({ phase: phase(row.phase), rag: word(rag), count: row.counts[i] })),
  );
  const rags = RAGS.map(word);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: m('chart.projects.title'),
    ...FIT,
    height: 200,
    config: baseConfig,
    data: { values },
    mark: { type: 'bar' },
    // Phases down the side, so their names never run into each other at a phone's width.
    encoding: {
      y: {
        field: 'phase',
        type: 'ordinal',
        sort: phases,
        title: null,
        ...(phases.some((p) => p.includes('\n')) ? { axis: { labelExpr: "split(datum.value, '\\n')" } } : {}),
      },
      x: {
        field: 'count',
        type: 'quantitative',
        title: m('chartImage.projects.axis'),
        axis: { tickMinStep: 1, format: 'd' },
      },
      color: {
        field: 'rag',
        type: 'nominal',
        sort: rags,
        scale: { domain: rags, range: RAGS.map(colour) },
      },
      order: { field: 'rag', sort: 'ascending' },
    },
  };
}

/** The year so far: the partnership's contributed and profiled due at the end of each month. */
export function trendChartSpec(view: ConsolidatedView, locale: Locale = 'en'): TopLevelSpec {
  const m = messagesIn(locale);
  const seriesNames = moneySeries(m);
  const rows = trendRows(view);
  const months = rows.map((row) => shortMonthLabel(locale, row.month));
  const values = rows.flatMap((row, i) => [
    { month: months[i], series: seriesNames[0], pounds: row.contributedPence / 100 },
    { month: months[i], series: seriesNames[1], pounds: row.profiledDuePence / 100 },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: [m('chartImage.trend.title', { year: view.financialYear }), m('chartImage.trend.subtitle')],
    },
    ...FIT,
    height: 220,
    config: baseConfig,
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 3 },
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: null, title: null, axis: monthAxis(months) },
      y: {
        field: 'pounds',
        type: 'quantitative',
        title: null,
        axis: POUNDS_AXIS,
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: [...seriesNames], range: [colour('contributed'), '#6f777b'] }, // a thin dashed line wants a darker grey than a bar
        legend: { orient: 'top', direction: legendDirection(seriesNames) },
      },
      // Same field as the colour: vega-lite draws one legend with both, so the dash names a line without colour.
      strokeDash: {
        field: 'series',
        type: 'nominal',
        scale: {
          domain: [...seriesNames],
          range: [
            [1, 0],
            [6, 4],
          ],
        },
      },
    },
  };
}

/**
 * Projects by RAG at the end of each month. A month no return counts for has no counts: its points are
 * null, and vega-lite breaks a line at a null (its default for invalid values) while the month keeps its
 * place on the axis, so the months before the first return show as no data, never as zero projects.
 */
export function ragTrendChartSpec(view: ConsolidatedView, locale: Locale = 'en'): TopLevelSpec {
  const m = messagesIn(locale);
  const rags = RAGS.map((rag) => vocabularyWord(locale, rag));
  const rows = trendRows(view);
  const months = rows.map((row) => shortMonthLabel(locale, row.month));
  const values = rows.flatMap((row, r) =>
    RAGS.map((rag, i) => ({ month: months[r], rag: rags[i], count: row[ragKey(rag)] })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: [m('chartImage.ragTrend.title', { year: view.financialYear }), m('chartImage.ragTrend.subtitle')],
    },
    ...FIT,
    height: 200,
    config: baseConfig,
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 3, invalid: 'break-paths-show-domains' },
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: null, title: null, axis: monthAxis(months) },
      y: { field: 'count', type: 'quantitative', title: null, axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'rag',
        type: 'nominal',
        title: null,
        sort: rags,
        scale: { domain: rags, range: RAGS.map(colour) },
        legend: { orient: 'top', direction: legendDirection(rags) },
      },
    },
  };
}

const ragKey = (rag: (typeof RAGS)[number]) => rag.toLowerCase() as 'red' | 'amber' | 'green';

/** The chart as a PNG at twice its CSS size, and that CSS width. */
async function rendered(spec: TopLevelSpec): Promise<Pick<RollupChart, 'png' | 'width'>> {
  const png = await renderChartPng(spec, 2);
  // A PNG's width is the big-endian word at byte 16 (in its IHDR chunk).
  return { png, width: png.readUInt32BE(16) / 2 };
}

/**
 * A chart's content ID in `locale`: the English charts keep the IDs they always had; a Welsh chart's ends
 * in `-cy`, so a bilingual e-mail can hold both sets.
 */
export const chartId = (id: RollupChartId, locale: Locale): string =>
  locale === 'en' ? id : `${id}-${locale}`;

/**
 * The roll-up's charts in each of `locales` (DESIGN §12): titles, axes, legends and months in the
 * language of the part of the e-mail that shows them.
 */
export async function renderRollupCharts(
  view: ConsolidatedView,
  locales: readonly Locale[] = ['en'],
): Promise<RollupChart[]> {
  const charts: RollupChart[] = [];
  for (const locale of locales) {
    const m = messagesIn(locale);
    const alts = chartAlts(view, locale);
    const drawn: [RollupChartId, string, TopLevelSpec][] = [
      ['chart-contributions', m('chart.contributions.title'), contributionsChartSpec(view, locale)],
      ['chart-projects', m('chart.projects.title'), projectsChartSpec(view, locale)],
      ['chart-trend', m('chartImage.trend.name'), trendChartSpec(view, locale)],
      ['chart-rag-trend', m('chartImage.ragTrend.name'), ragTrendChartSpec(view, locale)],
    ];
    for (const [id, title, spec] of drawn) {
      charts.push({
        id: chartId(id, locale),
        chart: id,
        locale,
        title,
        alt: alts[id],
        ...(await rendered(spec)),
      });
    }
  }
  return charts;
}

/**
 * The charts' text alternatives (WCAG 1.1.1) in either language (DESIGN §12): what each chart shows, for
 * a reader who cannot see it. The e-mail states them in the language of each of its parts.
 */
export type RollupChartId = 'chart-contributions' | 'chart-projects' | 'chart-trend' | 'chart-rag-trend';

export function chartAlts(view: ConsolidatedView, locale: Locale): Record<RollupChartId, string> {
  const m = messagesIn(locale);
  const count = view.contributions.councils.filter((c) => c.membership === 'Member').length;
  const charted = chartedCouncils(view).length;
  const which =
    charted === count
      ? m('chart.alt.everyMember', { count })
      : m('chart.alt.furthestBehind', { charted, count });
  const first = view.trend.returns.findIndex((n) => n > 0);
  const firstMonth = view.trend.months[first < 0 ? view.trend.months.length - 1 : first] ?? view.period;
  const month = monthLabel(locale, view.period);
  return {
    'chart-contributions': m('chart.alt.contributions', { which }),
    'chart-projects': m('chart.alt.projects', {
      count: view.projects.totals.count,
      overdue: view.projects.totals.overdue,
    }),
    'chart-trend': m('chart.alt.trend', { month }),
    'chart-rag-trend': m('chart.alt.ragTrend', { from: monthLabel(locale, firstMonth), to: month }),
  };
}
