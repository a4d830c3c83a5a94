import type { ReportModel } from './types';

/**
 * Everything a printed report shows besides the figures: what it covers, where its sample came from, and who made
 * it from which data. The PDF, the dashboard and `bwc-dip report --json` all read one ReportDocument, so they can
 * never disagree.
 */

/** One stratum of a round's allocation as the round stored it. */
export interface AllocationRow {
  key: string;
  /** N_h */
  population: number;
  /** n_h */
  sample: number;
  /** N_h / n_h; null when nothing was drawn from the stratum. */
  weight: number | null;
}

/** A round's sampling statement, in the words and figures an inspector needs to re-derive the sample. */
export interface RoundStatement {
  id: number;
  name: string;
  status: string;
  /** The round's filters as label and value, in stored order. */
  filters: { label: string; value: string }[];
  frameSize: number;
  frameHash: string;
  /** Size method and inputs, e.g. "confidence: 0.95; margin: 0.1". */
  sizeMethod: string;
  /** The sampling step's own explanation of n, when it stored one. */
  sizeExplanation: string | null;
  n: number;
  strataFields: string[];
  minPerStratum: number;
  allocation: AllocationRow[];
  proportional: boolean;
  /** Algorithm id, version and PRNG. */
  algorithm: string;
  seed: string;
  calibration: string;
  rubric: { id: string; version: number };
  drawnBy: string;
  drawnAt: string;
  /** Incidents of the round in this report, of all it sampled (a month report may take part of a round). */
  incidentsInReport: number;
  incidentsInRound: number;
}

export interface AppendixIncident {
  incidentId: number;
  reference: string;
  roundId: number;
  team: string | null;
  officers: string[];
  /** UK local date-time the incident started, when known. */
  startedAt: string | null;
  /** Reviewers with a submitted review, first submitted first. */
  reviewers: string[];
  /** Label of the counted review's overall judgement; null when not reviewed or not answered. */
  overall: string | null;
}

/** Free-text notes of one submitted review; only ever present when the notes were asked for. */
export interface ReviewNotes {
  incidentId: number;
  reference: string;
  reviewerId: string;
  items: { number: number; notes: string }[];
  learningNote: string;
  escalationNote: string;
}

export type ReportScope = { kind: 'round'; roundId: number } | { kind: 'month'; bcu: string; month: string };

export interface ReportMeta {
  title: string;
  scope: ReportScope;
  /** The BCU the report is for; null when its incidents carry none. */
  bcu: string | null;
  /** 'YYYY-MM' */
  month: string;
  /** "October 2025" */
  periodLabel: string;
  generatedBy: string;
  /**
   * The latest moment in the data (last submission, or the last draw): the report's date. Taken from the data,
   * not the clock, so the same data always gives the same file; the moment of each export is in the audit log.
   */
  asAt: string;
  /** Derived from the data hash, so it names the data rather than the occasion. */
  reportId: string;
  /** SHA-256 of the canonical JSON of everything the report was made from. */
  dataSha256: string;
  marking: string;
  includeNotes: boolean;
  rounds: RoundStatement[];
  appendix: AppendixIncident[];
  /** Empty unless includeNotes. */
  reviewNotes: ReviewNotes[];
}

export interface ReportDocument {
  meta: ReportMeta;
  model: ReportModel;
}

export const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "2025-10" → "October 2025"; anything else is returned as given. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m === null ? undefined : MONTH_NAMES[Number(m[2]) - 1];
  return m === null || name === undefined ? month : `${name} ${m[1]}`;
}
