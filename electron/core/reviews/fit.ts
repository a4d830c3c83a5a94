import type { ReviewAnswers } from '../../../shared/rubric/answers';
import { scaleOptions, type Rubric } from '../../../shared/rubric/schema';
import { UserError } from '../errors';

/**
 * Checks that an answers document belongs to the round's rubric and to this incident's footage before it is stored,
 * draft or not: a draft holding an item the rubric lacks, or a pin on another incident's clip, would only surface as
 * a confusing failure at submit time or, worse, in a report.
 */
export function requireFit(rubric: Rubric, answers: ReviewAnswers, clipIds: ReadonlySet<number>): void {
  const bad = (message: string) => new UserError('bad-input', message);
  if (answers.rubricId !== rubric.id || answers.rubricVersion !== rubric.version) {
    throw bad(`answers are for rubric ${answers.rubricId} v${answers.rubricVersion}, but this round uses ${rubric.id} v${rubric.version}`);
  }
  const items = new Map(rubric.items.map((i) => [i.id, i]));
  for (const [id, a] of Object.entries(answers.items)) {
    const item = items.get(id);
    if (!item) throw bad(`answers.items: rubric ${rubric.id} v${rubric.version} has no item "${id}"`);
    if (a.answer !== null && !scaleOptions(rubric, item.scale).some((o) => o.value === a.answer)) {
      throw bad(`answers.items.${id}.answer: "${a.answer}" is not on item ${item.number}'s scale`);
    }
    for (const pin of a.evidence) {
      if (!clipIds.has(pin.clipId)) throw bad(`answers.items.${id}.evidence: clip ${pin.clipId} is not footage of this incident`);
    }
  }
  const context = new Set(rubric.context.map((q) => q.id));
  for (const id of Object.keys(answers.context)) {
    if (!context.has(id)) throw bad(`answers.context: rubric ${rubric.id} v${rubric.version} has no context question "${id}"`);
  }
  const overall = answers.overall.answer;
  if (overall !== null && !scaleOptions(rubric, rubric.overall.scale).some((o) => o.value === overall)) {
    throw bad(`answers.overall.answer: "${overall}" is not on the overall judgement's scale`);
  }
}
