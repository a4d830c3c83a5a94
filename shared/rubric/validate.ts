import type { ReviewAnswers } from './answers';
import { type Rubric, type RubricItem, scaleOptions } from './schema';

/**
 * What stops a review being submitted, in words a supervisor can act on.
 *
 * Decisions (also in the rubric's own help text):
 * - The scope question must be answered. Until it is, every item counts as applicable: nothing can be ruled out of
 *   scope before anyone has said whether children were there.
 * - Scope "no" (no child present or resident) puts every item out of scope: not required, and any answers left on
 *   them from before the scope changed are ignored rather than refused, because the report counts the incident as
 *   out of scope whatever they say.
 * - The overall judgement is required even when scope is "no": it judges the attendance, and whether officers
 *   actually established that no child lives there is itself a child-focus question. Its learning note is required
 *   when the rubric says so.
 * - Context questions (camera on before entry) are recorded, not required: the footage may not show it.
 * - A raised escalation flag needs a note when the rubric says so (child-focus v1 does).
 */
export interface SubmitProblem {
  /** The question the problem is about: an item id, the scope/overall id, 'escalation', or 'rubric'. */
  questionId: string;
  message: string;
}

const LABEL_CHARS = 40;

/** First words of a question, up to about 40 characters, so a list of problems stays readable. */
function shortText(text: string): string {
  if (text.length <= LABEL_CHARS) return text;
  let out = '';
  for (const word of text.split(/\s+/)) {
    const next = out === '' ? word : `${out} ${word}`;
    if (next.length > LABEL_CHARS) break;
    out = next;
  }
  return `${out === '' ? text.slice(0, LABEL_CHARS) : out}…`;
}

function itemLabel(item: RubricItem): string {
  return `Item ${item.number} (${shortText(item.text)})`;
}

/** The items that need an answer, given the scope answer so far. */
export function applicableItems(rubric: Rubric, answers: ReviewAnswers): RubricItem[] {
  return answers.scope === 'no' ? [] : [...rubric.items];
}

function blank(text: string): boolean {
  return text.trim() === '';
}

export function checkSubmittable(rubric: Rubric, answers: ReviewAnswers): SubmitProblem[] {
  if (answers.rubricId !== rubric.id || answers.rubricVersion !== rubric.version) {
    // Checking answers against questions they were not made with would name the wrong items.
    return [
      {
        questionId: 'rubric',
        message: `These answers were made with rubric ${answers.rubricId} v${answers.rubricVersion}, not ${rubric.id} v${rubric.version}`,
      },
    ];
  }
  const problems: SubmitProblem[] = [];

  if (answers.scope === null) {
    problems.push({ questionId: rubric.scope.id, message: `The scope question (${shortText(rubric.scope.text)}) has no answer` });
  }

  const known = new Set(rubric.items.map((item) => item.id));
  for (const id of Object.keys(answers.items)) {
    if (!known.has(id)) {
      problems.push({ questionId: id, message: `The answers hold an item "${id}" that rubric ${rubric.id} v${rubric.version} does not have` });
    }
  }
  const contextIds = new Set(rubric.context.map((q) => q.id));
  for (const id of Object.keys(answers.context)) {
    if (!contextIds.has(id)) {
      problems.push({ questionId: id, message: `The answers hold a context question "${id}" that rubric ${rubric.id} v${rubric.version} does not have` });
    }
  }

  for (const item of applicableItems(rubric, answers)) {
    const answer = answers.items[item.id]?.answer ?? null;
    if (answer === null) {
      problems.push({ questionId: item.id, message: `${itemLabel(item)} has no answer` });
    } else if (!scaleOptions(rubric, item.scale).some((o) => o.value === answer)) {
      problems.push({ questionId: item.id, message: `${itemLabel(item)} has the answer "${answer}", which its scale does not offer` });
    }
  }

  const overall = rubric.overall;
  const overallLabel = `The overall judgement (${shortText(overall.text)})`;
  if (answers.overall.answer === null) {
    problems.push({ questionId: overall.id, message: `${overallLabel} has no answer` });
  } else if (!scaleOptions(rubric, overall.scale).some((o) => o.value === answers.overall.answer)) {
    problems.push({ questionId: overall.id, message: `${overallLabel} has the answer "${answers.overall.answer}", which its scale does not offer` });
  }
  if (overall.learningNoteRequired === true && blank(answers.overall.learningNote)) {
    problems.push({ questionId: overall.id, message: `${overallLabel} needs a learning note` });
  }

  if (answers.escalation.flag && rubric.escalation.noteRequired && blank(answers.escalation.note)) {
    problems.push({ questionId: 'escalation', message: 'The safeguarding escalation is flagged but has no note saying what was seen and what was not done' });
  }
  return problems;
}
