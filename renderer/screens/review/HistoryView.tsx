import type { Revision } from '../../../shared/ipc/reviews';
import { ukDateTime } from './format';

/** Every submitted version of the review, newest first, each with who, when, why and what changed. */
export function HistoryView({ history }: { history: Revision[] }) {
  if (history.length === 0) return null;
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">History ({history.length === 1 ? '1 revision' : `${history.length} revisions`})</h2>
      <ol reversed>
        {[...history].reverse().map((rev) => (
          <li key={rev.revision}>
            <h3>
              Revision {rev.revision}: {rev.kind === 'submitted' ? 'submitted' : 'amended'} by {rev.actor}, {ukDateTime(rev.at)}
            </h3>
            {rev.reason && (
              <p>
                <strong>Reason:</strong> {rev.reason}
              </p>
            )}
            {rev.changes.length === 0 ? (
              <p className="hint">First submission.</p>
            ) : (
              <table>
                <caption className="sr-only">Changes in revision {rev.revision}</caption>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {rev.changes.map((c, i) => (
                    <tr key={`${c.field}-${i}`}>
                      <th scope="row">{c.field}</th>
                      <td>{c.before}</td>
                      <td>{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
