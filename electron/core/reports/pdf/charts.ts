import { interval, percent, rate } from '../../../../shared/report/format';
import type { ItemFigures, TrendMonth } from '../../../../shared/report/types';
import { monthLabel } from '../../../../shared/report/document';
import { ACCENT, bottom, contentWidth, type Doc, ensureSpace, INK, left, MUTED, type Pdf, RULE, type Struct } from './layout';

/**
 * The report's charts, drawn as vector paths (sharp at any zoom, text selectable). Each is one Figure element with
 * alternative text; every number a chart shows is also in a table next to it, so nothing depends on reading the
 * picture or telling colours apart.
 */

const TICKS = [0, 0.25, 0.5, 0.75, 1];

function whisker(doc: Doc, x1: number, x2: number, y: number, cap: number): void {
  doc.moveTo(x1, y).lineTo(x2, y).moveTo(x1, y - cap).lineTo(x1, y + cap).moveTo(x2, y - cap).lineTo(x2, y + cap).lineWidth(0.9).stroke(INK);
}

/** Per-item horizontal bars (compliance) with 95% Wilson interval whiskers and the figures written beside them. */
export function itemBars(pdf: Pdf, parent: Struct, items: readonly ItemFigures[]): void {
  const { doc } = pdf;
  const rowH = 15;
  const labelW = 42;
  const valueW = 150;
  const height = items.length * rowH + 34;
  ensureSpace(pdf, height);
  const x0 = left(pdf) + labelW;
  const w = contentWidth(pdf) - labelW - valueW;
  const top = doc.y;
  const alt =
    'Horizontal bar chart: compliance per rubric item (yes out of yes, partly and no) with 95% Wilson interval whiskers. ' +
    'The same figures are in the per-item table.';
  parent.add(
    doc.struct('Figure', { alt }, () => {
      doc.font(pdf.fonts.regular).fontSize(7).fillColor(MUTED);
      for (const t of TICKS) {
        const x = x0 + t * w;
        doc.moveTo(x, top).lineTo(x, top + items.length * rowH).lineWidth(0.4).stroke(RULE);
        doc.text(percent(t).replace('.0', ''), x - 15, top + items.length * rowH + 3, { width: 30, align: 'center', lineBreak: false });
      }
      items.forEach((f, i) => {
        const y = top + i * rowH;
        const mid = y + rowH / 2;
        doc.font(pdf.fonts.regular).fontSize(7.5).fillColor(INK).text(`Item ${f.number}`, left(pdf), mid - 4, { lineBreak: false });
        const p = f.compliance.interval;
        if (p === null) {
          doc.fillColor(MUTED).text('no scored answers', x0 + 3, mid - 4, { lineBreak: false });
          return;
        }
        doc.rect(x0, mid - 4, Math.max(p.point * w, 0.5), 8).fill(ACCENT);
        whisker(doc, x0 + p.lower * w, x0 + p.upper * w, mid, 3);
        doc
          .font(pdf.fonts.regular)
          .fontSize(7.5)
          .fillColor(INK)
          .text(`${rate(f.compliance)} (${interval(f.compliance)}) n=${f.compliance.n}`, x0 + w + 6, mid - 4, { lineBreak: false });
      });
      doc
        .fontSize(7)
        .fillColor(MUTED)
        .text('Bar: compliance. Whisker: 95% Wilson interval. n: yes + partly + no.', left(pdf), top + items.length * rowH + 14, {
          lineBreak: false,
        });
    }),
  );
  doc.x = left(pdf);
  doc.y = top + height;
}

/**
 * Six-month trend as small multiples, one panel per item: points for months with figures, whiskers for their
 * intervals, lines joining consecutive months only (a month with no figures leaves a gap, not a bridge).
 */
export function trendPanels(pdf: Pdf, parent: Struct, items: readonly ItemFigures[], trend: readonly TrendMonth[]): void {
  const { doc } = pdf;
  const cols = 3;
  const gap = 12;
  const panelW = (contentWidth(pdf) - gap * (cols - 1)) / cols;
  const panelH = 78;
  const plotH = 48;
  const rows = Math.ceil(items.length / cols);
  const months = trend.map((t) => t.month);
  const short = months.map((m) => monthLabel(m).slice(0, 3));
  const alt =
    `Line charts, one per item: compliance in each of the six months ${monthLabel(months[0] ?? '')} to ` +
    `${monthLabel(months.at(-1) ?? '')} with 95% interval whiskers. The same figures are in the trend table.`;
  const drawPanel = (f: ItemFigures, px: number, py: number): void => {
    doc.font(pdf.fonts.regular).fontSize(7.5).fillColor(INK).text(`Item ${f.number}`, px, py, { lineBreak: false });
    const plotX = px + 22;
    const plotW = panelW - 26;
    const plotY = py + 11;
    doc.rect(plotX, plotY, plotW, plotH).lineWidth(0.4).stroke(RULE);
    doc.fontSize(6).fillColor(MUTED);
    doc.text('100%', px, plotY - 2, { lineBreak: false });
    doc.text('0%', px + 8, plotY + plotH - 5, { lineBreak: false });
    const step = plotW / Math.max(months.length, 1);
    const xOf = (i: number): number => plotX + step * (i + 0.5);
    const yOf = (p: number): number => plotY + plotH - p * plotH;
    short.forEach((m, i) => doc.text(m, xOf(i) - 10, plotY + plotH + 2, { width: 20, align: 'center', lineBreak: false }));
    const points = trend.map((t) => t.items.find((x) => x.itemId === f.itemId)?.compliance?.interval ?? null);
    for (let i = 1; i < points.length; i += 1) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b) doc.moveTo(xOf(i - 1), yOf(a.point)).lineTo(xOf(i), yOf(b.point)).lineWidth(1).stroke(ACCENT);
    }
    points.forEach((p, i) => {
      if (p === null) return;
      doc.moveTo(xOf(i), yOf(p.lower)).lineTo(xOf(i), yOf(p.upper)).lineWidth(0.6).stroke(INK);
      doc.circle(xOf(i), yOf(p.point), 1.8).fill(ACCENT);
    });
  };
  for (let r = 0; r < rows; r += 1) {
    ensureSpace(pdf, panelH);
    const y = doc.y;
    const chunk = items.slice(r * cols, r * cols + cols);
    parent.add(
      doc.struct('Figure', { alt: r === 0 ? alt : `Trend charts, continued: items ${chunk.map((f) => f.number).join(', ')}.` }, () =>
        chunk.forEach((f, c) => drawPanel(f, left(pdf) + c * (panelW + gap), y)),
      ),
    );
    doc.x = left(pdf);
    doc.y = Math.min(y + panelH, bottom(pdf));
  }
}
