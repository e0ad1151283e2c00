// What every part the writer makes shares: the XML declaration, the namespaces, and text escaped for
// XML and for Excel.

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** Excel refuses longer cell text. */
const MAX_CELL_CHARS = 32_767;

// XML 1.0 forbids most control characters; Excel would call the file corrupt.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// Excel reads `_x0041_` in cell text as an escaped character; `_x005F_` keeps such text literal.
const EXCEL_ESCAPE_LOOKALIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** Anything `text` or `inline` would change; most cell text has none, and skips the replacing. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPING = /[\u0000-\u001F&<>"_\uFFFE\uFFFF]|^\s|\s$/;

export function text(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Also used for cell text, so that no text can look like markup such as ` t="d"` to the reader's scan. */
const quoted = (escaped: string): string => escaped.replace(/"/g, '&quot;');

export function attr(value: string): string {
  return quoted(text(value)).replace(/\n/g, '&#10;');
}

/** An inline string: written as text whatever it looks like, so `=SUM(…)` stays text. */
export function inline(value: string): string {
  if (!NEEDS_ESCAPING.test(value) && value.length <= MAX_CELL_CHARS) return `<is><t>${value}</t></is>`;
  const clipped = value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  const escaped = quoted(text(clipped.replace(EXCEL_ESCAPE_LOOKALIKE, '_x005F_$1')));
  const space = /^\s|\s$/.test(clipped) ? ' xml:space="preserve"' : '';
  return `<is><t${space}>${escaped}</t></is>`;
}
