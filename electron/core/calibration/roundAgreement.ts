import type { KappaWeights } from '../../../shared/agreement/cohen';
import type { AgreementMetric, AgreementSummary } from '../../../shared/agreement/summary';
import type { ExcludedReview } from '../../../shared/ipc/calibration';
import { MT19937_ALGORITHM } from '../../../shared/random/mt19937';
import { UserError } from '../errors';
import { agreementOf, disagreementCount } from './figures';
import { usableAnswers, type CalibrationData } from './gather';
import { CALIBRATION_BOOTSTRAP_ITERATIONS, roundBootstrap } from './interval';
import { roundTables, type QuestionTable } from './tables';

export interface QuestionAgreement extends AgreementSummary {
  question: { key: string; label: string; text: string };
  compared: number;
  disagreements: number;
}

/** An incident counted but left out of every figure: fewer than two usable submitted reviews so far. */
export interface ThinIncident {
  incidentId: number;
  reference: string | null;
  submittedBy: string[];
}

export interface RoundAgreement {
  round: { id: number; name: string; rubricId: string; rubricVersion: number };
  calibrationIncidents: number;
  doubleScored: number;
  reviewers: number;
  /** How each question's `krippendorffInterval` was drawn, so it can be re-derived. */
  bootstrap: { iterations: number; seed: number; rng: string };
  questions: QuestionAgreement[];
  excludedIncidents: ThinIncident[];
  excludedReviews: ExcludedReview[];
}

export interface RoundAgreementOptions {
  weights: KappaWeights;
  metrics: readonly AgreementMetric[];
  /** One item by its number; all questions when absent. */
  item?: number;
}

/**
 * What `bwc-dip agreement --round` reports: the agreement of a round's calibration reviews per question (scope, each
 * item, the overall judgement, every item pooled), computed exactly as for a CSV file. A round with nothing to
 * compute on is refused with the reason, rather than printed as a wall of undefined figures.
 */
export function roundAgreement(data: CalibrationData, options: RoundAgreementOptions): RoundAgreement {
  const { round } = data;
  if (data.incidents.length === 0) {
    throw new UserError('not-found', `round ${round.id} (${round.name}) has no calibration incidents: none was assigned to two reviewers`);
  }
  const scored = data.incidents.filter((i) => usableAnswers(i).length > 0);
  if (scored.length === 0) {
    throw new UserError(
      'not-found',
      `round ${round.id} (${round.name}) has ${data.incidents.length} calibration incidents but no submitted review of them yet`,
    );
  }
  const tables = roundTables(data);
  let chosen: QuestionTable[];
  if (options.item === undefined) {
    chosen = [tables.scope, ...tables.items, tables.overall, tables.allItems];
  } else {
    const found = tables.items.find((t) => t.head.number === options.item);
    if (found === undefined) {
      const numbers = tables.items.map((t) => t.head.number!);
      throw new UserError(
        'bad-input',
        `--item ${options.item} is not an item of rubric ${data.rubric.id} v${data.rubric.version} (items ${Math.min(...numbers)}–${Math.max(...numbers)})`,
      );
    }
    chosen = [found];
  }
  return {
    round: { id: round.id, name: round.name, rubricId: data.rubric.id, rubricVersion: data.rubric.version },
    calibrationIncidents: data.incidents.length,
    doubleScored: data.incidents.filter((i) => usableAnswers(i).length >= 2).length,
    reviewers: tables.scope.table.raters.length,
    bootstrap: { iterations: CALIBRATION_BOOTSTRAP_ITERATIONS, seed: round.id, rng: MT19937_ALGORITHM },
    questions: chosen.map(({ head, table }) => ({
      question: { key: head.key, label: head.label, text: head.text },
      ...agreementOf(head, table, { ...options, bootstrap: roundBootstrap(round.id) }),
      ...disagreementCount(table),
    })),
    excludedIncidents: scored
      .filter((i) => usableAnswers(i).length === 1)
      .map((i) => ({ incidentId: i.incidentId, reference: i.reference, submittedBy: usableAnswers(i).map((a) => a.reviewerId) })),
    excludedReviews: data.excluded,
  };
}
