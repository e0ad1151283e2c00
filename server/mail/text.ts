// Plain-text alternatives: fixed-width tables and lists that read well in any mail client.

export function textTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly number[] = [],
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const textList = (items: readonly string[], empty: string): string =>
  items.length === 0 ? empty : items.map((i) => `- ${i}`).join('\n');

export const textHeading = (title: string): string => `${title}\n${'='.repeat(title.length)}`;
