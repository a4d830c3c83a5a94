import { ITEM_ANSWERS, OVERALL_ANSWERS, SCOPE_ANSWERS } from '../../../shared/rubric/codes';
import { MAX_NOTE_CHARS, type ReviewAnswers } from '../../../shared/rubric/answers';
import { scaleOptions, type Rubric } from '../../../shared/rubric/schema';

/**
 * The long format of `bwc-dip scores import|export`: one row per question of one review,
 * `incident,reviewer,item,answer,notes`, where item is `scope`, an item number, `overall` or `escalation`. This
 * module turns a review's answers into such rows and rows back into answers; it knows nothing of files or the
 * database, so both directions can be checked against each other directly.
 */
export const SCORE_HEADER = ['incident', 'reviewer', 'item', 'answer', 'notes'] as const;

export interface ScoreCells {
  item: string;
  answer: string;
  notes: string;
}

const list = (codes: readonly string[]) => codes.join('|');

/** Rows for one submitted review, in rubric order. Unanswered items (out of scope) have no row. */
export function answersToRows(rubric: Rubric, answers: ReviewAnswers): ScoreCells[] {
  const rows: ScoreCells[] = [{ item: 'scope', answer: answers.scope ?? '', notes: '' }];
  for (const item of rubric.items) {
    const a = answers.items[item.id];
    if (a?.answer) rows.push({ item: String(item.number), answer: a.answer, notes: a.notes });
  }
  if (answers.overall.answer) rows.push({ item: 'overall', answer: answers.overall.answer, notes: answers.overall.learningNote });
  rows.push({ item: 'escalation', answer: answers.escalation.flag ? 'yes' : 'no', notes: answers.escalation.note });
  return rows;
}

/**
 * Writes one row into an answers document (mutating it) and returns null, or returns what is wrong with the row in
 * words that name the column and the accepted values. Answers are matched without regard to case or surrounding
 * spaces, as spreadsheets produce both; notes are kept exactly.
 */
export function applyRow(rubric: Rubric, answers: ReviewAnswers, row: ScoreCells): string | null {
  const item = row.item.trim().toLowerCase();
  const answer = row.answer.trim().toLowerCase();
  if (row.notes.length > MAX_NOTE_CHARS) return `notes are longer than ${MAX_NOTE_CHARS} characters`;
  if (item === 'scope') {
    if (!(SCOPE_ANSWERS as readonly string[]).includes(answer)) return `answer '${row.answer}' is not valid for scope (use ${list(SCOPE_ANSWERS)})`;
    if (row.notes.trim() !== '') return 'scope takes no notes';
    answers.scope = answer as ReviewAnswers['scope'];
    return null;
  }
  if (item === 'escalation') {
    if (answer !== 'yes' && answer !== 'no') return `answer '${row.answer}' is not valid for escalation (use yes|no)`;
    if (answer === 'yes' && row.notes.trim() === '') return 'escalation yes needs notes saying what was seen and what was not done';
    answers.escalation = { flag: answer === 'yes', note: row.notes };
    return null;
  }
  if (item === 'overall') {
    const offered = scaleOptions(rubric, rubric.overall.scale).map((o) => o.value as string);
    if (!offered.includes(answer)) return `answer '${row.answer}' is not valid for overall (use ${list(OVERALL_ANSWERS.filter((c) => offered.includes(c)))})`;
    answers.overall = { answer: answer as ReviewAnswers['overall']['answer'], learningNote: row.notes };
    return null;
  }
  const target = rubric.items.find((i) => String(i.number) === item);
  if (!target) {
    const numbers = rubric.items.map((i) => i.number);
    return `item '${row.item}' is not one of scope, ${Math.min(...numbers)}…${Math.max(...numbers)}, overall, escalation`;
  }
  const offered = scaleOptions(rubric, target.scale).map((o) => o.value as string);
  if (!offered.includes(answer)) {
    return `answer '${row.answer}' is not valid for item ${target.number} (use ${list(ITEM_ANSWERS.filter((c) => offered.includes(c)))})`;
  }
  const before = answers.items[target.id] ?? { answer: null, notes: '', evidence: [] };
  answers.items[target.id] = { ...before, answer: answer as (typeof ITEM_ANSWERS)[number], notes: row.notes };
  return null;
}
