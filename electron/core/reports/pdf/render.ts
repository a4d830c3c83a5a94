import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ReportDocument } from '../../../../shared/report/document';
import { UserError } from '../../errors';
import { INK, MUTED, type Pdf } from './layout';
import { agreement, appendix, charts, cover, escalations, headline, itemTable, method, teams } from './sections';

/** DejaVu Sans, shipped in resources/fonts (free licence, LICENSE beside it): embedded so every machine gives the same file. */
export function fontFiles(resourcesDir: string): { regular: string; bold: string } {
  const dir = join(resourcesDir, 'fonts');
  const files = { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
  for (const f of Object.values(files)) {
    if (!existsSync(f)) throw new UserError('io', `the report font ${f} is missing: reinstall BWC Dip Sampler`);
  }
  return files;
}

/** Marking at the top and bottom of every page, "Page N of M" and the report id: all pagination artifacts. */
function decoratePages(pdf: Pdf, d: ReportDocument): void {
  const { doc } = pdf;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const { page } = doc;
    // Writing inside the margins must not start a new page.
    const margins = { ...page.margins };
    page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(pdf.fonts.bold).fontSize(9).fillColor(INK);
    doc.text(d.meta.marking, 0, 22, { width: page.width, align: 'center', lineBreak: false });
    doc.text(d.meta.marking, 0, page.height - 30, { width: page.width, align: 'center', lineBreak: false });
    doc.font(pdf.fonts.regular).fontSize(7.5).fillColor(MUTED);
    if (i > range.start) doc.text(d.meta.title, margins.left, 36, { width: page.width - margins.left - margins.right, lineBreak: false, ellipsis: true });
    doc.text(d.meta.reportId, margins.left, page.height - 44, { lineBreak: false });
    const label = `Page ${i - range.start + 1} of ${range.count}`;
    doc.text(label, page.width - margins.right - 120, page.height - 44, { width: 120, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    page.margins = margins;
  }
}

/**
 * The monthly audit report as a tagged PDF 1.7 (A4, fonts embedded, text selectable). Deterministic: the dates in
 * the file's info are the data's own "as at" time, pdfkit derives the file ID from the info and names font subsets
 * from fixed ids, so the same document gives the same bytes from the app, the CLI and the tests.
 */
export function renderReportPdf(d: ReportDocument, resourcesDir: string): Promise<Buffer> {
  const fonts = fontFiles(resourcesDir);
  const asAt = new Date(d.meta.asAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: 'en-GB',
    displayTitle: true,
    font: fonts.regular,
    info: {
      Title: `Child focus dip sample report: ${d.meta.title}`,
      Author: d.meta.generatedBy,
      Subject: `Body-worn video dip sample, ${d.meta.periodLabel}. ${d.meta.marking}. Report ${d.meta.reportId}`,
      Keywords: `${d.meta.marking}; report ${d.meta.reportId}; data sha256 ${d.meta.dataSha256}`,
      Creator: 'BWC Dip Sampler',
      Producer: 'BWC Dip Sampler (pdfkit)',
      CreationDate: asAt,
      ModDate: asAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const pdf: Pdf = { doc, root, fonts };
  cover(pdf, d);
  escalations(pdf, d);
  headline(pdf, d);
  itemTable(pdf, d);
  charts(pdf, d);
  teams(pdf, d);
  agreement(pdf, d);
  method(pdf, d);
  appendix(pdf, d);
  root.end();
  decoratePages(pdf, d);
  doc.end();
  return done;
}
