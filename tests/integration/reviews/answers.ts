import { getRubric } from '../../../electron/core/rubrics/catalogue';
import { emptyAnswers, type ReviewAnswers } from '../../../shared/rubric/answers';
import type { ItemAnswer } from '../../../shared/rubric/codes';
import { RESOURCES } from './world';

export const rubric = getRubric(RESOURCES, 'child-focus', 1);

/** A review that passes checkSubmittable: scope yes, every item answered, overall with a learning note. */
export function completeAnswers(answer: ItemAnswer = 'yes'): ReviewAnswers {
  const a = emptyAnswers(rubric);
  a.scope = 'yes';
  for (const item of rubric.items) a.items[item.id] = { answer, notes: '', evidence: [] };
  a.overall = { answer: 'good', learningNote: 'Officers kept the child at the centre.' };
  return a;
}
