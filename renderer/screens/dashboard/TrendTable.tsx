import { monthLabel } from '../../../shared/report/document';
import { rate } from '../../../shared/report/format';
import type { ReportModel } from '../../../shared/report/types';

const W = 120;
const H = 28;

/** A line over the six months with a dot per month that has figures; months without figures leave a gap. */
function Sparkline({ points }: { points: readonly (number | null)[] }) {
  const step = W / points.length;
  const x = (i: number): number => step * (i + 0.5);
  const y = (p: number): number => H - 3 - p * (H - 6);
  const segments: string[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (i > 0 && p !== null && prev !== null && prev !== undefined) segments.push(`M${x(i - 1)},${y(prev)}L${x(i)},${y(p)}`);
  });
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" className="dash-spark">
      <rect x={0} y={0} width={W} height={H} className="dash-spark-box" />
      <path d={segments.join('')} className="dash-spark-line" />
      {points.map((p, i) => (p === null ? null : <circle key={i} cx={x(i)} cy={y(p)} r={2.5} className="dash-spark-dot" />))}
    </svg>
  );
}

/** Six months of compliance per item: the figures in cells (rate and n), the line only repeats them. */
export function TrendTable({ model }: { model: ReportModel }) {
  return (
    <div className="dash-scroll">
      <table className="dash-table">
        <caption>Six-month trend: compliance (n) per item; – means no scored answers that month</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            {model.trend.map((t) => (
              <th scope="col" key={t.month}>
                {monthLabel(t.month)}
              </th>
            ))}
            <th scope="col">Trend line</th>
          </tr>
        </thead>
        <tbody>
          {model.items.map((f) => {
            const cells = model.trend.map((t) => t.items.find((x) => x.itemId === f.itemId)?.compliance ?? null);
            return (
              <tr key={f.itemId}>
                <th scope="row">Item {f.number}</th>
                {cells.map((p, i) => (
                  <td key={model.trend[i]!.month} className="nowrap">
                    {p === null || p.interval === null ? '–' : `${rate(p)} (${p.n})`}
                  </td>
                ))}
                <td>
                  <Sparkline points={cells.map((p) => p?.interval?.point ?? null)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
