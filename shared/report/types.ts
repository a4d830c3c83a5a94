import type { ReviewAnswers } from '../rubric/answers';
import type { Rubric } from '../rubric/schema';
import type { ProportionInterval } from '../stats/wilson';

/** One submitted review, as the core reads it from the database. */
export interface ReviewRecord {
  incidentId: number;
  /** CAD/CRIS reference shown to people; incidentId is the tool's own key. */
  reference: string;
  team: string | null;
  stratum: string;
  officers: string[];
  reviewerId: string;
  rubricId: string;
  rubricVersion: number;
  /** ISO 8601 date-time. */
  submittedAt: string;
  answers: ReviewAnswers;
}

export interface SampledIncident {
  incidentId: number;
  stratum: string;
}

export interface StratumSize {
  key: string;
  /** N_h: incidents of the stratum in the round's frame. */
  population: number;
  /** n_h: incidents drawn from it. */
  sample: number;
}

/** A month already reported, as stored: counts per item, with the item text they were scored against. */
export interface HistoryMonth {
  /** 'YYYY-MM' */
  month: string;
  items: { itemId: string; text: string; yes: number; partly: number; no: number }[];
}

export interface ReportInput {
  /** 'YYYY-MM': the month the report is for; the trend ends here. */
  month: string;
  /** The rubric the report is laid out by (normally the newest version in use). */
  rubric: Rubric;
  /** Other versions of the same rubric that reviews in the period were made with. */
  otherVersions?: readonly Rubric[];
  reviews: readonly ReviewRecord[];
  sampled: readonly SampledIncident[];
  allocation: readonly StratumSize[];
  /** From the sampling step: true when every n_h is within one of n·N_h/N, so unweighted figures are fair. */
  proportional: boolean;
  history?: readonly HistoryMonth[];
}

/** A proportion with the counts behind it; interval is the 95% Wilson interval, null when n = 0. */
export interface Proportion {
  successes: number;
  n: number;
  interval: ProportionInterval | null;
}

export interface ItemCounts {
  yes: number;
  partly: number;
  no: number;
  na: number;
  not_visible: number;
  /** Incidents where the scope answer was "no": no child present or resident. */
  outOfScope: number;
  /** In scope but no answer recorded. */
  unanswered: number;
  /** Made with another rubric version whose item differs (or is missing, or the version is unknown). */
  notComparable: number;
}

export interface ItemFigures {
  itemId: string;
  number: number;
  text: string;
  finding: string;
  counts: ItemCounts;
  /** yes / (yes + partly + no) */
  compliance: Proportion;
  /** (yes + partly) / (yes + partly + no) */
  yesOrPartly: Proportion;
}

export interface OverallFigures {
  options: { value: string; label: string; count: number; share: Proportion }[];
  answered: number;
  unanswered: number;
  notComparable: number;
}

/** A weighted point estimate; see weighted.ts for the estimator and why no interval is attached. */
export interface WeightedEstimate {
  point: number;
  /** Kish's design effect of unequal weights, n·Σw² / (Σw)², over the incidents in the denominator. */
  designEffect: number;
  /** Incidents in the denominator. */
  n: number;
}

export interface WeightedItem {
  itemId: string;
  compliance: WeightedEstimate | null;
  yesOrPartly: WeightedEstimate | null;
}

export interface WeightedFigures {
  items: WeightedItem[];
  overall: { value: string; share: WeightedEstimate | null }[];
}

export interface GroupFigures {
  key: string;
  /** Incidents counted in the group. */
  incidents: number;
  items: ItemFigures[];
  overall: OverallFigures;
  /** Present when allocation was not proportional and weights differ inside the group. */
  weighted: WeightedFigures | null;
}

export interface Escalation {
  incidentId: number;
  reference: string;
  reviewerId: string;
  submittedAt: string;
  note: string;
}

export interface Completion {
  sampled: number;
  /** Sampled incidents with at least one submitted review. */
  submitted: number;
  rate: Proportion;
  missing: SampledIncident[];
  byStratum: { key: string; sampled: number; submitted: number }[];
  /** Incidents reviewed that are not in the sample list. */
  outsideSample: number[];
}

export interface CalibrationGroup {
  incidentId: number;
  reference: string;
  /** Every review of the incident, first submitted first; the first is the one counted in the figures. */
  reviews: ReviewRecord[];
}

/** One agreement statistic with what it rests on; value null means undefined, and reason says why. */
export interface AgreementFigure {
  value: number | null;
  /** Landis & Koch for AC1, Krippendorff's cut-offs for alpha, none for percent agreement. */
  band: string | null;
  reason: string | null;
  /** Units with two or more ratings, and the reviewers who gave them. */
  units: number;
  raters: number;
}

export interface AgreementRow {
  /** Item id, the overall question's id, or 'items' for every item pooled. */
  key: string;
  label: string;
  number: number | null;
  level: 'nominal' | 'ordinal';
  /** Units in the table (with at least one rating) and reviewers in it. */
  units: number;
  raters: number;
  percent: AgreementFigure;
  alpha: AgreementFigure;
  ac1: AgreementFigure;
}

export interface ReportAgreement {
  /** Incidents with two or more submitted reviews. */
  incidents: number;
  reviewers: number;
  items: AgreementRow[];
  overall: AgreementRow;
  pooled: AgreementRow;
}

export interface TrendMonth {
  month: string;
  /** One entry per reporting-rubric item; compliance null when the month has no comparable figures for it. */
  items: { itemId: string; compliance: Proportion | null }[];
}

export interface ReportModel {
  month: string;
  rubric: { id: string; version: number; title: string };
  /** Listed first in every report. */
  escalations: Escalation[];
  summary: {
    reviewsSubmitted: number;
    /** Incidents counted in the figures (one review each). */
    incidentsCounted: number;
    inScope: number;
    outOfScope: number;
    scopeUnanswered: number;
  };
  completion: Completion;
  items: ItemFigures[];
  overall: OverallFigures;
  /** Whole-population estimates, present only when allocation was not proportional. */
  weighted: WeightedFigures | null;
  byTeam: GroupFigures[];
  byStratum: GroupFigures[];
  /** Six consecutive months ending with `month`. */
  trend: TrendMonth[];
  calibration: CalibrationGroup[];
  /** Reviewer agreement over the calibration incidents. */
  agreement: ReportAgreement;
  notes: string[];
}

export type ReportResult = { ok: true; model: ReportModel } | { ok: false; error: string };
