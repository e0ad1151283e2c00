// How benchmark sections report: one row per measure, ours beside the baseline, with the target.

export interface Measure {
  measure: string;
  ours: string;
  baseline: string;
  /** e.g. "0.82× baseline" or "2.9× faster" */
  comparison: string;
  target: string;
  met: boolean;
}

export interface BenchSection {
  name: string;
  description: string;
  run(): Promise<Measure[]>;
}

export function printTable(title: string, rows: readonly Measure[]): void {
  const header: Record<keyof Measure, string> = {
    measure: 'Measure',
    ours: 'Ours',
    baseline: 'Baseline',
    comparison: 'Comparison',
    target: 'Target',
    met: 'Met',
  };
  const keys = Object.keys(header) as (keyof Measure)[];
  const cells = [header, ...rows].map((r) =>
    keys.map((k) => (k === 'met' && typeof r.met === 'boolean' ? (r.met ? 'yes' : 'NO') : String(r[k]))),
  );
  const widths = keys.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(cells[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells.slice(1)) console.log(line(c));
}

export const seconds = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
export const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Median wall time of `runs` runs after one warm-up run. */
export async function medianMs(runs: number, task: () => Promise<unknown> | unknown): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Medians of two tasks run alternately, after one warm-up each, so that a busy machine slows both
 * alike rather than whichever happened to run during the busy spell.
 */
export async function interleavedMediansMs(
  rounds: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<[number, number]> {
  await first();
  await second();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const [index, task] of [first, second].entries()) {
      const start = performance.now();
      await task();
      times[index]!.push(performance.now() - start);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return [median(times[0]), median(times[1])];
}
