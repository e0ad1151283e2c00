// Server-side charts: a Vega-Lite spec is compiled to Vega, drawn headless to SVG (no canvas), then
// rasterised by resvg. resvg draws no text without fonts, so the fonts are loaded explicitly.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedImage } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import type * as ChartLibraries from './chart-libraries.js';

/**
 * vega, vega-lite and resvg are loaded with the first chart: together they cost the service about 50 MB
 * of memory, and it draws charts only for the monthly roll-up.
 */
let libraries: Promise<typeof ChartLibraries> | undefined;
const chartLibraries = () => (libraries ??= import('./chart-libraries.js'));

/** The font the charts ask for; DejaVu Sans and Liberation Sans come with Debian's font packages. */
export const CHART_FONT = 'DejaVu Sans';
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];
const WANTED_FONTS = /^(DejaVuSans(-Bold)?|LiberationSans-(Regular|Bold))\.ttf$/;

function findFontFiles(dir: string, found: string[] = []): string[] {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findFontFiles(path, found);
    else if (WANTED_FONTS.test(entry.name)) found.push(path);
  }
  return found;
}

let fontFiles: string[] | undefined;
/** Known sans fonts on this machine (searched once); system fonts are loaded as well as a fallback. */
export function chartFontFiles(): string[] {
  fontFiles ??= FONT_DIRS.flatMap((dir) => findFontFiles(dir));
  return fontFiles;
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { View, parse, compile } = await chartLibraries();
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Draws an SVG on white at `scale` × its size, with the chart fonts. */
export async function rasterise(svg: string, scale: number): Promise<RenderedImage> {
  const { Resvg } = await chartLibraries();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: chartFontFiles(), loadSystemFonts: true, defaultFontFamily: CHART_FONT },
  });
  return resvg.render();
}

/** Renders a Vega-Lite spec to PNG at `scale` × its CSS size, so it stays sharp on high-DPI screens. */
export async function renderChartPng(spec: TopLevelSpec, scale = 2): Promise<Buffer> {
  return (await rasterise(await renderSvg(spec), scale)).asPng();
}
