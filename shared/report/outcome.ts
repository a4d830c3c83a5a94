import type { OverallAnswer } from '../rubric/codes';
import type { ItemCounts, ReviewRecord } from './types';
import type { VersionMatch } from './versions';

/** A review on its way into the figures, with what its rubric version lets it say. */
export interface CountedReview {
  review: ReviewRecord;
  match: VersionMatch;
}

export type ItemOutcome = keyof ItemCounts;

/** Scope comes first: an incident with no child present or resident is out of scope whatever its version says. */
export function itemOutcome(counted: CountedReview, itemId: string): ItemOutcome {
  const { answers } = counted.review;
  if (answers.scope === 'no') return 'outOfScope';
  if (!counted.match.itemIds.has(itemId)) return 'notComparable';
  return answers.items[itemId]?.answer ?? 'unanswered';
}

export function overallOutcome(counted: CountedReview): OverallAnswer | 'unanswered' | 'notComparable' {
  if (!counted.match.overall) return 'notComparable';
  return counted.review.answers.overall.answer ?? 'unanswered';
}
