// Server-side charts: Vega-Lite → SVG → PNG, with text actually drawn (resvg draws nothing without fonts).
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../../shared/consolidate/index.js';
import { demoPartnership } from '../../../demo/partnership.js';
import { CHART_FONT, chartFontFiles, rasterise, renderSvg } from '../../../server/charts/render.js';
import {
  CHART_WIDTH,
  chartedCouncils,
  contributionsChartSpec,
  MAX_CHARTED_COUNCILS,
  nameLines,
  projectsChartSpec,
  ragTrendChartSpec,
  renderRollupCharts,
  trendChartSpec,
} from '../../../server/charts/rollup-charts.js';
import { demoRecords } from '../mail/demo-records.js';

const view = consolidate(demoPartnership, demoRecords({ hostile: true }), '2027-03');

/** Pixels darker than mid-grey: text and axis lines, never the white background. */
function darkPixels(image: { pixels: Buffer }): number {
  let dark = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    if (image.pixels[i]! + image.pixels[i + 1]! + image.pixels[i + 2]! < 3 * 100) dark += 1;
  }
  return dark;
}

describe('charts', () => {
  it('finds fonts on this machine and draws text with them', async () => {
    expect(chartFontFiles().length).toBeGreaterThan(0);
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-family="${CHART_FONT}" font-size="20" fill="#000">${text}</text></svg>`;
    const blank = await rasterise(svg(''), 1);
    const written = await rasterise(svg('Cherwell'), 1);
    expect(darkPixels(blank)).toBe(0);
    expect(darkPixels(written)).toBeGreaterThan(100);
  });

  it('puts every member council by name into the contributions chart, escaped', async () => {
    // A long name is drawn in lines (tspans), joined here at the space it wrapped at.
    const svg = (await renderSvg(contributionsChartSpec(view))).replace(/<\/tspan><tspan[^>]*>/g, ' ');
    for (const c of view.contributions.councils.filter((x) => x.membership === 'Member')) {
      expect(svg).toContain(`>${c.name}<`);
    }
    expect(svg).not.toMatch(/<script/i);
  });

  it('charts the councils furthest behind their profile when a partnership has too many to read', () => {
    const many = structuredClone(view);
    const template = many.contributions.councils[0]!;
    many.contributions.councils = Array.from({ length: MAX_CHARTED_COUNCILS + 6 }, (_, i) => ({
      ...template,
      council: `council-${String(i).padStart(2, '0')}`,
      name: `Council ${i}`,
      membership: 'Member' as const,
      profiledDuePence: 100_000,
      // Councils 6 to 11 have paid in full; the rest are behind by more the higher their number.
      contributedPence: i >= 6 && i < 12 ? 100_000 : 100_000 - i,
    }));
    const charted = chartedCouncils(many).map((c) => c.council);
    expect(charted).toHaveLength(MAX_CHARTED_COUNCILS);
    for (let i = 6; i < 12; i++) expect(charted).not.toContain(`council-${String(i).padStart(2, '0')}`);
    expect(charted).toEqual([...charted].sort());
    expect(chartedCouncils(view)).toHaveLength(4);
  });

  it("draws the year's trend month by month from April, in pounds", async () => {
    const svg = await renderSvg(trendChartSpec(view));
    for (const month of ['Apr', 'Feb', 'Mar']) expect(svg).toContain(`>${month}<`);
    const spec = trendChartSpec(view) as { data: { values: { month: string; pounds: number }[] } };
    const march = spec.data.values.filter((v) => v.month === 'Mar').map((v) => Math.round(v.pounds * 100));
    expect(march).toEqual([
      view.contributions.totals.contributedPence,
      view.contributions.totals.profiledDuePence,
    ]);
  });

  it('draws a month no return counts for as a gap in the projects by RAG, never as zero projects', async () => {
    // A partnership whose first return counts for October: April to September have no data.
    const late = structuredClone(view);
    late.trend.returns = late.trend.months.map((_, i) => (i < 6 ? 0 : 4));
    late.trend.rag = {
      Red: [null, null, null, null, null, null, 1, 1, 2, 2, 1, 0],
      Amber: [null, null, null, null, null, null, 3, 3, 2, 2, 3, 2],
      Green: [null, null, null, null, null, null, 2, 3, 3, 4, 4, 6],
    };
    const svg = await renderSvg(ragTrendChartSpec(late));
    // Every month keeps its place on the axis, April included (a label drawn at an angle is rotated
    // about that place: `translate(x,y) rotate(315) …`).
    const labelX = (month: string) =>
      Number(new RegExp(`translate\\(([\\d.]+),[\\d.]+\\)[^"]*"[^>]*>${month}</text>`).exec(svg)![1]);
    const lines = [...svg.matchAll(/aria-roledescription="line mark" d="([^"]+)" stroke="#([0-9A-F]{6})"/g)];
    expect(lines.map((l) => l[2])).toEqual(['D4351C', 'B35000', '00703C']);
    for (const [, d] of lines) {
      const points = d!
        .split(/[ML]/)
        .filter(Boolean)
        .map((p) => p.split(',').map(Number));
      // Six points, October to March, and the first at October: nothing drawn for April to September.
      expect(points).toHaveLength(6);
      expect(points[0]![0]).toBeCloseTo(labelX('Oct'), 1);
      expect(points[5]![0]).toBeCloseTo(labelX('Mar'), 1);
    }
    expect(labelX('Apr')).toBeLessThan(labelX('Oct'));
    // The months without data are null, never counted as zero projects.
    expect(svg).toContain('aria-label="month: Oct; count: 1; rag: Red"');
    expect(svg).not.toMatch(/month: (Apr|May|Jun|Jul|Aug|Sep); count: 0/);
  });

  it('lists the contributions legend in the order of the bars, and wraps a long council name', async () => {
    const svg = await renderSvg(contributionsChartSpec(view));
    const legend = [...svg.matchAll(/translate\(19,12\.5\)"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(legend).toEqual(['Contributed to date', 'Profiled due to date']);
    // Each council's pair of bars: the blue (contributed) one above the grey (profiled due).
    const bars = [
      ...svg.matchAll(
        /aria-roledescription="bar" d="M0,([\d.]+)h[\d.]+v[\d.]+h-[\d.]+Z" fill="#([0-9A-F]{6})"/g,
      ),
    ];
    const firstPair = bars.slice(0, 2).map((m) => [m[2], Number(m[1])] as const);
    expect(firstPair.map(([fill]) => fill)).toEqual(['1D70B8', 'B1B4B6']);
    expect(firstPair[0]![1]).toBeLessThan(firstPair[1]![1]);
    // 36 characters at 15 px is wider than the bars as vega measures text: two lines, nothing cut.
    expect(svg).toContain('<tspan>Vale of White Horse District</tspan><tspan x="0" dy="17">Council</tspan>');
    expect(nameLines('Cherwell District Council')).toEqual(['Cherwell District Council']);
  });

  it('fills its width and keeps text at 11 px or more on a 375 px phone (a 343 px column)', async () => {
    for (const spec of [
      contributionsChartSpec(view),
      projectsChartSpec(view),
      trendChartSpec(view),
      ragTrendChartSpec(view),
    ]) {
      const svg = await renderSvg(spec);
      const width = Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(svg)![1]);
      // Axis labels included, the chart is as wide as it is shown: no empty margin on either side.
      expect(width).toBe(CHART_WIDTH);
      const sizes = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
      expect(sizes.length).toBeGreaterThan(5);
      expect((Math.min(...sizes) * 343) / width).toBeGreaterThanOrEqual(11);
    }
  });

  it('renders the roll-up charts as PNGs at twice their CSS size', async () => {
    const charts = await renderRollupCharts(view);
    expect(charts.map((c) => c.id)).toEqual([
      'chart-contributions',
      'chart-projects',
      'chart-trend',
      'chart-rag-trend',
    ]);
    for (const chart of charts) {
      expect(chart.png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const width = chart.png.readUInt32BE(16);
      expect(width).toBe(chart.width * 2);
      expect(width).toBeGreaterThanOrEqual(2 * CHART_WIDTH);
      expect(chart.alt.length).toBeGreaterThan(20);
    }
  });
});
