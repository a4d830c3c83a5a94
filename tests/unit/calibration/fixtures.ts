import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyAnswers, type ReviewAnswers } from '../../../shared/rubric/answers';
import type { ItemAnswer, OverallAnswer } from '../../../shared/rubric/codes';
import { parseRubric, type Rubric } from '../../../shared/rubric/schema';
import type { CalibrationData, CalibrationIncident, ScorerState } from '../../../electron/core/calibration/gather';

export const RESOURCES = join(__dirname, '../../../resources');

/** The real child-focus rubric, as the app loads it. */
export function childFocus(): Rubric {
  const file = 'child-focus.v1.json';
  const parsed = parseRubric(readFileSync(join(RESOURCES, 'rubrics', file), 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rubric;
}

export interface AnswerSpec {
  scope?: 'yes' | 'no' | null;
  /** Item id → answer; unlisted items stay unanswered. */
  items?: Record<string, ItemAnswer>;
  overall?: OverallAnswer | null;
}

/** A complete answers document as the review form stores it (valid against shared/rubric's schema). */
export function answers(rubric: Rubric, spec: AnswerSpec): ReviewAnswers {
  const a = emptyAnswers(rubric);
  a.scope = spec.scope === undefined ? 'yes' : spec.scope;
  for (const [id, answer] of Object.entries(spec.items ?? {})) a.items[id] = { answer, notes: '', evidence: [] };
  a.overall = { answer: spec.overall ?? null, learningNote: spec.overall ? 'Talk to the child first.' : '' };
  return a;
}

/** Every item of the rubric given the same answer. */
export function allItems(rubric: Rubric, answer: ItemAnswer): Record<string, ItemAnswer> {
  return Object.fromEntries(rubric.items.map((i) => [i.id, answer]));
}

export function submitted(reviewerId: string, a: ReviewAnswers): ScorerState {
  return { reviewerId, status: 'submitted', submittedAt: '2026-10-20T10:00:00.000Z', answers: a };
}

export function pending(reviewerId: string, status: 'draft' | 'not_started'): ScorerState {
  return { reviewerId, status, submittedAt: null, answers: null };
}

export function incident(incidentId: number, scorers: ScorerState[], reference: string | null = `CAD ${incidentId}/01OCT26`): CalibrationIncident {
  return { incidentId, reference, startedAt: '2026-10-01T09:00:00.000Z', scorers };
}

export function data(rubric: Rubric, incidents: CalibrationIncident[], names: Record<string, string> = {}): CalibrationData {
  return {
    round: { id: 1, name: 'October 2026', status: 'drawn', rubricId: rubric.id, rubricVersion: rubric.version, drawnAt: '2026-10-01T08:00:00.000Z' },
    rubric,
    incidents,
    displayNames: new Map(Object.entries(names)),
    excluded: [],
  };
}
