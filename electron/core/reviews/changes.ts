import type { AnswerChange } from '../../../shared/ipc/reviews';
import type { Evidence, ReviewAnswers } from '../../../shared/rubric/answers';
import { scaleOptions, type Rubric } from '../../../shared/rubric/schema';
import { formatClock } from '../../../shared/review/wallclock';

/**
 * What one revision of a review changed against the one before, in the words the form uses ("Item 3 answer: Yes →
 * Partly"), so the history view and the audit log say what an amendment did, not only that it happened.
 */
const NONE = '(none)';

function label(rubric: Rubric, scale: string, code: string | null): string {
  if (code === null) return '(no answer)';
  return scaleOptions(rubric, scale).find((o) => o.value === code)?.label ?? code;
}

function pins(evidence: readonly Evidence[]): string {
  return evidence.length === 0 ? NONE : evidence.map((e) => `clip ${e.clipId} at ${formatClock(e.second)}`).join(', ');
}

const text = (s: string) => (s.trim() === '' ? NONE : s);
const yesNo = (code: string | null) => (code === null ? '(no answer)' : code === 'yes' ? 'Yes' : code === 'no' ? 'No' : code === 'partly' ? 'Partly' : code);

export function describeChanges(rubric: Rubric, before: ReviewAnswers, after: ReviewAnswers): AnswerChange[] {
  const out: AnswerChange[] = [];
  const add = (questionId: string, field: string, a: string, b: string) => {
    if (a !== b) out.push({ questionId, field, before: a, after: b });
  };
  add(rubric.scope.id, 'Scope (children present or resident)', yesNo(before.scope), yesNo(after.scope));
  rubric.context.forEach((q, i) => {
    add(q.id, `Context ${i + 1}`, yesNo(before.context[q.id] ?? null), yesNo(after.context[q.id] ?? null));
  });
  for (const item of rubric.items) {
    const a = before.items[item.id];
    const b = after.items[item.id];
    add(item.id, `Item ${item.number} answer`, label(rubric, item.scale, a?.answer ?? null), label(rubric, item.scale, b?.answer ?? null));
    add(item.id, `Item ${item.number} notes`, text(a?.notes ?? ''), text(b?.notes ?? ''));
    add(item.id, `Item ${item.number} evidence`, pins(a?.evidence ?? []), pins(b?.evidence ?? []));
  }
  const o = rubric.overall;
  add(o.id, 'Overall judgement', label(rubric, o.scale, before.overall.answer), label(rubric, o.scale, after.overall.answer));
  add(o.id, 'Learning note', text(before.overall.learningNote), text(after.overall.learningNote));
  add('escalation', 'Safeguarding escalation', before.escalation.flag ? 'Raised' : 'Not raised', after.escalation.flag ? 'Raised' : 'Not raised');
  add('escalation', 'Escalation note', text(before.escalation.note), text(after.escalation.note));
  return out;
}
