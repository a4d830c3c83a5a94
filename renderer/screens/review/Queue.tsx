import type { QueueIncident, QueueRound, ReviewStatus } from '../../../shared/ipc/reviews';
import { incidentName, ukDateTime, ukTime } from './format';

export interface OpenTarget {
  roundId: number;
  incidentId: number;
}

/** Status as a symbol AND words, so it never rests on colour alone. */
export const STATUS_TEXT: Record<ReviewStatus, { mark: string; text: string }> = {
  not_started: { mark: '○', text: 'Not started' },
  draft: { mark: '◐', text: 'Draft' },
  submitted: { mark: '●', text: 'Submitted' },
};

export function StatusBadge({ status, updatedAt }: { status: ReviewStatus; updatedAt?: string | null }) {
  const s = STATUS_TEXT[status];
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{s.mark}</span> {s.text}
      {status === 'draft' && updatedAt ? <span className="hint"> (saved {ukTime(updatedAt)})</span> : null}
    </span>
  );
}

function nextToDo(round: QueueRound): QueueIncident | undefined {
  return round.incidents.find((i) => i.status !== 'submitted');
}

/** "My reviews": the reviewer's assignments per round, with progress and the next incident to score. */
export function Queue({ rounds, onOpen }: { rounds: QueueRound[]; onOpen(t: OpenTarget): void }) {
  if (rounds.length === 0) {
    return (
      <div className="panel">
        <p>You have no incidents to review. A BCU lead assigns incidents to reviewers when drawing an audit round.</p>
      </div>
    );
  }
  return (
    <>
      {rounds.map((round) => {
        const next = nextToDo(round);
        const headingId = `round-${round.roundId}-title`;
        return (
          <section key={round.roundId} className="queue-round" aria-labelledby={headingId}>
            <h2 id={headingId}>{round.name}</h2>
            <div className="queue-progress">
              <label htmlFor={`round-${round.roundId}-progress`}>Progress</label>
              <progress id={`round-${round.roundId}-progress`} max={round.counts.total || 1} value={round.counts.submitted} />
              <span>
                {round.counts.submitted} of {round.counts.total} submitted · {round.counts.draft} draft · {round.counts.notStarted} not started
              </span>
              {next ? (
                <button type="button" className="primary" onClick={() => onOpen({ roundId: round.roundId, incidentId: next.incidentId })}>
                  {next.status === 'draft' ? 'Continue' : 'Start'} next: {incidentName(next)}
                </button>
              ) : (
                <strong>All submitted</strong>
              )}
            </div>
            <div className="table-scroll">
            <table className="queue-table">
              <caption className="sr-only">Incidents assigned to you in {round.name}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Incident</th>
                  <th scope="col">Started (UK time)</th>
                  <th scope="col">BCU</th>
                  <th scope="col">Clips</th>
                  <th scope="col">Scoring</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {round.incidents.map((i, n) => (
                  <tr key={i.incidentId}>
                    <td>{n + 1}</td>
                    <td>{incidentName(i)}</td>
                    <td>{ukDateTime(i.startedAt)}</td>
                    <td>{i.bcu ?? '—'}</td>
                    <td>{i.clipCount}</td>
                    <td>{i.calibration ? 'Double-scored (blind)' : 'Single'}</td>
                    <td>
                      <StatusBadge status={i.status} updatedAt={i.updatedAt} />
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => onOpen({ roundId: round.roundId, incidentId: i.incidentId })}
                        aria-label={`Open ${incidentName(i)}`}
                      >
                        Open
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
