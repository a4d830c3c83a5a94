import { z } from 'zod';
import { rubricSchema } from '../rubric/schema';
import { reviewAnswersSchema } from '../rubric/answers';
import { id, shortText } from './limits';
import { reviewClipSchema, reviewViewSchema } from './reviews';

/**
 * Calibration: how alike reviewers score the incidents they double-scored blind. Read-only channels, open to the
 * quality team and BCU leads (the core refuses anyone else).
 */

/** One agreement figure with what it rests on; `value` null means undefined, and `reason` says why. */
export const figureSchema = z.object({
  value: z.number().nullable(),
  /** "moderate", "tentative"…: Landis & Koch for the kappa family and AC1, Krippendorff's cut-offs for alpha. */
  band: z.string().nullable(),
  reason: z.string().nullable(),
  units: z.number(),
  raters: z.number(),
  excludedUnits: z.number(),
});
export type Figure = z.infer<typeof figureSchema>;

export const questionKindSchema = z.enum(['item', 'scope', 'overall', 'items']);
export type QuestionKind = z.infer<typeof questionKindSchema>;

/**
 * Seeded percentile bootstrap 95% interval for Krippendorff's alpha (shared/agreement/bootstrap.ts). `seed` and
 * `rng` are stated so anyone can re-derive it; lower and upper are null, with the reason, when alpha is undefined.
 */
export const alphaIntervalSchema = z.object({
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  reason: z.string().nullable(),
  confidence: z.number(),
  iterations: z.number(),
  undefinedDraws: z.number(),
  seed: z.number(),
  rng: z.string(),
});
export type AlphaIntervalFigure = z.infer<typeof alphaIntervalSchema>;

export const questionStatsSchema = z.object({
  /** "item:3", "scope", "overall", or "items" (every item pooled). */
  key: z.string(),
  kind: questionKindSchema,
  /** Item number, null for the others. */
  number: z.number().nullable(),
  label: z.string(),
  text: z.string(),
  level: z.enum(['nominal', 'ordinal']),
  /** Units (incidents, or incident × item when pooled) and reviewers in the table behind the figures. */
  units: z.number(),
  raters: z.number(),
  /** Units with two or more usable answers, and how many of those had answers that differ. */
  compared: z.number(),
  disagreements: z.number(),
  figures: z.object({
    percent: figureSchema,
    cohen: figureSchema,
    fleiss: figureSchema,
    krippendorff: figureSchema,
    ac1: figureSchema,
  }),
  /** Bootstrap interval of alpha; computed for the headline questions (whole rubric, scope, overall), null for items. */
  krippendorffInterval: alphaIntervalSchema.nullable(),
});
export type QuestionStats = z.infer<typeof questionStatsSchema>;

export const directionSchema = z.enum(['harsher', 'more lenient', 'in line']);
export type Direction = z.infer<typeof directionSchema>;

/** A reviewer's mean score against the others' on the same units (scores: no 1, partly 2, yes 3, and so on). */
export const deviationFigureSchema = z.object({
  /** Units where this reviewer and at least one other gave a usable answer. */
  n: z.number(),
  reviewerMean: z.number().nullable(),
  othersMean: z.number().nullable(),
  difference: z.number().nullable(),
  direction: directionSchema.nullable(),
});
export type DeviationFigure = z.infer<typeof deviationFigureSchema>;

export const reviewerDeviationSchema = z.object({
  reviewerId: z.string(),
  displayName: z.string(),
  incidents: z.number(),
  items: deviationFigureSchema,
  overall: deviationFigureSchema,
});
export type ReviewerDeviation = z.infer<typeof reviewerDeviationSchema>;

export const roundFactsSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  rubricId: z.string(),
  rubricVersion: z.number(),
});

export const excludedReviewSchema = z.object({ incidentId: z.number(), reviewerId: z.string(), reason: z.string() });
export type ExcludedReview = z.infer<typeof excludedReviewSchema>;

export const calibrationSummarySchema = z.object({
  round: roundFactsSchema,
  weights: z.enum(['none', 'linear', 'quadratic']),
  incidents: z.object({
    /** Incidents the round assigned for calibration. */
    calibration: z.number(),
    /** Of those, incidents with two or more submitted reviews. */
    doubleScored: z.number(),
  }),
  reviewers: z.number(),
  /** Items 1–n, most disagreement first (lowest alpha; undefined alphas last). */
  items: z.array(questionStatsSchema),
  scope: questionStatsSchema,
  overall: questionStatsSchema,
  allItems: questionStatsSchema,
  deviation: z.array(reviewerDeviationSchema),
  excludedReviews: z.array(excludedReviewSchema),
});
export type CalibrationSummary = z.infer<typeof calibrationSummarySchema>;

export const reviewerColumnSchema = z.object({
  reviewerId: z.string(),
  displayName: z.string(),
  status: z.enum(['not_started', 'draft', 'submitted']),
  submittedAt: z.string().nullable(),
});

export const compareRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  text: z.string(),
  /** In the incident's reviewer order; code and label null when not answered (or not submitted, or withheld). */
  answers: z.array(z.object({ reviewerId: z.string(), code: z.string().nullable(), label: z.string().nullable() })),
  /** Two or more submitted answers and not all the same (n/a and not visible included: they are worth discussing). */
  disagree: z.boolean(),
  /** Widest gap in steps on the ordered scale among the ordered answers; null when fewer than two. */
  steps: z.number().nullable(),
});
export type CompareRow = z.infer<typeof compareRowSchema>;

export const compareIncidentSchema = z.object({
  incidentId: z.number(),
  reference: z.string().nullable(),
  startedAt: z.string().nullable(),
  reviewers: z.array(reviewerColumnSchema),
  /** True when the person asking is one of the scorers and has not submitted: the others' answers stay hidden. */
  withheld: z.boolean(),
  disagreements: z.number(),
  rows: z.array(compareRowSchema),
});
export type CompareIncident = z.infer<typeof compareIncidentSchema>;

export const calibrationCompareSchema = z.object({
  round: roundFactsSchema,
  incidents: z.array(compareIncidentSchema),
});
export type CalibrationCompare = z.infer<typeof calibrationCompareSchema>;

export const calibrationRoundSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  drawnAt: z.string(),
  calibrationIncidents: z.number(),
  doubleScored: z.number(),
});
export type CalibrationRound = z.infer<typeof calibrationRoundSchema>;

/** One submitted calibration review, opened read-only from the comparison once the scoring is no longer blind. */
export const calibrationReviewSchema = z.object({
  round: z.object({ id: z.number(), name: z.string() }),
  incident: reviewViewSchema.shape.incident,
  clips: z.array(reviewClipSchema),
  reviewer: z.object({ id: z.string(), displayName: z.string() }),
  /** The rubric the answers were made with (the review's own, which may differ from the round's). */
  rubric: rubricSchema,
  review: z.object({ id: z.number(), revision: z.number(), submittedAt: z.string().nullable(), answers: reviewAnswersSchema }),
});
export type CalibrationReview = z.infer<typeof calibrationReviewSchema>;

export const calibrationContract = {
  'calibration.rounds': {
    input: z.object({}).strict(),
    output: z.object({ rounds: z.array(calibrationRoundSchema) }),
  },
  'calibration.summary': {
    input: z.object({ roundId: id }).strict(),
    output: calibrationSummarySchema,
  },
  'calibration.compare': {
    input: z.object({ roundId: id }).strict(),
    output: calibrationCompareSchema,
  },
  'calibration.review': {
    input: z.object({ roundId: id, incidentId: id, reviewerId: shortText.min(1) }).strict(),
    output: calibrationReviewSchema,
  },
} as const;
