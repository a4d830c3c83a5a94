import { memo } from 'react';
import type { ReviewClip } from '../../../shared/ipc/reviews';
import type { Evidence, ItemAnswerRecord } from '../../../shared/rubric/answers';
import type { ItemAnswer } from '../../../shared/rubric/codes';
import { scaleOptions, type Rubric, type RubricItem } from '../../../shared/rubric/schema';
import { formatClock } from '../../../shared/review/wallclock';
import { ChoiceGroup } from './ChoiceGroup';

interface Props {
  rubric: Rubric;
  item: RubricItem;
  value: ItemAnswerRecord;
  clips: ReviewClip[];
  editable: boolean;
  /** Scope answered "no": the item does not apply and says why. */
  outOfScope: boolean;
  missing: boolean;
  /** Callbacks take the item id so that one stable function serves every item, and unchanged items skip rendering. */
  onChange(itemId: string, next: ItemAnswerRecord): void;
  onPin(itemId: string): void;
  onSeek(pin: Evidence): void;
  onFocusItem(itemId: string): void;
}

export function clipName(clips: ReviewClip[], clipId: number): string {
  return clips.find((c) => c.id === clipId)?.label ?? `clip ${clipId}`;
}

/**
 * One rubric item: answer, notes and evidence pins. Pins are buttons that seek the player, so they work by keyboard
 * and read as "Go to PC Patel · camera X81234 at 04:12". A locked review disables its inputs one by one rather than
 * through the fieldset, so its pins can still be followed.
 */
export const ItemFieldset = memo(function ItemFieldset({ rubric, item, value, clips, editable, outOfScope, missing, onChange, onPin, onSeek, onFocusItem }: Props) {
  const locked = !editable || outOfScope;
  const set = (next: ItemAnswerRecord) => onChange(item.id, next);
  const base = `item-${item.id}`;
  const reasonId = `${base}-na`;
  const missingId = `${base}-missing`;
  const described = [outOfScope ? reasonId : null, missing && !outOfScope ? missingId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`item${outOfScope ? ' out-of-scope' : ''}${missing && !outOfScope ? ' missing' : ''}`}
      id={`q-${item.id}`}
      onFocus={() => onFocusItem(item.id)}
      aria-describedby={described}
    >
      <legend>
        <span className="item-number">{item.number}.</span> {item.text}
      </legend>
      {outOfScope && (
        <p className="na-reason" id={reasonId}>
          Not applicable: the scope question says no children were present or resident.
        </p>
      )}
      {missing && !outOfScope && (
        <p className="error" id={missingId}>
          <span aria-hidden="true">✗ </span>Needs an answer before the review can be submitted.
        </p>
      )}
      <details className="guidance">
        <summary>Guidance for item {item.number}</summary>
        <p>{item.help}</p>
        <p className="hint">Tests the review finding: {item.finding}</p>
      </details>
      <ChoiceGroup<ItemAnswer>
        name={`${base}-answer`}
        legend={`Answer for item ${item.number}`}
        legendHidden
        choices={scaleOptions(rubric, item.scale).map((o) => ({ value: o.value as ItemAnswer, label: o.label, help: o.help }))}
        value={value.answer}
        onChange={(answer) => set({ ...value, answer })}
        invalid={missing && !outOfScope}
        disabled={locked}
      />
      <div className="field">
        <label htmlFor={`${base}-notes`}>Notes for item {item.number}</label>
        <textarea id={`${base}-notes`} disabled={locked} rows={2} maxLength={10_000} value={value.notes} onChange={(e) => set({ ...value, notes: e.target.value })} />
      </div>
      <div className="evidence" role="group" aria-label={`Evidence for item ${item.number}`}>
        {editable && (
          <button type="button" onClick={() => onPin(item.id)} disabled={outOfScope} aria-keyshortcuts="P Alt+P">
            Pin current moment to item {item.number}
          </button>
        )}
        {value.evidence.length > 0 && (
          <ul className="pins">
            {value.evidence.map((pin, i) => (
              <li key={`${pin.clipId}-${pin.second}-${i}`}>
                <button type="button" className="pin-link" onClick={() => onSeek(pin)}>
                  <span aria-hidden="true">◆ </span>
                  Go to {clipName(clips, pin.clipId)} at {formatClock(pin.second)}
                </button>
                {editable && (
                  <button
                    type="button"
                    className="pin-remove"
                    disabled={outOfScope}
                    onClick={() => set({ ...value, evidence: value.evidence.filter((_, j) => j !== i) })}
                    aria-label={`Remove pin at ${formatClock(pin.second)} from item ${item.number}`}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
});
