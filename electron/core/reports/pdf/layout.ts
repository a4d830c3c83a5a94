import type PDFDocument from 'pdfkit';

/**
 * Tagged-PDF building blocks over pdfkit: headings, paragraphs, lists and tables that carry their structure
 * (H1/H2, P, L/LI, Table/TR/TH/TD) so a screen reader reads the report in order, and that keep every line inside
 * the page's margins. Anything drawn only for looks (rules, shading, repeated table headers) is marked as an
 * artifact, which assistive technology skips.
 */

export type Doc = typeof PDFDocument.prototype;
export type Struct = ReturnType<Doc['struct']>;

export const INK = '#1b1b1b';
export const MUTED = '#4a4a4a';
export const ACCENT = '#0b4f9c';
export const RULE = '#b0b0b0';
export const SHADE = '#eef1f5';

export interface Pdf {
  doc: Doc;
  /**
   * Font files, used as pdfkit's font keys: pdfkit caches a font under the key it was first opened with, and
   * re-reads the file for any other name that resolves to the same font (a registered alias would reload it on
   * every switch).
   */
  fonts: { regular: string; bold: string };
  /** The Document structure element every section hangs from. */
  root: Struct;
}

export function left(pdf: Pdf): number {
  return pdf.doc.page.margins.left;
}

export function contentWidth(pdf: Pdf): number {
  const { page } = pdf.doc;
  return page.width - page.margins.left - page.margins.right;
}

export function bottom(pdf: Pdf): number {
  return pdf.doc.page.height - pdf.doc.page.margins.bottom;
}

/** Starts a new page unless `height` still fits on this one. */
export function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.doc.y + height > bottom(pdf)) newPage(pdf);
}

export function newPage(pdf: Pdf): void {
  pdf.doc.addPage();
  pdf.doc.x = left(pdf);
}

/** Draws decoration outside the structure tree. */
export function artifact(pdf: Pdf, draw: () => void): void {
  pdf.doc.markContent('Artifact', { type: 'Layout' });
  draw();
  pdf.doc.endMarkedContent();
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  gap?: number;
}

function write(pdf: Pdf, text: string, style: TextStyle): void {
  const { doc } = pdf;
  doc
    .font(style.bold === true ? pdf.fonts.bold : pdf.fonts.regular)
    .fontSize(style.size ?? 9.5)
    .fillColor(style.color ?? INK);
  doc.text(text, left(pdf), doc.y, { width: contentWidth(pdf) });
}

/** A section: its own Sect element with a heading, optionally starting on a new page. */
export function section(pdf: Pdf, title: string, opts: { newPage?: boolean }, body: (sect: Struct) => void): void {
  if (opts.newPage === true) newPage(pdf);
  const sect = pdf.doc.struct('Sect');
  pdf.root.add(sect);
  heading(pdf, sect, 1, title);
  body(sect);
  sect.end();
}

export function heading(pdf: Pdf, parent: Struct, level: 1 | 2 | 3, text: string): void {
  const size = level === 1 ? 15 : level === 2 ? 12 : 10.5;
  // Keep a heading with at least a few lines of what follows it.
  ensureSpace(pdf, size * 1.4 + 40);
  if (pdf.doc.y > pdf.doc.page.margins.top + 1) pdf.doc.moveDown(level === 1 ? 0.6 : 0.4);
  parent.add(pdf.doc.struct(`H${level}`, () => write(pdf, text, { size, bold: true, color: level === 1 ? ACCENT : INK })));
  pdf.doc.moveDown(0.25);
}

export function paragraph(pdf: Pdf, parent: Struct, text: string, style: TextStyle = {}): void {
  const { doc } = pdf;
  doc.font(style.bold === true ? pdf.fonts.bold : pdf.fonts.regular).fontSize(style.size ?? 9.5);
  // A paragraph may run onto the next page (pdfkit carries its marked content over); a short one moves whole.
  const height = doc.heightOfString(text, { width: contentWidth(pdf) });
  if (height < 120) ensureSpace(pdf, height);
  parent.add(doc.struct('P', () => write(pdf, text, style)));
  doc.moveDown(style.gap ?? 0.35);
}

export function bullets(pdf: Pdf, parent: Struct, items: readonly string[], style: TextStyle = {}): void {
  if (items.length === 0) return;
  const { doc } = pdf;
  const list = doc.struct('L');
  parent.add(list);
  const indent = 12;
  for (const item of items) {
    doc.font(pdf.fonts.regular).fontSize(style.size ?? 9.5).fillColor(INK);
    const width = contentWidth(pdf) - indent;
    const height = doc.heightOfString(item, { width });
    if (height < 120) ensureSpace(pdf, height);
    const li = doc.struct('LI');
    list.add(li);
    const y = doc.y;
    li.add(doc.struct('Lbl', () => doc.text('•', left(pdf), y, { lineBreak: false })));
    li.add(doc.struct('LBody', () => doc.text(item, left(pdf) + indent, y, { width })));
    li.end();
    doc.moveDown(0.2);
  }
  list.end();
  doc.x = left(pdf);
  doc.moveDown(0.2);
}

