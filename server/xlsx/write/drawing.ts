// A sheet's drawing (`xl/drawings/drawingN.xml`): where each of its charts sits, and its alternative text.
import { CHART_NS, DRAWING_NS, escapeXml, type Chart } from './chart.js';
import { REL_NS, XML_HEAD } from './xml-text.js';

export function drawingXml(charts: readonly Chart[]): string {
  return (
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"` +
    ` xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">` +
    `${charts.map((chart, i) => chartAnchorXml(chart, i + 1)).join('')}</xdr:wsDr>`
  );
}

/** A drawing's anchor for chart `n` of the sheet, its part related as `rId{n}`. */
function chartAnchorXml(chart: Chart, n: number): string {
  const corner = (tag: string, at: { row: number; column: number }) =>
    `<xdr:${tag}><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${corner('from', chart.from)}${corner('to', chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${n + 1}" name="Chart ${n}" descr="${escapeXml(chart.description)}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" r:id="rId${n}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}
