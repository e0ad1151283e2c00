// A PDF's pages as a reader sees them: each page's size in points and its text, via PDF.js. PDF.js takes
// over (detaches) the bytes it is given, so each call gives it a copy.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text runs in reading order, joined by spaces. */
  text: string;
}

export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ');
      pages.push({ width: x1! - x0!, height: y1! - y0!, text });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

interface RenderTarget {
  canvas: { toBuffer(type: 'image/png'): Buffer };
  context: unknown;
}

/** One page drawn as a PNG, `scale` pixels per point, for people to look at (docs/). */
export async function pdfPagePng(bytes: Uint8Array, pageNumber: number, scale = 1.5): Promise<Buffer> {
  const document = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    // PDF.js draws on Node with the canvas package it depends on, through its own canvas factory.
    const factory = document.canvasFactory as { create(w: number, h: number): RenderTarget };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as CanvasRenderingContext2D,
      viewport,
      background: '#ffffff',
    }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await document.destroy();
  }
}

/** How many times pictures are drawn across all pages. */
export async function pdfImageCount(bytes: Uint8Array): Promise<number> {
  const document = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    let count = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const { fnArray } = await (await document.getPage(n)).getOperatorList();
      count += fnArray.filter(
        (fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject,
      ).length;
    }
    return count;
  } finally {
    await document.destroy();
  }
}
