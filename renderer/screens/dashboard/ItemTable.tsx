import { interval, rate, weighted } from '../../../shared/report/format';
import type { Proportion, ReportModel } from '../../../shared/report/types';

function Rate({ p }: { p: Proportion }) {
  if (p.interval === null) return <>–</>;
  return (
    <>
      {rate(p)} <span className="dash-ci">({interval(p)})</span>
    </>
  );
}

/** The per-item table: every answer code counted, both rates with intervals; the chart's text alternative. */
export function ItemTable({ model }: { model: ReportModel }) {
  const weights = new Map(model.weighted?.items.map((w) => [w.itemId, w.compliance]) ?? []);
  return (
    <div className="dash-scroll">
      <table className="dash-table">
        <caption>Per-item results (n = yes + partly + no; not applicable, not visible and out of scope are left out of both rates)</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">Yes</th>
            <th scope="col" className="num">Partly</th>
            <th scope="col" className="num">No</th>
            <th scope="col" className="num">N/A</th>
            <th scope="col" className="num">Not visible</th>
            <th scope="col" className="num">Out of scope</th>
            <th scope="col" className="num">n</th>
            <th scope="col">Compliance (95% CI)</th>
            <th scope="col">Yes or partly (95% CI)</th>
            {model.weighted !== null && <th scope="col">Weighted compliance</th>}
          </tr>
        </thead>
        <tbody>
          {model.items.map((f) => (
            <tr key={f.itemId}>
              <th scope="row">
                <span className="dash-num">{f.number}.</span> {f.text}
              </th>
              <td className="num">{f.counts.yes}</td>
              <td className="num">{f.counts.partly}</td>
              <td className="num">{f.counts.no}</td>
              <td className="num">{f.counts.na}</td>
              <td className="num">{f.counts.not_visible}</td>
              <td className="num">{f.counts.outOfScope}</td>
              <td className="num">{f.compliance.n}</td>
              <td className="nowrap">
                <Rate p={f.compliance} />
              </td>
              <td className="nowrap">
                <Rate p={f.yesOrPartly} />
              </td>
              {model.weighted !== null && <td className="nowrap">{weighted(weights.get(f.itemId) ?? null)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
