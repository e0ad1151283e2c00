// The libraries that draw charts, in one module that render.ts loads on the first chart.
export { Resvg } from '@resvg/resvg-js';
export { View, parse } from 'vega';
export { compile } from 'vega-lite';
