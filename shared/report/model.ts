import type { Rubric } from '../rubric/schema';
import { compareKeys } from '../sampling/key-order';
import { reportAgreement } from './agreement';
import { onePerIncident } from './calibration';
import { checkReportInput } from './check-input';
import { completion } from './completion';
import { escalations } from './escalations';
import type { CountedReview } from './outcome';
import { itemFigures, overallFigures } from './tally';
import { trend } from './trend';
import type { GroupFigures, ReportInput, ReportResult, ReviewRecord } from './types';
import { versionNotes } from './version-notes';
import { type VersionMatch, matchVersion } from './versions';
import { stratumWeights, weightedFigures } from './weighted';

export const NO_TEAM = '(no team recorded)';

const WEIGHTING_NOTE =
  'Strata were not sampled in proportion to their size, so the unweighted figures over-represent some strata. ' +
  'The weighted figures estimate the rate for the whole frame: each incident counts with the weight N_h / m_h ' +
  '(N_h incidents in its stratum\'s frame, m_h of them counted here), and compliance = Σ w·yes / Σ w·(yes + partly + no). ' +
  'No interval is computed for a weighted figure: the interval shown beside it is the unweighted Wilson interval. ' +
  'The design effect of the weights (Kish, n·Σw² / (Σw)²) says roughly how much wider a weighted interval would be: ' +
  'by its square root. Figures by stratum need no weighting.';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function groups(
  rubric: Rubric,
  counted: readonly CountedReview[],
  keyOf: (review: ReviewRecord) => string,
  weights: ReadonlyMap<string, number> | null,
): GroupFigures[] {
  const byKey = new Map<string, CountedReview[]>();
  for (const c of counted) {
    const key = keyOf(c.review);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [c]);
    else list.push(c);
  }
  return [...byKey]
    .sort((a, b) => compareKeys(a[0], b[0]))
    .map(([key, list]) => ({
      key,
      incidents: list.length,
      items: itemFigures(rubric, list),
      overall: overallFigures(rubric, list),
      weighted: weights === null ? null : weightedFigures(rubric, list, weights),
    }));
}

/**
 * The monthly audit report as data: every figure the PDF and CSV print, with the counts behind it and notes in
 * plain words for anything a reader could misread. Pure: the same input always gives the same model. Bad input is
 * returned as an error naming where it is; an empty round is a valid model that says so.
 */
