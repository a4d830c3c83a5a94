import { useState } from 'react';
import type { SubmitProblem } from '../../../shared/rubric/validate';
import { ukDateTime } from './format';

export type Mode = 'editing' | 'locked' | 'amending';

interface Props {
  mode: Mode;
  revision: number;
  submittedAt: string | null;
  problems: SubmitProblem[];
  busy: boolean;
  error: string | null;
  onSubmit(): void;
  onStartAmend(): void;
  onCancelAmend(): void;
  onSaveAmend(reason: string): void;
  /** Moves focus to the question a problem is about. */
  onGoTo(problem: SubmitProblem): void;
}

/**
 * Submit, and after it the locked state with the way to amend. A failed submit lists every missing answer as a link
 * that takes focus straight to that question.
 */
export function SubmitPanel({ mode, revision, submittedAt, problems, busy, error, onSubmit, onStartAmend, onCancelAmend, onSaveAmend, onGoTo }: Props) {
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  return (
    <section className="submit-panel panel" aria-labelledby="submit-title">
      <h2 id="submit-title">{mode === 'amending' ? 'Amend the submitted review' : mode === 'locked' ? 'Submitted' : 'Submit'}</h2>
      {problems.length > 0 && (
        <div className="problems" role="alert" aria-labelledby="problems-title">
          <p id="problems-title">
            <strong>
              <span aria-hidden="true">✗ </span>
              {problems.length === 1 ? '1 thing' : `${problems.length} things`} to finish before {mode === 'amending' ? 'saving the amendment' : 'submitting'}:
            </strong>
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.questionId}-${i}`}>
                <a
                  href={`#q-${p.questionId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onGoTo(p);
                  }}
                >
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {mode === 'editing' && (
        <>
          <p className="hint">Submitting locks the review. You can still amend it afterwards, giving a reason; every version is kept.</p>
          <button type="button" className="primary" disabled={busy} onClick={onSubmit}>
            Submit review
          </button>
        </>
      )}
      {mode === 'locked' && (
        <>
          <p>
            Submitted {ukDateTime(submittedAt)}; revision {revision}. The answers are locked.
          </p>
          <button type="button" onClick={onStartAmend}>
            Amend this review
          </button>
        </>
      )}
      {mode === 'amending' && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() === '') {
              setReasonMissing(true);
              document.getElementById('amend-reason')?.focus();
              return;
            }
            onSaveAmend(reason.trim());
          }}
        >
          <p className="hint">Change the answers above, then say why. The earlier version stays in the history and the change is recorded in the audit log.</p>
          <div className="field">
            <label htmlFor="amend-reason">Reason for the amendment (required)</label>
            <textarea
              id="amend-reason"
              rows={2}
              maxLength={10_000}
              value={reason}
              aria-required="true"
              aria-invalid={reasonMissing ? true : undefined}
              aria-describedby={reasonMissing ? 'amend-reason-error' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                if (e.target.value.trim()) setReasonMissing(false);
              }}
            />
            {reasonMissing && (
              <p className="error" id="amend-reason-error" role="alert">
                Give a reason for the amendment.
              </p>
            )}
          </div>
          <div className="buttons">
            <button type="submit" className="primary" disabled={busy}>
              Save amendment
            </button>
            <button type="button" onClick={onCancelAmend} disabled={busy}>
              Cancel amendment
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
