import { call } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';

/** Everything the latest index run could not use, and why, so nothing is silently left out of a sample frame. */
export function ProblemsPanel({ version }: { version: number }) {
  const problems = useAsync(() => call('library.problems', { offset: 0, limit: 500 }), [version]);
  const p = problems.data;
  return (
    <section className="panel problems" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems {p ? `(${p.total})` : ''}</h2>
      {problems.error && <p className="error" role="alert">{problems.error.message}</p>}
      {p && p.total === 0 && <p>Every file and export row was used.</p>}
      {p && p.total > 0 && (
        <table>
          <caption className="sr-only">Files and rows that could not be used</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Where</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r, i) => (
              <tr key={i}>
                <td>{r.kind.replace(/-/g, ' ')}</td>
                <td>
                  {r.path}
                  {r.line !== null ? `, line ${r.line}` : ''}
                </td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p && p.total > p.rows.length && <p className="hint">Showing the first {p.rows.length} of {p.total}.</p>}
    </section>
  );
}
