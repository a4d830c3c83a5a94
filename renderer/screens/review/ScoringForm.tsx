import { useCallback } from 'react';
import type { ReviewClip } from '../../../shared/ipc/reviews';
import type { Evidence, ItemAnswerRecord, ReviewAnswers } from '../../../shared/rubric/answers';
import type { ContextAnswer, OverallAnswer, ScopeAnswer } from '../../../shared/rubric/codes';
import { scaleOptions, type Rubric } from '../../../shared/rubric/schema';
import { ChoiceGroup } from './ChoiceGroup';
import { ItemFieldset } from './ItemFieldset';

interface Props {
  rubric: Rubric;
  answers: ReviewAnswers;
  clips: ReviewClip[];
  editable: boolean;
  /** Question ids a submit attempt found unanswered. */
  missing: ReadonlySet<string>;
  /** Applies a change to the latest answers (so stable callbacks never work on a stale copy). */
  update(change: (a: ReviewAnswers) => ReviewAnswers): void;
  onPin(itemId: string): void;
  onSeek(pin: Evidence): void;
  onFocusItem(itemId: string): void;
}

const NO_ANSWER: ItemAnswerRecord = { answer: null, notes: '', evidence: [] };

const CONTEXT_CHOICES: { value: ContextAnswer | null; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
  { value: null, label: 'Not recorded' },
];

/**
 * The rubric as a form, in the order a reviewer works: any safeguarding escalation first (it must never be buried),
 * then the scope question that decides whether items 1–17 apply, context, the items, and the overall judgement.
 */
export function ScoringForm({ rubric, answers, clips, editable, missing, update, onPin, onSeek, onFocusItem }: Props) {
  const onChange = (next: Partial<ReviewAnswers>) => update((a) => ({ ...a, ...next }));
  const onItemChange = useCallback(
    (itemId: string, v: ItemAnswerRecord) => update((a) => ({ ...a, items: { ...a.items, [itemId]: v } })),
    [update],
  );
  const outOfScope = answers.scope === 'no';
  const esc = answers.escalation;
  const escNoteMissing = esc.flag && rubric.escalation.noteRequired && esc.note.trim() === '';
  const overallNoteMissing = rubric.overall.learningNoteRequired === true && answers.overall.learningNote.trim() === '';
  const scaleHelp = rubric.items[0] ? scaleOptions(rubric, rubric.items[0].scale) : [];

  return (
    <form className="scoring" aria-label="Scoring" onSubmit={(e) => e.preventDefault()} noValidate>
      <section id="q-escalation" className={`escalation${esc.flag ? ' raised' : ''}`} aria-labelledby="esc-title">
        <h2 id="esc-title">Safeguarding escalation</h2>
        <p className="hint">{rubric.escalation.help ?? rubric.escalation.text}</p>
        <div className="check">
          <input
            type="checkbox"
            id="esc-flag"
            checked={esc.flag}
            disabled={!editable}
            onChange={(e) => onChange({ escalation: { ...esc, flag: e.target.checked } })}
          />
          <label htmlFor="esc-flag">{rubric.escalation.text}</label>
        </div>
        {esc.flag && (
          <>
            <p className="escalation-banner" role="alert">
              <span aria-hidden="true">⚠ </span>
              <strong>Escalation raised.</strong> It is listed at the top of every report for this round. Also act on it
              now through your force's safeguarding route.
            </p>
            <div className="field">
              <label htmlFor="esc-note">Escalation note{rubric.escalation.noteRequired ? ' (required)' : ''}: what was seen, and what was not done</label>
              <textarea
                id="esc-note"
                rows={3}
                maxLength={10_000}
                disabled={!editable}
                value={esc.note}
                aria-required={rubric.escalation.noteRequired}
                aria-invalid={escNoteMissing && missing.has('escalation') ? true : undefined}
                onChange={(e) => onChange({ escalation: { ...esc, note: e.target.value } })}
              />
            </div>
          </>
        )}
      </section>

      <section id={`q-${rubric.scope.id}`} className={`scope${missing.has(rubric.scope.id) ? ' missing' : ''}`}>
        <ChoiceGroup<ScopeAnswer>
          name="scope"
          legend={rubric.scope.text}
          choices={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={answers.scope}
          disabled={!editable}
          invalid={missing.has(rubric.scope.id)}
          describedBy="scope-help"
          onChange={(scope) => onChange({ scope })}
        />
        <details className="guidance" id="scope-help">
          <summary>Guidance for the scope question</summary>
          <p>{rubric.scope.help}</p>
        </details>
      </section>

      {rubric.context.map((q) => (
        <section key={q.id} id={`q-${q.id}`} className="context">
          <ChoiceGroup<ContextAnswer>
            name={`context-${q.id}`}
            legend={`${q.text} (context, not scored)`}
            choices={CONTEXT_CHOICES}
            value={answers.context[q.id] ?? null}
            disabled={!editable}
            onChange={(v) => onChange({ context: { ...answers.context, [q.id]: v } })}
          />
        </section>
      ))}

      <details className="guidance scale-help">
        <summary>What the answers mean</summary>
        <dl>
          {scaleHelp.map((o) => (
            <div key={o.value}>
              <dt>{o.label}</dt>
              <dd>{o.help}</dd>
            </div>
          ))}
        </dl>
      </details>

      {rubric.items.map((item) => (
        <ItemFieldset
          key={item.id}
          rubric={rubric}
          item={item}
          value={answers.items[item.id] ?? NO_ANSWER}
          clips={clips}
          editable={editable}
          outOfScope={outOfScope}
          missing={missing.has(item.id)}
          onChange={onItemChange}
          onPin={onPin}
          onSeek={onSeek}
          onFocusItem={onFocusItem}
        />
      ))}

      <section id={`q-${rubric.overall.id}`} className={`overall${missing.has(rubric.overall.id) ? ' missing' : ''}`}>
        <ChoiceGroup<OverallAnswer>
          name="overall"
          legend={`${rubric.overall.text}`}
          choices={scaleOptions(rubric, rubric.overall.scale).map((o) => ({ value: o.value as OverallAnswer, label: o.label, help: o.help }))}
          value={answers.overall.answer}
          disabled={!editable}
          invalid={missing.has(rubric.overall.id) && answers.overall.answer === null}
          onChange={(answer) => onChange({ overall: { ...answers.overall, answer } })}
        />
        <div className="field">
          <label htmlFor="overall-note">Learning note{rubric.overall.learningNoteRequired ? ' (required)' : ''}</label>
          <textarea
            id="overall-note"
            rows={3}
            maxLength={10_000}
            disabled={!editable}
            value={answers.overall.learningNote}
            aria-required={rubric.overall.learningNoteRequired === true}
            aria-invalid={overallNoteMissing && missing.has(rubric.overall.id) ? true : undefined}
            onChange={(e) => onChange({ overall: { ...answers.overall, learningNote: e.target.value } })}
          />
        </div>
      </section>
    </form>
  );
}
