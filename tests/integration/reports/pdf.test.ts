import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportDocument } from '../../../electron/core/reports/document';
import { gatherReport } from '../../../electron/core/reports/gather';
import { renderReportPdf } from '../../../electron/core/reports/pdf/render';
import type { ReportDocument } from '../../../shared/report/document';
import { interval, rate, ukDateTime } from '../../../shared/report/format';
import { addReview, answers, october, RESOURCES, reportDb, tmp } from './fixture';

const ARTIFACTS = resolve(__dirname, '../../.artifacts');

function documentOf(options: { includeNotes?: boolean; marking?: string } = {}): ReportDocument {
  const { db } = reportDb();
  october(db);
  return reportDocument(gatherReport(db, RESOURCES, { kind: 'round', roundId: 1 }), { generatedBy: 'lead.one', ...options });
}

function written(pdf: Buffer): string {
  const file = join(tmp(), 'report.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** pdftotext's plain text, with runs of spaces and line breaks made single, so figures in tables are findable. */
function text(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

let doc: ReportDocument;
let pdf: Buffer;
let file: string;
let pages: string[];

beforeAll(async () => {
  doc = documentOf();
  pdf = await renderReportPdf(doc, RESOURCES);
  file = written(pdf);
  pages = text(file).split('\f').filter((p) => p.trim() !== '');
});

describe('the report PDF', () => {
  it('is a tagged PDF 1.7 on A4 in British English, with fonts embedded and the data date as its date', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)$/m);
    expect(info).toMatch(/^CreationDate:\s+Sat Nov {2}8 10:00:00 2025 UTC$/m);
    expect(info).toMatch(/^Title:\s+Child focus dip sample report: Central East: October 2025/m);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBe(2);
    for (const line of fonts) expect(line).toMatch(/DejaVuSans.*CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(pdf.includes(Buffer.from('/Lang (en-GB)'))).toBe(true);
    expect(pdf.includes(Buffer.from('/StructTreeRoot'))).toBe(true);
  });

  it('carries a structure tree: sections with headings, paragraphs, lists, tables with header cells, figures', () => {
    const tree = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    const elements = tree.split('\n').map((l) => l.trim().split(' ')[0]);
    expect(elements[0]).toBe('Document');
    for (const kind of ['Sect', 'H1', 'H2', 'P', 'L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(elements).toContain(kind);
    const headings = [...tree.matchAll(/H1 \(block\)\n\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Body-worn video dip sample: child focus',
      '1. Safeguarding escalations',
      '2. Headline figures',
      '3. Per-item results',
      '4. Charts and six-month trend',
      '5. By team and by stratum',
      '6. Reviewer agreement',
      '7. Method statement',
      'Appendix A: sampled incidents',
    ]);
    // The chart's figures are text inside the Figure element, so they are read out, not only drawn.
    expect(tree).toMatch(/Figure\n\s+"[^"]*Item 150\.0% \(15\.0–85\.0%\) n=4/);
    // Page furniture (marking, page numbers) is an artifact, outside the tree.
    expect(tree).not.toContain('Page 1 of');
  });

  it('marks every page at top and bottom and numbers it "Page N of M"', () => {
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => {
      const lines = p.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1)).toBe('OFFICIAL-SENSITIVE');
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain(doc.meta.reportId);
    });
  });

  it('has a cover with BCU, period, rubric, who and when, report id and the SHA-256 of its data', () => {
    const cover = pages[0]!.replace(/\s+/g, ' ');
    for (const want of ['Central East', 'October 2025', 'child-focus version 1', 'lead.one', ukDateTime(doc.meta.asAt), doc.meta.reportId]) {
      expect(cover).toContain(want);
    }
    expect(cover.replace(/\s+/g, '')).toContain(doc.meta.dataSha256);
    expect(doc.meta.dataSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('puts escalations first, then holds every per-item figure of the model', () => {
    const all = pages.join('\n');
    expect(all.indexOf('1. Safeguarding escalations')).toBeLessThan(all.indexOf('2. Headline figures'));
    expect(pages[1]).toContain('CAD 2');
    const table = pages.find((p) => p.includes('3. Per-item results') && p.includes('Compliance'))!;
    for (const f of doc.model.items) {
      const row = table.split('\n').find((l) => new RegExp(`^\\s*${f.number}\\s{2,}\\S`).test(l))!;
      if (row === undefined) throw new Error(`no row for item ${f.number} in:\n${table}`);
      const c = f.counts;
      expect(row.replace(/\s+/g, ' ')).toContain(
        `${c.yes} ${c.partly} ${c.no} ${c.na} ${c.not_visible} ${c.outOfScope} ${f.compliance.n} ${rate(f.compliance)} ${rate(f.yesOrPartly)}`,
      );
      expect(table).toContain(`(${interval(f.compliance)})`);
    }
    const chart = pages.find((p) => p.includes('Compliance per item') && p.includes('Whisker'))!;
    for (const f of doc.model.items) expect(chart).toContain(`${rate(f.compliance)} (${interval(f.compliance)}) n=${f.compliance.n}`);
    expect(all).toContain(`Completion: 5 of 6 sampled incidents have a submitted review — ${rate(doc.model.completion.rate)}`);
  });

  it('has the trend, teams, agreement, method statement and appendix', () => {
    const all = pages.join('\n');
    expect(all).toMatch(/2025-09\s+2025-10/);
    expect(all).toMatch(/1\s+–\s+–\s+–\s+–\s+100\.0% \(4\)\s+50\.0% \(4\)/);
    expect(all).toMatch(/Team A\s+3\s+33\.3% \(6\.1–79\.2%\)/);
    expect(all).toMatch(/All items pooled\s+17\s+2\s+94\.1%/);
    expect(all).toContain('bwc-dip sample verify 1');
    expect(all).toContain('20251101');
    expect(all).toMatch(/Frame size \(N\)\s+60/);
    expect(all).toMatch(/CAD 5\s+Team B\s+PC 105, PC 200\s+s1, s2\s+Inadequate/);
    expect(all).toMatch(/CAD 6\s+Team B\s+PC 106, PC 200\s+not reviewed\s+–/);
  });

  it('leaves notes out unless asked for them', async () => {
    const all = pages.join('\n');
    expect(all).not.toContain('Baby unseen upstairs');
    expect(all).not.toContain('HYPERLINK');
    expect(all).toContain('Free-text notes');
    const withNotes = text(written(await renderReportPdf(documentOf({ includeNotes: true }), RESOURCES)));
    expect(withNotes).toContain('Baby unseen upstairs, no Merlin');
    expect(withNotes).toContain("Appendix B: reviewers' notes");
    expect(withNotes).toContain('Item 3: Spoke to the child, in the kitchen');
  });

  it('keeps a 10,000-character note inside the page: cut in the table, whole in Appendix B', async () => {
    const { db } = reportDb();
    const rubric = october(db);
    const note = `${'Child seen crying on the stairs, no officer spoke to her. '.repeat(172)}END OF NOTE`;
    expect(note.length).toBeGreaterThan(9_900);
    addReview(db, { roundId: 1, incidentId: 6, reviewer: 's4', submittedAt: '2025-11-09T10:00:00.000Z', answers: answers(rubric, { escalation: note }) });
    const long = reportDocument(gatherReport(db, RESOURCES, { kind: 'round', roundId: 1 }), { generatedBy: 'lead.one', includeNotes: true });
    const longPages = text(written(await renderReportPdf(long, RESOURCES))).split('\f').filter((p) => p.trim() !== '');
    longPages.forEach((p, i) => {
      const lines = p.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      expect([lines[0], lines.at(-1)]).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
      expect(p).toContain(`Page ${i + 1} of ${longPages.length}`);
    });
    const all = longPages.join('\n');
    expect(all).toContain('(in full in Appendix B)');
    expect(all).toContain('END OF NOTE');
  });

  it('prints a chosen protective marking in header and footer', async () => {
    const marked = text(written(await renderReportPdf(documentOf({ marking: 'OFFICIAL' }), RESOURCES))).split('\f').filter((p) => p.trim());
    for (const p of marked) {
      const lines = p.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      expect([lines[0], lines.at(-1)]).toEqual(['OFFICIAL', 'OFFICIAL']);
    }
  });

  it('gives the same bytes for the same data, even from another database file', async () => {
    const again = await renderReportPdf(documentOf(), RESOURCES);
    expect(again.equals(pdf)).toBe(true);
    const other = await renderReportPdf({ ...doc, meta: { ...doc.meta, generatedBy: 'someone.else' } }, RESOURCES);
    expect(other.equals(pdf)).toBe(false);
  });

  it('renders to PNG without error; page 1 is kept as a test artifact', () => {
    const out = join(tmp(), 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, out]);
    const png = `${out}-01.png`;
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(5000);
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(png, join(ARTIFACTS, 'report-page1.png'));
    // Every other page renders too.
    execFileSync('pdftoppm', ['-png', '-r', '20', file, join(tmp(), 'all')]);
  });
});