export interface Column {
  header: string;
  /** A share of the content width; all shares are scaled to fill it. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableSpec {
  columns: readonly Column[];
  rows: readonly (readonly string[])[];
  size?: number;
  /** Header row repeated (as an artifact) on each page the table runs onto. */
  repeatHeader?: boolean;
  /** Rows whose first cell is a row header (TH), e.g. key-value tables. */
  rowHeaders?: boolean;
}

const PAD = 2.5;

/**
 * A table with real table structure. Rows never split across pages; the header is drawn again on every page.
 * Cell heights are measured before drawing; a cell that fits on one line skips pdfkit's line wrapper, which is
 * what keeps a 2,000-row appendix fast.
 */
export function table(pdf: Pdf, parent: Struct, spec: TableSpec): void {
  const { doc } = pdf;
  const size = spec.size ?? 8;
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / total) * contentWidth(pdf));
  const lineHeight = size * 1.25;

  const measure = (cells: readonly string[], bold: boolean): number => {
    doc.font(bold ? pdf.fonts.bold : pdf.fonts.regular).fontSize(size);
    let lines = 1;
    cells.forEach((cell, i) => {
      const w = widths[i]! - 2 * PAD;
      if (cell.includes('\n') || doc.widthOfString(cell) > w) {
        lines = Math.max(lines, Math.round(doc.heightOfString(cell, { width: w, lineGap: 0 }) / doc.currentLineHeight(true)));
      }
    });
    return lines * lineHeight + 2 * PAD;
  };

  const drawCells = (cells: readonly string[], header: boolean, y: number, h: number, into: Struct | null): void => {
    artifact(pdf, () => {
      if (header) doc.rect(left(pdf), y, contentWidth(pdf), h).fill(SHADE);
      doc
        .moveTo(left(pdf), y + h)
        .lineTo(left(pdf) + contentWidth(pdf), y + h)
        .lineWidth(0.5)
        .stroke(RULE);
    });
    const draws = cells.map((cell, i) => {
      const x = left(pdf) + widths.slice(0, i).reduce((a, b) => a + b, 0);
      const w = widths[i]!;
      const bold = header || (spec.rowHeaders === true && i === 0);
      const draw = (): void => {
        doc.font(bold ? pdf.fonts.bold : pdf.fonts.regular).fontSize(size).fillColor(INK);
        const align = spec.columns[i]!.align ?? 'left';
        if (align === 'left' && !cell.includes('\n') && doc.widthOfString(cell) <= w - 2 * PAD) {
          doc.text(cell, x + PAD, y + PAD, { lineBreak: false });
        } else {
          // The height bound cuts (with an ellipsis) a cell taller than a page rather than spilling past the footer.
          doc.text(cell, x + PAD, y + PAD, { width: w - 2 * PAD, height: h - 2 * PAD, ellipsis: true, align, lineGap: 0 });
        }
      };
      return { draw, bold };
    });
    if (into === null) artifact(pdf, () => draws.forEach((d) => d.draw()));
    else for (const d of draws) into.add(doc.struct(d.bold ? 'TH' : 'TD', d.draw));
  };

  const struct = doc.struct('Table');
  parent.add(struct);
  const headerCells = spec.columns.map((c) => c.header);
  const headerHeight = measure(headerCells, true);
  const row = (cells: readonly string[], header: boolean): void => {
    const tr = doc.struct('TR');
    struct.add(tr);
    // No row is taller than a page (with room for the repeated header).
    const h = Math.min(header ? headerHeight : measure(cells, false), bottom(pdf) - doc.page.margins.top - headerHeight);
    if (doc.y + h > bottom(pdf)) {
      newPage(pdf);
      if (!header && spec.repeatHeader !== false) {
        drawCells(headerCells, true, doc.y, headerHeight, null);
        doc.y += headerHeight;
      }
    }
    const y = doc.y;
    drawCells(cells, header, y, h, tr);
    tr.end();
    doc.x = left(pdf);
    doc.y = y + h;
  };
  ensureSpace(pdf, headerHeight + lineHeight + 2 * PAD);
  row(headerCells, true);
  for (const cells of spec.rows) row(cells, false);
  struct.end();
  doc.x = left(pdf);
  doc.moveDown(0.6);
}

/** Two-column label/value table, labels as row headers. */
export function keyValues(pdf: Pdf, parent: Struct, rows: readonly (readonly [string, string])[], size = 8.5): void {
  table(pdf, parent, {
    columns: [
      { header: 'Field', width: 1 },
      { header: 'Value', width: 2.6 },
    ],
    rows,
    size,
    rowHeaders: true,
  });
}
