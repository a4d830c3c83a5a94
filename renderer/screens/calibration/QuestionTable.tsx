import type { Figure, QuestionStats } from '../../../shared/ipc/calibration';
import { bandWords, figureValue, percent } from './format';

/** The band in words; for an undefined figure, why there is none. */
function Band({ f }: { f: Figure }) {
  if (f.value === null) return <td className="hint">{f.reason}</td>;
  return <td>{bandWords(f)}</td>;
}

/**
 * Agreement per question. Krippendorff's alpha (ordinal) leads because it copes with any number of reviewers and
 * with answers left out; AC1 sits beside it because it stays stable when almost every answer is "yes", where
 * alpha and kappa collapse (the "kappa paradox").
 */
export function QuestionTable({ caption, rows, ranked }: { caption: string; rows: QuestionStats[]; ranked: boolean }) {
  return (
    <table className="cal-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {ranked && <th scope="col">Rank</th>}
          <th scope="col">Question</th>
          <th scope="col">Krippendorff's α</th>
          <th scope="col">Band (α)</th>
          <th scope="col">Gwet's AC1</th>
          <th scope="col">Band (AC1)</th>
          <th scope="col">Agreement</th>
          <th scope="col">Answers differ</th>
          <th scope="col">Units</th>
          <th scope="col">Raters</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((q, i) => {
          const alpha = q.figures.krippendorff;
          const ac1 = q.figures.ac1;
          return (
            <tr key={q.key} className={alpha.band === 'unreliable' ? 'cal-weak' : undefined}>
              {ranked && <td className="num">{i + 1}</td>}
              <th scope="row">
                <span className="cal-qlabel">{q.label}</span> <span className="cal-qtext">{q.text}</span>
              </th>
              <td className="num">{figureValue(alpha)}</td>
              <Band f={alpha} />
              <td className="num">{figureValue(ac1)}</td>
              <Band f={ac1} />
              <td className="num">{percent(q.figures.percent)}</td>
              <td className="num">
                {q.disagreements} of {q.compared}
              </td>
              <td className="num">{alpha.units}</td>
              <td className="num">{alpha.raters}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
