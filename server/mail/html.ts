// Building blocks for e-mail HTML that Outlook renders: tables for layout (role="presentation"), real
// tables with header cells for data, inline styles only (plus print rules), no script, no external
// images. Every piece of text passes through `escapeHtml`; markup is only ever ours.
// (The tag is called `markup`, not `html`, so that Prettier leaves the templates' whitespace alone.)
import type { Locale } from '../../shared/i18n/index.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** HTML we built ourselves, marked so it is not escaped a second time. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Content = Html | string | number | readonly Content[];

/** Escapes strings and numbers; passes our own `Html` through. */
export function render(content: Content): string {
  if (content instanceof Html) return content.value;
  if (Array.isArray(content)) return content.map((c: Content) => render(c)).join('');
  return escapeHtml(String(content));
}

/** A tagged template: interpolated values are escaped unless they are `Html`. */
export function markup(strings: TemplateStringsArray, ...values: Content[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ''), ''));
}

// Style fragments are ours, so they are `Html` and interpolate unescaped.
export const FONT = new Html("font-family:Arial,'Helvetica Neue',Helvetica,sans-serif;");
export const TEXT_COLOUR = new Html('#0b0c0c');
export const MUTED = new Html('#505a5f');
const CELL = new Html(`${FONT}font-size:14px;line-height:20px;color:${TEXT_COLOUR};`);

/**
 * Printed (the roll-up is forwarded and printed for board packs): A4 with margins, white, the column at
 * full width, and no chart, table row (nor a council's name from its amounts), figure or heading split
 * from what follows it across a page break; a table's header row is repeated on each page it runs to.
 * Mail clients that drop <style> lose only this.
 */
const PRINT_STYLE = `@media print {
  @page { size: A4 portrait; margin: 15mm; }
  body, .page { background-color: #ffffff !important; }
  .column { max-width: none !important; width: 100% !important; border-top: 0 !important; }
  img { break-inside: avoid; page-break-inside: avoid; max-width: 100% !important; }
  tr, .keep { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
}`;

/**
 * The page: a 640 px column that narrows on phones. Outlook for Windows ignores max-width, so the
 * conditional comment gives it a fixed-width table instead. The page's language is the first part's
 * (DESIGN §12); a bilingual e-mail marks each part with its own.
 */
export function emailPage(title: string, preheader: string, body: Html, locale: Locale = 'en'): string {
  return `<!DOCTYPE html>
<html lang="${locale}-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${escapeHtml(title)}</title>
<style>
${PRINT_STYLE}
</style>
</head>
<body style="margin:0;padding:0;background-color:#f3f2f1;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(preheader)}</div>
<table role="presentation" class="page" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f2f1;">
<tr><td align="center" style="padding:12px 4px;">
<!--[if mso]><table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="column" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;background-color:#ffffff;border-top:6px solid #1d70b8;">
<tr><td style="padding:20px 12px;${CELL}">
${body.value}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}

export function heading(text: Content, level: 1 | 2 = 2): Html {
  return level === 1
    ? markup`<h1 style="margin:0 0 8px 0;${FONT}font-size:24px;line-height:30px;color:${TEXT_COLOUR};">${text}</h1>`
    : markup`<h2 style="margin:28px 0 8px 0;${FONT}font-size:19px;line-height:25px;color:${TEXT_COLOUR};border-bottom:1px solid #b1b4b6;padding-bottom:4px;">${text}</h2>`;
}

export function paragraph(text: Content, muted = false): Html {
  const colour = muted ? MUTED : TEXT_COLOUR;
  return markup`<p style="margin:0 0 12px 0;${FONT}font-size:14px;line-height:20px;color:${colour};">${text}</p>`;
}

export function bulletList(items: readonly Content[], empty: string): Html {
  if (items.length === 0) return paragraph(empty, true);
  const rows = items.map(
    (item) =>
      markup`<tr><td valign="top" width="16" style="${CELL}">&#8226;</td><td style="${CELL}padding-bottom:4px;">${item}</td></tr>`,
  );
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="margin:0 0 12px 0;">${rows}</table>`;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * A data table (WCAG 1.3.1): column headers are `<th scope="col">` and each row's first cell is its
 * `<th scope="row">`, so a screen reader names every figure. Cells are escaped unless they are `Html`.
 */
export function dataTable(
  columns: readonly Column[],
  rows: readonly (readonly Content[])[],
  footer?: readonly Content[],
): Html {
  const cell = (c: Content, col: Column | undefined, tag: 'td' | 'th', attributes = '', extra = '') => {
    const align = col?.align ?? 'left';
    const nowrap = align === 'right' ? 'white-space:nowrap;' : '';
    return new Html(
      `<${tag}${attributes} align="${align}" style="${CELL}padding:6px 4px;border-bottom:1px solid #b1b4b6;${nowrap}${extra}">${render(c)}</${tag}>`,
    );
  };
  const row = (cells: readonly Content[], extra = '') =>
    markup`<tr>${cells.map((c, i) =>
      i === 0
        ? cell(c, columns[i], 'th', ' scope="row"', `font-weight:normal;${extra}`)
        : cell(c, columns[i], 'td', '', extra),
    )}</tr>`;
  const head = columns.map((col) => cell(col.header, col, 'th', ' scope="col"', 'font-weight:bold;'));
  const foot = footer ? row(footer, 'font-weight:bold;') : '';
  return markup`<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;"><thead><tr>${head}</tr></thead><tbody>${rows.map((r) => row(r))}${foot}</tbody></table>`;
}

/**
 * A coloured label such as a RAG status, as a table cell with a background colour: Outlook for Windows
 * drops padding and inline-block on a span, but draws a cell's colour and padding. Colours are chosen
 * for contrast with white text.
 */
export function label(text: string, background: string): Html {
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="${background}" style="padding:1px 6px;${FONT}font-size:12px;line-height:18px;font-weight:bold;color:#ffffff;background-color:${background};white-space:nowrap;">${text}</td></tr></table>`;
}

/** A label beside some content, side by side in cells (a label is a table, so it cannot sit in a line). */
export function labelled(badge: Html, content: Content): Html {
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td valign="top" style="padding:1px 8px 0 0;">${badge}</td><td valign="top" style="${CELL}">${content}</td></tr></table>`;
}

export function inlineImage(cid: string, alt: string, width: number): Html {
  return markup`<img src="cid:${cid}" alt="${alt}" width="${width}" style="display:block;width:100%;max-width:${width}px;height:auto;border:0;margin:8px 0 16px 0;">`;
}
