// Renders the add-in's ribbon and store icons (16, 32, 64, 80 px) from one drawing: four councils
// around a shared hub, on the Fluent brand blue. Run with `npx tsx addin/tools/icons.ts`; the PNGs are
// committed in addin/assets/ so neither the build nor the service needs to render them.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 64, 80] as const;

const councils = [
  [16, 16],
  [48, 16],
  [16, 48],
  [48, 48],
] as const;

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect x="1" y="1" width="62" height="62" rx="12" fill="#0F6CBD"/>
  ${councils.map(([x, y]) => `<line x1="32" y1="32" x2="${x}" y2="${y}" stroke="#FFFFFF" stroke-width="5"/>`).join('')}
  ${councils.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="8" fill="#FFFFFF"/>`).join('')}
  <circle cx="32" cy="32" r="11" fill="#FFFFFF"/>
  <circle cx="32" cy="32" r="6" fill="#0F6CBD"/>
</svg>`;

export function renderIcon(size: number): Buffer {
  return new Resvg(ICON_SVG, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of ICON_SIZES) {
    writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), renderIcon(size));
  }
}
