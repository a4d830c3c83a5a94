import type { Rng } from '../random/rng';
import { uniformBelow } from '../random/uniform';
import { compareKeys } from './key-order';
import { roundUp } from './round-up';

/**
 * Shares a drawn sample among reviewers.
 * - Calibration: the first ceil(fraction·n) incidents in draw order (or exactly `count`) go to two reviewers, who
 *   score blind; because the draw order is random, so is the calibration subset.
 * - Conflicts: a reviewer never gets an incident in which one of their own officer ids appears (ids compared trimmed
 *   and case-insensitively, so "ab123 " still matches "AB123").
 * - Balance: incidents are taken in draw order and each goes to the least-loaded eligible reviewer(s); ties are
 *   broken with the supplied rng over the tied reviewers in id order, so the result is deterministic for a seed and
 *   does not depend on the order reviewers are listed. Always serving a least-loaded reviewer keeps loads within
 *   one of each other unless conflicts force otherwise.
 */
export interface IncidentToAssign {
  id: number;
  officers: readonly string[];
}

export interface ReviewerCandidate {
  id: string;
  officerIds: readonly string[];
}

export interface CalibrationRequest {
  fraction?: number;
  count?: number;
}

export interface AssignInput {
  /** In draw order. */
  incidents: readonly IncidentToAssign[];
  reviewers: readonly ReviewerCandidate[];
  calibration: CalibrationRequest;
  rng: Rng;
}

export interface Assignment {
  incidentId: number;
  reviewerIds: string[];
  calibration: boolean;
}

export type AssignResult = { ok: true; assignments: Assignment[] } | { ok: false; error: string };

const CALIBRATION_REVIEWERS = 2;

function officerKey(id: string): string {
  return id.trim().toUpperCase();
}

function calibrationCount(request: CalibrationRequest, n: number): number | string {
  const { fraction, count } = request ?? {};
  if (fraction !== undefined && count !== undefined) return 'Give a calibration fraction or a count, not both';
  if (count !== undefined) {
    if (!Number.isSafeInteger(count) || count < 0 || count > n) {
      return `Calibration count ${String(count)} must be a whole number from 0 to the sample size (${n})`;
    }
    return count;
  }
  if (fraction !== undefined) {
    if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) {
      return `Calibration fraction ${String(fraction)} must be between 0 and 1`;
    }
    return Math.max(0, roundUp(fraction * n));
  }
  return 0;
}

function validate(input: AssignInput): string | null {
  if (!Array.isArray(input.reviewers) || input.reviewers.length === 0) return 'There are no reviewers to assign';
  const reviewerIds = new Set<string>();
  for (const [i, r] of input.reviewers.entries()) {
    if (typeof r?.id !== 'string' || r.id === '') return `Reviewer ${i + 1} has no id`;
    if (reviewerIds.has(r.id)) return `Reviewer "${r.id}" is listed twice`;
    reviewerIds.add(r.id);
    if (!Array.isArray(r.officerIds)) return `Reviewer "${r.id}" has no officer id list`;
  }
  if (!Array.isArray(input.incidents)) return 'The incident list is missing';
  const incidentIds = new Set<number>();
  for (const [i, inc] of input.incidents.entries()) {
    if (!Number.isSafeInteger(inc?.id)) return `Incident ${i + 1} has id ${String(inc?.id)}: ids must be whole numbers`;
    if (incidentIds.has(inc.id)) return `Incident ${inc.id} is listed twice`;
    incidentIds.add(inc.id);
    if (!Array.isArray(inc.officers)) return `Incident ${inc.id} has no officer list`;
  }
  return null;
}

export function assignReviewers(input: AssignInput): AssignResult {
  const invalid = validate(input);
  if (invalid) return { ok: false, error: invalid };
  const doubled = calibrationCount(input.calibration, input.incidents.length);
  if (typeof doubled === 'string') return { ok: false, error: doubled };

  const reviewers = [...input.reviewers]
    .sort((a, b) => compareKeys(a.id, b.id))
    .map((r) => ({ id: r.id, officers: new Set(r.officerIds.map(officerKey).filter((o) => o !== '')), load: 0 }));

  const assignments: Assignment[] = [];
  for (const [index, incident] of input.incidents.entries()) {
    const calibration = index < doubled;
    const needed = calibration ? CALIBRATION_REVIEWERS : 1;
    const officers = incident.officers.map(officerKey);
    const eligible = reviewers.filter((r) => !officers.some((o) => r.officers.has(o)));
    if (eligible.length < needed) {
      const why = calibration
        ? `needs ${needed} reviewers for calibration but ${eligible.length} have no conflict of interest`
        : 'has no reviewer without a conflict of interest';
      return { ok: false, error: `Incident ${incident.id} ${why} (its officers: ${incident.officers.join(', ')})` };
    }
    const chosen: string[] = [];
    for (let k = 0; k < needed; k++) {
      const open = eligible.filter((r) => !chosen.includes(r.id));
      const least = Math.min(...open.map((r) => r.load));
      const tied = open.filter((r) => r.load === least);
      const pick = tied.length === 1 ? tied[0]! : tied[uniformBelow(input.rng, tied.length)]!;
      pick.load++;
      chosen.push(pick.id);
    }
    assignments.push({ incidentId: incident.id, reviewerIds: chosen, calibration });
  }
  return { ok: true, assignments };
}