export function buildReportModel(input: ReportInput): ReportResult {
  const problem = checkReportInput(input);
  if (problem !== null) return { ok: false, error: problem };
  const { rubric } = input;
  const notes: string[] = [];

  const known = new Map<number, Rubric>();
  for (const other of input.otherVersions ?? []) if (other.id === rubric.id) known.set(other.version, other);
  known.set(rubric.version, rubric);

  const eligible: ReviewRecord[] = [];
  const otherRubric: ReviewRecord[] = [];
  for (const review of input.reviews) {
    if (review.rubricId !== rubric.id) {
      otherRubric.push(review);
    } else if (review.answers.rubricId !== review.rubricId || review.answers.rubricVersion !== review.rubricVersion) {
      notes.push(
        `The review of incident ${review.reference} by ${review.reviewerId} is recorded as ${review.rubricId} v${review.rubricVersion} but its answers say ${review.answers.rubricId} v${review.answers.rubricVersion}: it is left out of the figures (it still counts for completion and escalations).`,
      );
    } else {
      eligible.push(review);
    }
  }
  if (otherRubric.length > 0) {
    const ids = [...new Set(otherRubric.map((r) => r.rubricId))].sort(compareKeys).join(', ');
    notes.push(
      `${plural(otherRubric.length, 'review was', 'reviews were')} made with another rubric (${ids}) rather than ${rubric.id}: left out of the figures (counted for completion and escalations).`,
    );
  }

  const { counted: chosen, calibration } = onePerIncident(eligible);
  const matches = new Map<number, VersionMatch>();
  const matchOf = (version: number): VersionMatch => {
    let match = matches.get(version);
    if (match === undefined) {
      match = matchVersion(rubric, known.get(version));
      matches.set(version, match);
    }
    return match;
  };
  const counted: CountedReview[] = chosen.map((review) => ({ review, match: matchOf(review.rubricVersion) }));

  if (input.reviews.length === 0) {
    notes.unshift(
      `No reviews have been submitted for this round: ${plural(input.sampled.length, 'incident was', 'incidents were')} sampled and there are no figures yet.`,
    );
  } else if (counted.length === 0) {
    notes.unshift('No submitted review could be counted in the figures: see the notes below.');
  }
  if (calibration.length > 0) {
    notes.push(
      `${plural(calibration.length, 'incident was', 'incidents were')} reviewed by more than one reviewer (calibration). Each counts once in the figures, using its first submitted review; all reviews of these incidents are kept for the agreement section.`,
    );
  }
  notes.push(...versionNotes(rubric, known, counted));

  const items = itemFigures(rubric, counted);
  const overall = overallFigures(rubric, counted);
  const scopeNo = counted.filter((c) => c.review.answers.scope === 'no').length;
  const scopeUnanswered = counted.filter((c) => c.review.answers.scope === null).length;
  const unansweredItems = items.filter((f) => f.counts.unanswered > 0).map((f) => f.number);
  if (scopeUnanswered > 0 || unansweredItems.length > 0 || overall.unanswered > 0) {
    const where = [
      scopeUnanswered > 0 ? `the scope question (${scopeUnanswered})` : '',
      unansweredItems.length > 0 ? `item${unansweredItems.length > 1 ? 's' : ''} ${unansweredItems.join(', ')}` : '',
      overall.unanswered > 0 ? `the overall judgement (${overall.unanswered})` : '',
    ].filter((s) => s !== '');
    notes.push(
      `Some counted reviews have questions without an answer: ${where.join(', ')}. Those are counted as unanswered and left out of the rates; a review with no scope answer is scored as in scope.`,
    );
  }

  let weights: Map<string, number> | null = null;
  if (!input.proportional && counted.length > 0) {
    weights = stratumWeights(input.allocation, counted);
    notes.push(WEIGHTING_NOTE);
    const unweighed = [...new Set(counted.map((c) => c.review.stratum).filter((key) => !weights?.has(key)))].sort(compareKeys);
    if (unweighed.length > 0) {
      notes.push(`Stratum ${unweighed.join(', ')} is not in the allocation (or has an empty frame): its incidents are left out of the weighted figures.`);
    }
    const unrepresented = input.allocation.filter((s) => s.population > 0 && !weights?.has(s.key)).map((s) => `${s.key} (N = ${s.population})`);
    if (unrepresented.length > 0) {
      notes.push(`No review is counted yet from ${unrepresented.join(', ')}: the weighted figures do not represent ${unrepresented.length > 1 ? 'these strata' : 'this stratum'}.`);
    }
  }

  const done = completion(input.sampled, input.reviews);
  if (done.outsideSample.length > 0) {
    notes.push(
      `${plural(done.outsideSample.length, 'reviewed incident is', 'reviewed incidents are')} not in the sample list (${done.outsideSample.join(', ')}); ${done.outsideSample.length > 1 ? 'they are' : 'it is'} still counted in the figures.`,
    );
  }

  const series = trend(rubric, input.month, items, input.history ?? [], notes);

  return {
    ok: true,
    model: {
      month: input.month,
      rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
      escalations: escalations(input.reviews),
      summary: {
        reviewsSubmitted: input.reviews.length,
        incidentsCounted: counted.length,
        inScope: counted.length - scopeNo,
        outOfScope: scopeNo,
        scopeUnanswered,
      },
      completion: done,
      items,
      overall,
      weighted: weights === null ? null : weightedFigures(rubric, counted, weights),
      byTeam: groups(rubric, counted, (r) => (r.team === null || r.team.trim() === '' ? NO_TEAM : r.team), weights),
      byStratum: groups(rubric, counted, (r) => r.stratum, null),
      trend: series,
      calibration,
      agreement: reportAgreement(rubric, calibration, matchOf),
      notes,
    },
  };
}
