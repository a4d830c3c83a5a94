import type { Rubric } from '../rubric/schema';
import { type CountedReview, itemOutcome, overallOutcome } from './outcome';
import { proportion } from './proportion';
import type { ItemCounts, ItemFigures, OverallFigures } from './types';

function emptyCounts(): ItemCounts {
  return { yes: 0, partly: 0, no: 0, na: 0, not_visible: 0, outOfScope: 0, unanswered: 0, notComparable: 0 };
}

/**
 * Per item: every answer code counted on its own, and two rates over yes + partly + no only. Not applicable, not
 * visible on footage, out of scope, unanswered and not comparable are outside both rates, with their counts shown,
 * so a "not visible" can never drag compliance down as if it were a "no".
 */
export function itemFigures(rubric: Rubric, counted: readonly CountedReview[]): ItemFigures[] {
  return rubric.items.map((item) => {
    const counts = emptyCounts();
    for (const c of counted) counts[itemOutcome(c, item.id)] += 1;
    const scored = counts.yes + counts.partly + counts.no;
    return {
      itemId: item.id,
      number: item.number,
      text: item.text,
      finding: item.finding,
      counts,
      compliance: proportion(counts.yes, scored),
      yesOrPartly: proportion(counts.yes + counts.partly, scored),
    };
  });
}

/** Distribution of the overall judgement; each share is over the incidents with a comparable answer. */
export function overallFigures(rubric: Rubric, counted: readonly CountedReview[]): OverallFigures {
  const options = rubric.answerScales[rubric.overall.scale] ?? [];
  const byValue = new Map<string, number>(options.map((o) => [o.value, 0]));
  let unanswered = 0;
  let notComparable = 0;
  let answered = 0;
  for (const c of counted) {
    const outcome = overallOutcome(c);
    if (outcome === 'unanswered') unanswered += 1;
    else if (outcome === 'notComparable') notComparable += 1;
    else {
      answered += 1;
      byValue.set(outcome, (byValue.get(outcome) ?? 0) + 1);
    }
  }
  return {
    options: options.map((o) => {
      const count = byValue.get(o.value) ?? 0;
      return { value: o.value, label: o.label, count, share: proportion(count, answered) };
    }),
    answered,
    unanswered,
    notComparable,
  };
}
