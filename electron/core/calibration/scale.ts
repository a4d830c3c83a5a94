import { OVERALL_ANSWERS, type ItemAnswer, type OverallAnswer } from '../../../shared/rubric/codes';

/**
 * The rubric's answer codes as ordered scores, so agreement can count "yes against partly" as closer than "yes
 * against no". Items: yes > partly > no. "na" (does not arise) and "not_visible" (the footage cannot show it) say
 * nothing about how well officers did, so they are missing, not low. Overall: good > requires improvement >
 * inadequate. Scores are whole steps (1, 2, 3) so that a reviewer's mean deviation reads in steps of the scale.
 */
const ITEM_SCORES: Partial<Record<ItemAnswer, number>> = { no: 1, partly: 2, yes: 3 };
const OVERALL_SCORES: Record<OverallAnswer, number> = { inadequate: 1, requires_improvement: 2, good: 3 };

export function itemScore(code: string | null): number | null {
  return code === null ? null : (ITEM_SCORES[code as ItemAnswer] ?? null);
}

export function overallScore(code: string | null): number | null {
  return code !== null && (OVERALL_ANSWERS as readonly string[]).includes(code) ? OVERALL_SCORES[code as OverallAnswer] : null;
}
