import { useState } from 'react';
import type { CompareIncident as Incident } from '../../../shared/ipc/calibration';
import { incidentName, plural } from './format';
import { ReviewDialog, type ReviewTarget } from './ReviewDialog';

const STATUS: Record<Incident['reviewers'][number]['status'], string> = {
  submitted: 'submitted',
  draft: 'draft, not submitted',
  not_started: 'not started',
};

function stepsText(steps: number | null): string {
  if (steps === null || steps === 0) return '';
  return ` (${plural(steps, 'step')} apart)`;
}

/**
 * One incident's answers side by side. A differing row is marked in words ("Differs") and by colour, so neither
 * colour vision nor a screen reader is needed to find it.
 */
export function CompareIncident({ roundId, incident, onlyDiffering }: { roundId: number; incident: Incident; onlyDiffering: boolean }) {
  const [open, setOpen] = useState<{ target: ReviewTarget; opener: HTMLElement } | null>(null);
  const name = incidentName(incident);
  const headingId = `cal-inc-${incident.incidentId}`;
  const rows = onlyDiffering ? incident.rows.filter((r) => r.disagree) : incident.rows;
  const submitted = incident.reviewers.filter((r) => r.status === 'submitted').length;
  // The core opens a review only once nobody is still scoring blind; the button appears on the same condition.
  const openable = !incident.withheld && submitted === incident.reviewers.length;
  return (
    <section className="cal-incident panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name}
        <span className="cal-count">
          {' '}
          — {incident.withheld ? 'answers hidden' : plural(incident.disagreements, 'question differs', 'questions differ')}
        </span>
      </h3>
      <p className="hint">
        {incident.reference ? `Reference ${incident.reference}, ` : ''}incident {incident.incidentId}. Scorers:{' '}
        {incident.reviewers.map((r) => `${r.displayName} (${STATUS[r.status]})`).join(', ')}.
      </p>
      {incident.withheld ? (
        <p>You are one of this incident's scorers and have not submitted yet: the others' answers stay hidden until you do.</p>
      ) : submitted < 2 ? (
        <p>Waiting for a second submitted review: there is nothing to compare yet.</p>
      ) : rows.length === 0 ? (
        <p>Every answer is the same.</p>
      ) : (
        <table className="cal-table cal-compare">
          <caption className="sr-only">Answers to {name} side by side</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              {incident.reviewers.map((r) => (
                <th scope="col" key={r.reviewerId}>
                  {r.displayName}
                  {openable && (
                    <button
                      type="button"
                      className="cal-open-review"
                      aria-haspopup="dialog"
                      aria-label={`Open ${r.displayName}'s review of ${name}`}
                      onClick={(e) =>
                        setOpen({
                          target: { roundId, incidentId: incident.incidentId, reviewerId: r.reviewerId, displayName: r.displayName },
                          opener: e.currentTarget,
                        })
                      }
                    >
                      Open {r.displayName}'s review
                    </button>
                  )}
                </th>
              ))}
              <th scope="col">Agreement</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.disagree ? 'cal-differs' : undefined}>
                <th scope="row">
                  <span className="cal-qlabel">{row.label}</span> <span className="cal-qtext">{row.text}</span>
                </th>
                {row.answers.map((a) => (
                  <td key={a.reviewerId}>{a.label ?? '—'}</td>
                ))}
                <td>{row.disagree ? <strong>≠ Differs{stepsText(row.steps)}</strong> : 'Same'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <ReviewDialog target={open.target} opener={open.opener} onClose={() => setOpen(null)} />}
    </section>
  );
}
