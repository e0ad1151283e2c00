// Building blocks for e-mail HTML that Outlook renders: tables for layout, inline styles only, no script,
// no external images. Every piece of text passes through `escapeHtml`; markup is only ever ours.
// (The tag is called `markup`, not `html`, so that Prettier leaves the templates' whitespace alone.)

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
 * The page: a 640 px column that narrows on phones. Outlook for Windows ignores max-width, so the
 * conditional comment gives it a fixed-width table instead.
 */
export function emailPage(title: string, preheader: string, body: Html): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f2f1;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f2f1;">
<tr><td align="center" style="padding:12px 4px;">
<!--[if mso]><table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;background-color:#ffffff;border-top:6px solid #1d70b8;">
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

/** A data table with a header row; `rows` cells are escaped unless they are `Html`. */
export function dataTable(
  columns: readonly Column[],
  rows: readonly (readonly Content[])[],
  footer?: readonly Content[],
): Html {
  const cell = (c: Content, col: Column | undefined, tag: 'td' | 'th', extra = '') => {
    const align = col?.align ?? 'left';
    const nowrap = align === 'right' ? 'white-space:nowrap;' : '';
    return new Html(
      `<${tag} align="${align}" style="${CELL}padding:6px 4px;border-bottom:1px solid #b1b4b6;${nowrap}${extra}">${render(c)}</${tag}>`,
    );
  };
  const head = columns.map((col) => cell(col.header, col, 'th', 'font-weight:bold;'));
  const body = rows.map((r) => markup`<tr>${r.map((c, i) => cell(c, columns[i], 'td'))}</tr>`);
  const foot = footer
    ? markup`<tr>${footer.map((c, i) => cell(c, columns[i], 'td', 'font-weight:bold;'))}</tr>`
    : '';
  return markup`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;"><tr>${head}</tr>${body}${foot}</table>`;
}

/** A coloured label such as a RAG status; colours chosen for contrast with white text. */
export function label(text: string, background: string): Html {
  return markup`<span style="display:inline-block;padding:1px 6px;${FONT}font-size:12px;line-height:18px;font-weight:bold;color:#ffffff;background-color:${background};">${text}</span>`;
}

export function inlineImage(cid: string, alt: string, width: number): Html {
  return markup`<img src="cid:${cid}" alt="${alt}" width="${width}" style="display:block;width:100%;max-width:${width}px;height:auto;border:0;margin:8px 0 16px 0;">`;
}
