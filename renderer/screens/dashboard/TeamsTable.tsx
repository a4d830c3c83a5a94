import { interval, rate } from '../../../shared/report/format';
import type { GroupFigures, Proportion, ReportModel } from '../../../shared/report/types';

function share(g: GroupFigures, value: string): string {
  const p: Proportion | undefined = g.overall.options.find((o) => o.value === value)?.share;
  return p === undefined || p.interval === null ? '–' : `${rate(p)} (${interval(p)})`;
}

/** The lowest-compliance item of a team, to point at what needs attention. */
function weakest(g: GroupFigures): string {
  const scored = g.items.filter((f) => f.compliance.interval !== null);
  if (scored.length === 0) return '–';
  const low = scored.reduce((a, b) => (b.compliance.interval!.point < a.compliance.interval!.point ? b : a));
  return `Item ${low.number}: ${rate(low.compliance)} (n=${low.compliance.n})`;
}

export function TeamsTable({ model }: { model: ReportModel }) {
  if (model.byTeam.length === 0) return <p>No reviews are counted yet, so there are no figures by team.</p>;
  return (
    <div className="dash-scroll">
      <table className="dash-table">
        <caption>Overall judgement by team (95% CI) and each team's lowest-compliance item</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col" className="num">Incidents</th>
            <th scope="col">Good</th>
            <th scope="col">Requires improvement</th>
            <th scope="col">Inadequate</th>
            <th scope="col">Lowest item</th>
          </tr>
        </thead>
        <tbody>
          {model.byTeam.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.key}</th>
              <td className="num">{g.incidents}</td>
              <td className="nowrap">{share(g, 'good')}</td>
              <td className="nowrap">{share(g, 'requires_improvement')}</td>
              <td className="nowrap">{share(g, 'inadequate')}</td>
              <td className="nowrap">{weakest(g)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
