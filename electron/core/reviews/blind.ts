import type { ReviewStatus } from '../../../shared/ipc/reviews';

/**
 * Blind calibration: when an incident is scored by more than one person, nobody sees another's answers until every
 * one of them has submitted, so the agreement figures measure independent judgements. Once all have submitted the
 * answers open up (amendments after that are visible too, with their reasons, in the history).
 *
 * `scorers` is everyone assigned or holding a review of the incident, including the person asking.
 */
export function othersAnswersVisible(scorers: ReadonlyMap<string, ReviewStatus>): boolean {
  for (const status of scorers.values()) if (status !== 'submitted') return false;
  return true;
}
