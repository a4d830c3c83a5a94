import type { DeviationFigure, ReviewerDeviation } from '../../../shared/ipc/calibration';
import { delta, DIRECTION_WORDS, signed } from './format';

function Deviation({ d }: { d: DeviationFigure }) {
  if (d.difference === null || d.direction === null) return <td>Not compared yet</td>;
  return (
    <td className={`cal-dir cal-dir-${d.direction.replace(' ', '-')}`}>
      <strong>{DIRECTION_WORDS[d.direction]}</strong>
      <br />
      {delta(d.difference, 2)} steps ({signed(d.reviewerMean!, 2)} against {signed(d.othersMean!, 2)}), n = {d.n}
    </td>
  );
}

/** Who scores lower or higher than colleagues on the same incidents: the words carry it, colour only repeats it. */
export function DeviationTable({ rows }: { rows: ReviewerDeviation[] }) {
  return (
    <table className="cal-table">
      <caption>
        Reviewer deviation: each reviewer's mean score minus the other reviewers' mean on the same incidents (no = 1,
        partly = 2, yes = 3; inadequate = 1, requires improvement = 2, good = 3). n = answers compared.
      </caption>
      <thead>
        <tr>
          <th scope="col">Reviewer</th>
          <th scope="col">Incidents double-scored</th>
          <th scope="col">Items</th>
          <th scope="col">Overall judgement</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.reviewerId}>
            <th scope="row">{r.displayName}</th>
            <td className="num">{r.incidents}</td>
            <Deviation d={r.items} />
            <Deviation d={r.overall} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
