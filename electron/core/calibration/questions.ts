import type { RatingValue } from '../../../shared/agreement/table';
import type { QuestionKind } from '../../../shared/ipc/calibration';
import type { ReviewAnswers } from '../../../shared/rubric/answers';
import { SCOPE_ANSWERS } from '../../../shared/rubric/codes';
import { scaleOptions, type Rubric } from '../../../shared/rubric/schema';
import { itemScore, overallScore } from './scale';

/** One question of the rubric as calibration reads it: its answer code, its rating (or missing), its scale. */
export interface CalibrationQuestion {
  key: string;
  kind: Exclude<QuestionKind, 'items'>;
  number: number | null;
  label: string;
  text: string;
  level: 'nominal' | 'ordinal';
  /** Every rating the scale offers, lowest first: AC1's category count and weighted kappa's positions. */
  categories: RatingValue[];
  /** The answer code as given, for the side-by-side comparison. */
  code(answers: ReviewAnswers): string | null;
  /** The rating that enters the statistics; null = missing. */
  rate(answers: ReviewAnswers): RatingValue | null;
  /** Position on the ordered scale, for "how many steps apart"; null for unordered or missing answers. */
  score(code: string | null): number | null;
  labelOf(code: string): string;
}

/** Pseudo-code shown for an item when that reviewer answered scope "no": the item did not arise for them. */
export const OUT_OF_SCOPE = 'out_of_scope';

function scores(rubric: Rubric, scale: string, score: (code: string) => number | null): number[] {
  const values = scaleOptions(rubric, scale)
    .map((o) => score(o.value))
    .filter((s): s is number => s !== null);
  return [...new Set(values)].sort((a, b) => a - b);
}

function labeller(rubric: Rubric, scale: string): (code: string) => string {
  const labels = new Map(scaleOptions(rubric, scale).map((o) => [o.value as string, o.label]));
  return (code) => labels.get(code) ?? code;
}

/** Scope first, then the items in number order, then the overall judgement: the order of the review form. */
export function calibrationQuestions(rubric: Rubric): { scope: CalibrationQuestion; items: CalibrationQuestion[]; overall: CalibrationQuestion } {
  const scope: CalibrationQuestion = {
    key: 'scope',
    kind: 'scope',
    number: null,
    label: 'Scope',
    text: rubric.scope.text,
    level: 'nominal',
    categories: [...SCOPE_ANSWERS],
    code: (a) => a.scope,
    rate: (a) => a.scope,
    score: () => null,
    labelOf: (code) => (code === 'yes' ? 'Yes' : code === 'no' ? 'No' : code),
  };
  const items = [...rubric.items]
    .sort((a, b) => a.number - b.number)
    .map((item): CalibrationQuestion => {
      const itemLabel = labeller(rubric, item.scale);
      return {
        key: `item:${item.id}`,
        kind: 'item',
        number: item.number,
        label: `Item ${item.number}`,
        text: item.text,
        level: 'ordinal',
        categories: scores(rubric, item.scale, itemScore),
        // Scope "no" puts every item out of scope; answers left on them from before are not scores (shared/rubric).
        code: (a) => (a.scope === 'no' ? OUT_OF_SCOPE : (a.items[item.id]?.answer ?? null)),
        rate: (a) => (a.scope === 'no' ? null : itemScore(a.items[item.id]?.answer ?? null)),
        score: itemScore,
        labelOf: (code) => (code === OUT_OF_SCOPE ? 'Out of scope (no child)' : itemLabel(code)),
      };
    });
  const overall: CalibrationQuestion = {
    key: 'overall',
    kind: 'overall',
    number: null,
    label: 'Overall judgement',
    text: rubric.overall.text,
    level: 'ordinal',
    categories: scores(rubric, rubric.overall.scale, overallScore),
    code: (a) => a.overall.answer,
    rate: (a) => overallScore(a.overall.answer),
    score: overallScore,
    labelOf: labeller(rubric, rubric.overall.scale),
  };
  return { scope, items, overall };
}
