import { interval, rate } from '../../../shared/report/format';
import type { ItemFigures } from '../../../shared/report/types';

const ROW = 26;
const LABEL = 64;
const PLOT = 420;
const VALUE = 210;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * Compliance per item as horizontal bars with 95% interval whiskers, the same chart as the PDF's. Every bar is
 * labelled with its figures in text, so nothing depends on reading lengths or colours; the per-item table below
 * carries the same numbers with their counts.
 */
export function ItemChart({ items }: { items: readonly ItemFigures[] }) {
  const height = items.length * ROW + 28;
  const width = LABEL + PLOT + VALUE;
  return (
    <figure className="dash-figure">
      <svg
        className="dash-chart"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="dash-items-caption"
      >
        {TICKS.map((t) => (
          <g key={t}>
            <line x1={LABEL + t * PLOT} x2={LABEL + t * PLOT} y1={0} y2={items.length * ROW} className="dash-grid" />
            <text x={LABEL + t * PLOT} y={items.length * ROW + 16} textAnchor="middle" className="dash-axis">
              {t * 100}%
            </text>
          </g>
        ))}
        {items.map((f, i) => {
          const y = i * ROW;
          const mid = y + ROW / 2;
          const p = f.compliance.interval;
          return (
            <g key={f.itemId}>
              <text x={0} y={mid + 5} className="dash-label">
                Item {f.number}
              </text>
              {p === null ? (
                <text x={LABEL + 4} y={mid + 5} className="dash-axis">
                  no scored answers
                </text>
              ) : (
                <>
                  <rect x={LABEL} y={mid - 6} width={Math.max(p.point * PLOT, 1)} height={12} className="dash-bar" />
                  <path
                    d={`M${LABEL + p.lower * PLOT},${mid}H${LABEL + p.upper * PLOT}M${LABEL + p.lower * PLOT},${mid - 5}v10M${LABEL + p.upper * PLOT},${mid - 5}v10`}
                    className="dash-whisker"
                  />
                  <text x={LABEL + PLOT + 8} y={mid + 5} className="dash-value">
                    {rate(f.compliance)} ({interval(f.compliance)}) n={f.compliance.n}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id="dash-items-caption">
        Compliance per item (yes out of yes, partly and no): bar = rate, whisker = 95% Wilson interval, n = answers
        scored. The same figures, with every count, are in the table below.
      </figcaption>
    </figure>
  );
}
