import { useEffect, useRef } from 'react';
import type { CalibrationReview } from '../../../shared/ipc/calibration';
import type { Evidence } from '../../../shared/rubric/answers';
import { scaleOptions, type Rubric } from '../../../shared/rubric/schema';
import { call } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';
import { incidentName } from './format';

export interface ReviewTarget {
  roundId: number;
  incidentId: number;
  reviewerId: string;
  displayName: string;
}

function answerText(rubric: Rubric, scale: string, code: string | null): string {
  if (code === null) return 'Not answered';
  return scaleOptions(rubric, scale).find((o) => o.value === code)?.label ?? code;
}

/** "1:05:09" or "4:07": the clock a reviewer read off the player when pinning the moment. */
export function clockTime(second: number): string {
  const s = Math.floor(second);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function evidenceText(evidence: readonly Evidence[], clips: CalibrationReview['clips']): string {
  if (evidence.length === 0) return 'None';
  return evidence.map((e) => `${clips.find((c) => c.id === e.clipId)?.label ?? `clip ${e.clipId}`} at ${clockTime(e.second)}`).join('; ');
}

function ReviewBody({ view }: { view: CalibrationReview }) {
  const { rubric, review, clips } = view;
  const a = review.answers;
  const scope = a.scope === 'yes' ? 'Yes' : a.scope === 'no' ? 'No' : 'Not answered';
  return (
    <>
      <p className="hint">
        Round {view.round.name}; {incidentName({ reference: view.incident.reference, incidentId: view.incident.id })}; rubric {rubric.id} v
        {rubric.version}; revision {review.revision}
        {review.submittedAt ? `, submitted ${new Date(review.submittedAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}` : ''}.
        Clips: {clips.length === 0 ? 'none' : clips.map((c) => c.label).join('; ')}.
      </p>
      <table className="cal-table">
        <caption className="sr-only">{view.reviewer.displayName}'s answers</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Answer</th>
            <th scope="col">Notes</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <span className="cal-qlabel">Scope</span> <span className="cal-qtext">{rubric.scope.text}</span>
            </th>
            <td>{scope}</td>
            <td />
            <td />
          </tr>
          {rubric.items.map((item) => {
            const ans = a.items[item.id];
            return (
              <tr key={item.id}>
                <th scope="row">
                  <span className="cal-qlabel">Item {item.number}</span> <span className="cal-qtext">{item.text}</span>
                </th>
                <td>{answerText(rubric, item.scale, ans?.answer ?? null)}</td>
                <td className="cal-notes">{ans?.notes || '—'}</td>
                <td>{evidenceText(ans?.evidence ?? [], clips)}</td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">
              <span className="cal-qlabel">Overall</span> <span className="cal-qtext">{rubric.overall.text}</span>
            </th>
            <td>{answerText(rubric, rubric.overall.scale, a.overall.answer)}</td>
            <td className="cal-notes">{a.overall.learningNote || '—'}</td>
            <td />
          </tr>
          <tr>
            <th scope="row">
              <span className="cal-qlabel">Escalation</span> <span className="cal-qtext">{rubric.escalation.text}</span>
            </th>
            <td>{a.escalation.flag ? 'Yes' : 'No'}</td>
            <td className="cal-notes">{a.escalation.note || '—'}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </>
  );
}

/**
 * One reviewer's submitted review, read-only, over the comparison. A modal <dialog> keeps keyboard focus inside and
 * closes on Escape; on closing, focus goes back to the button that opened it so the keyboard user keeps their place.
 * Opening is logged by the core as a consultation.
 */
export function ReviewDialog({ target, opener, onClose }: { target: ReviewTarget; opener: HTMLElement | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const view = useAsync(
    () => call('calibration.review', { roundId: target.roundId, incidentId: target.incidentId, reviewerId: target.reviewerId }),
    [target.roundId, target.incidentId, target.reviewerId],
  );
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => opener?.focus();
  }, [opener]);
  const titleId = `cal-review-${target.incidentId}-${target.reviewerId}`;
  return (
    <dialog
      ref={ref}
      className="cal-review-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{target.displayName}'s review (read-only)</h2>
      {view.error && (
        <p role="alert" className="error">
          {view.error.message}
        </p>
      )}
      {view.loading && !view.data && <p role="status">Loading the review…</p>}
      {view.data && <ReviewBody view={view.data} />}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
