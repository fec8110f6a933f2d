/**
 * A table for pdfkit that breaks across pages: rows are measured with heightOfString, a row that does
 * not fit moves to the next page under a repeated header, and a row taller than a page is split between
 * words so nothing is lost.
 */

export type PdfBlock = { text: string; bold?: boolean; color?: string };
export type PdfCell = PdfBlock[];
export type PdfRow = {
  cells: PdfCell[];
  /** Rows sharing a group draw column 0 as one cell (a criterion spanning its indicators). */
  group?: string;
};
export type PdfTableSpec = {
  /** Column widths as fractions of the text width. */
  widths: number[];
  header: string[];
  rows: PdfRow[];
  /** The criterion column: repeated in the first row of a group continued on a new page. */
  spanFirstColumn?: boolean;
  /** Printed above the repeated header on each further page ("Aanpak (vervolg)"), as the seeds do. */
  continuation?: string;
  fontSize: number;
  fonts: { regular: string; bold: string };
};

const PAD = 4;
const BLOCK_GAP = 3;
const LINE = '#8a8a8a';
const HEADER_FILL = '#dce6f1';
const SPAN_FILL = '#f2f5f9';
/** Measuring and drawing may differ by rounding; keep this much clear of the bottom margin. */
const SLACK = 2;

export function drawTable(doc: PDFKit.PDFDocument, spec: PdfTableSpec): void {
  const left = doc.page.margins.left;
  const total = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const widths = spec.widths.map((w) => w * total);
  const bottom = () => doc.page.height - doc.page.margins.bottom - SLACK;

  const setFont = (bold: boolean | undefined) =>
    doc.font(bold ? spec.fonts.bold : spec.fonts.regular).fontSize(spec.fontSize);
  // Rows are measured to place them and again to draw them; measuring is the expensive part.
  const measured = new Map<string, number>();
  const blockHeight = (block: PdfBlock, width: number) => {
    const key = `${block.bold ? 'b' : 'r'}|${width}|${block.text}`;
    const known = measured.get(key);
    if (known !== undefined) return known;
    setFont(block.bold);
    const height = doc.heightOfString(block.text, { width: width - 2 * PAD });
    measured.set(key, height);
    return height;
  };
  const cellHeight = (cell: PdfCell, width: number) =>
    cell.reduce((sum, block, i) => sum + blockHeight(block, width) + (i > 0 ? BLOCK_GAP : 0), 0) + 2 * PAD;

  const headerCells: PdfCell[] = spec.header.map((text) => [{ text, bold: true }]);
  const headerHeight = Math.max(...headerCells.map((c, i) => cellHeight(c, widths[i] ?? 0)));

  // Draws at a fixed position and leaves the flow position alone: the table moves doc.y itself.
  const drawCell = (cell: PdfCell, x: number, y: number, width: number) => {
    const flow = doc.y;
    let cursor = y + PAD;
    cell.forEach((block, i) => {
      if (i > 0) cursor += BLOCK_GAP;
      setFont(block.bold);
      doc.fillColor(block.color ?? '#1a1a1a').text(block.text, x + PAD, cursor, { width: width - 2 * PAD });
      cursor += blockHeight(block, width);
    });
    doc.fillColor('#1a1a1a');
    doc.y = flow;
  };

  const drawHeader = () => {
    const y = doc.y;
    let x = left;
    headerCells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      doc.rect(x, y, w, headerHeight).fillAndStroke(HEADER_FILL, LINE);
      drawCell(cell, x, y, w);
      x += w;
    });
    doc.y = y + headerHeight;
  };

  // The open column-0 span on this page: where it started and what it says.
  let span: { group: string | undefined; top: number; cell: PdfCell } | null = null;
  const closeSpan = () => {
    if (!span) return;
    const w = widths[0] ?? 0;
    doc.rect(left, span.top, w, doc.y - span.top).fillAndStroke(SPAN_FILL, LINE);
    drawCell(span.cell, left, span.top, w);
    span = null;
  };
  const newPage = () => {
    closeSpan();
    doc.addPage();
    if (spec.continuation) {
      doc
        .font(spec.fonts.bold)
        .fontSize(spec.fontSize + 2.5)
        .fillColor('#154273');
      doc.text(spec.continuation, left, doc.y, { width: total });
      doc.fillColor('#1a1a1a');
      doc.y += 4;
    }
    drawHeader();
  };

  drawHeader();
  for (const row of spec.rows) {
    let pending = row.cells;
    while (pending.length) {
      const spanned = spec.spanFirstColumn === true;
      const bodyCells = spanned ? pending.slice(1) : pending;
      const bodyWidths = spanned ? widths.slice(1) : widths;
      const spanCell = spanned && (span === null || span.group !== row.group) ? (row.cells[0] ?? []) : null;
      const need = Math.max(
        ...bodyCells.map((c, i) => cellHeight(c, bodyWidths[i] ?? 0)),
        spanCell ? cellHeight(spanCell, widths[0] ?? 0) : 0,
      );
      const available = bottom() - doc.y;
      const freshPage = bottom() - doc.page.margins.top - headerHeight;
      if (need > available && (need <= freshPage || available < freshPage / 4)) {
        newPage();
        continue;
      }
      const [fits, rest] = need > available ? splitCells(bodyCells, bodyWidths, available) : [bodyCells, []];
      if (spanned && (span === null || span.group !== row.group)) {
        closeSpan();
        span = { group: row.group, top: doc.y, cell: row.cells[0] ?? [] };
      }
      const height = need > available ? available : need;
      let x = left + (spanned ? (widths[0] ?? 0) : 0);
      const y = doc.y;
      fits.forEach((cell, i) => {
        const w = bodyWidths[i] ?? 0;
        doc.rect(x, y, w, height).stroke(LINE);
        drawCell(cell, x, y, w);
        x += w;
      });
      doc.y = y + height;
      if (rest.some((c) => c.length > 0)) {
        pending = spanned ? [row.cells[0] ?? [], ...rest] : rest;
        newPage();
      } else pending = [];
    }
  }
  closeSpan();
  doc.x = left;

  /** Fills `available` with as many words of each cell as fit; the remainder continues on the next page. */
  function splitCells(cells: PdfCell[], cellWidths: number[], available: number): [PdfCell[], PdfCell[]] {
    const fits: PdfCell[] = [];
    const rests: PdfCell[] = [];
    cells.forEach((cell, i) => {
      const width = cellWidths[i] ?? 0;
      const room = available - 2 * PAD;
      const fit: PdfCell = [];
      let used = 0;
      let index = 0;
      for (; index < cell.length; index++) {
        const block = cell[index] as PdfBlock;
        const gap = fit.length > 0 ? BLOCK_GAP : 0;
        const h = blockHeight(block, width);
        if (used + gap + h <= room) {
          fit.push(block);
          used += gap + h;
          continue;
        }
        const words = block.text.split(/(?<=\s)/);
        let lo = 0;
        let hi = words.length;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          const h2 = blockHeight({ ...block, text: words.slice(0, mid).join('') }, width);
          if (used + gap + h2 <= room) lo = mid;
          else hi = mid - 1;
        }
        if (lo > 0) fit.push({ ...block, text: words.slice(0, lo).join('').trimEnd() });
        const remainder = words.slice(lo).join('');
        rests.push([...(remainder ? [{ ...block, text: remainder }] : []), ...cell.slice(index + 1)]);
        break;
      }
      if (index >= cell.length) rests.push([]);
      fits.push(fit);
    });
    return [fits, rests];
  }
}
