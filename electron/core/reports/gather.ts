import type { Database } from 'better-sqlite3';
import type { ReportScope, RoundStatement } from '../../../shared/report/document';
import { buildReportModel } from '../../../shared/report/model';
import { monthsEndingWith } from '../../../shared/report/months';
import { TREND_MONTHS } from '../../../shared/report/trend';
import type { HistoryMonth, ReportInput, ReviewRecord, StratumSize } from '../../../shared/report/types';
import type { ReviewAnswers } from '../../../shared/rubric/answers';
import type { Rubric } from '../../../shared/rubric/schema';
import { UserError } from '../errors';
import { loadRubrics } from '../rubrics/catalogue';
import { canonicalJson, sha256 } from './dataHash';
import { periodOfBcuMonth, periodOfRound, type Period, requireMonth, requireRounds, resolveBcu, roundBcuAndMonth } from './period';
import type { ReviewRow, SampledRow } from './read';
import { readAllocation, roundStatement } from './statement';

/** A submitted review as the answers CSV writes it: the model's record plus the round it was made in. */
export interface AnswerRecord {
  roundId: number;
  roundName: string;
  record: ReviewRecord;
}

/** Everything one report is made from, read once; the model, the PDF and both CSVs are computed from this alone. */
export interface Gathered {
  scope: ReportScope;
  bcu: string | null;
  month: string;
  rubric: Rubric;
  /** Every rubric version of the same id the catalogue holds, the reporting one included, by version. */
  versions: ReadonlyMap<number, Rubric>;
  input: ReportInput;
  answers: AnswerRecord[];
  sampled: SampledRow[];
  statements: RoundStatement[];
  asAt: string;
  dataSha256: string;
}

function jsonList(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function parseAnswersText(row: ReviewRow): ReviewAnswers {
  try {
    // Shape is checked by the model (checkReportInput), which names the review and field.
    return JSON.parse(row.answers) as ReviewAnswers;
  } catch {
    throw new UserError(
      'bad-input',
      `review ${row.id} (round ${row.round_id}, incident ${row.incident_id}, reviewer ${row.reviewer_id}): stored answers are not JSON`,
    );
  }
}

export function incidentReference(s: Pick<SampledRow, 'reference' | 'incident_id'>): string {
  return s.reference ?? `incident ${s.incident_id}`;
}

/** With several rounds, strata are per round: "Team A" of one frame is not the same population as of another. */
function stratumKey(multi: boolean, roundId: number, stratum: string): string {
  return multi ? `round ${roundId}: ${stratum}` : stratum;
}

function records(period: Period): AnswerRecord[] {
  const multi = period.rounds.length > 1;
  const facts = new Map(period.sampled.map((s) => [`${s.round_id}:${s.incident_id}`, s]));
  const names = new Map(period.rounds.map((r) => [r.id, r.name]));
  return period.reviews.map((row) => {
    const s = facts.get(`${row.round_id}:${row.incident_id}`)!;
    return {
      roundId: row.round_id,
      roundName: names.get(row.round_id) ?? '',
      record: {
        incidentId: row.incident_id,
        reference: incidentReference(s),
        team: s.team,
        stratum: stratumKey(multi, row.round_id, s.stratum),
        officers: jsonList(s.officers),
        reviewerId: row.reviewer_id,
        rubricId: row.rubric_id,
        rubricVersion: row.rubric_version,
        submittedAt: row.submitted_at,
        answers: parseAnswersText(row),
      },
    };
  });
}

/**
 * Unweighted figures are fair only when every stratum was sampled at the same rate. One round's statement says so
 * itself; for several rounds together the same test is applied to their combined allocation (n_h within one of
 * n·N_h/N), because rounds drawn at different rates are not proportional together even when each one is.
 */
function allocationOf(period: Period): { allocation: StratumSize[]; proportional: boolean } {
  const multi = period.rounds.length > 1;
  const allocation = period.rounds.flatMap((r) =>
    readAllocation(r).map((a) => ({ key: stratumKey(multi, r.id, a.key), population: a.population, sample: a.sample })),
  );
  if (!multi) return { allocation, proportional: period.rounds[0]!.proportional !== 0 };
  const N = allocation.reduce((s, a) => s + a.population, 0);
  const n = allocation.reduce((s, a) => s + a.sample, 0);
  const proportional =
    period.rounds.every((r) => r.proportional !== 0) && N > 0 && allocation.every((a) => Math.abs(a.sample - (n * a.population) / N) <= 1);
  return { allocation, proportional };
}

/** The rubric a period is laid out by: the newest version, of the rubric of its latest round, that anything used. */
function reportingRubric(period: Period, catalogue: readonly Rubric[], fallback?: Rubric): Rubric {
  const latest = [...period.rounds].sort((a, b) => (a.drawn_at < b.drawn_at ? -1 : a.drawn_at > b.drawn_at ? 1 : a.id - b.id)).at(-1);
  if (latest === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UserError('not-found', 'no round to take a rubric from');
  }
  const id = latest.rubric_id;
  const used = [
    ...period.rounds.filter((r) => r.rubric_id === id).map((r) => r.rubric_version),
    ...period.reviews.filter((r) => r.rubric_id === id).map((r) => r.rubric_version),
  ];
  const version = Math.max(...used);
  const found = catalogue.find((r) => r.id === id && r.version === version);
  if (found !== undefined) return found;
  if (fallback !== undefined && fallback.id === id) return fallback;
  throw new UserError('not-found', `rubric ${id} v${version}, used by round ${latest.id} (${latest.name}), is not in the rubrics folder`);
}

function inputOf(
  period: Period,
  month: string,
  rubric: Rubric,
  catalogue: readonly Rubric[],
  history: HistoryMonth[],
  answers: readonly AnswerRecord[],
): ReportInput {
  const multi = period.rounds.length > 1;
  const { allocation, proportional } = allocationOf(period);
  return {
    month,
    rubric,
    otherVersions: catalogue.filter((r) => r.id === rubric.id && r.version !== rubric.version),
    reviews: answers.map((a) => a.record),
    sampled: period.sampled.map((s) => ({ incidentId: s.incident_id, stratum: stratumKey(multi, s.round_id, s.stratum) })),
    allocation,
    proportional,
    history,
  };
}

/**
 * The trend's earlier months: each month's own rounds for the BCU, counted by the same rules as the report (one
 * review per incident, out of scope and not visible outside the rates) and laid out by that month's own newest
 * rubric version, so a reworded item shows as a break in the trend rather than as a change in practice.
 */
function historyOf(db: Database, bcu: string | null, month: string, catalogue: readonly Rubric[], current: Rubric): HistoryMonth[] {
  if (bcu === null) return [];
  const months = monthsEndingWith(month, TREND_MONTHS).slice(0, -1);
  return months.flatMap((m): HistoryMonth[] => {
    const period = periodOfBcuMonth(db, bcu, m);
    if (period.reviews.length === 0) return [];
    const rubric = reportingRubric(period, catalogue, current);
    const built = buildReportModel(inputOf(period, m, rubric, catalogue, [], records(period)));
    if (!built.ok) throw new UserError('bad-input', `${bcu} ${m} (trend): ${built.error}`);
    return [
      {
        month: m,
        items: built.model.items.map((f) => ({ itemId: f.itemId, text: f.text, yes: f.counts.yes, partly: f.counts.partly, no: f.counts.no })),
      },
    ];
  });
}

function latestInstant(times: readonly string[]): string {
  let best = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms) && ms > best) best = ms;
  }
  return best === Number.NEGATIVE_INFINITY ? new Date(0).toISOString() : new Date(best).toISOString();
}

/** Reads a report's data: a round, or a BCU and UK local month (every round whose incidents started in it). */
export function gatherReport(db: Database, resourcesDir: string, scope: ReportScope): Gathered {
  let period: Period;
  let bcu: string | null;
  let month: string;
  if (scope.kind === 'round') {
    period = periodOfRound(db, scope.roundId);
    ({ bcu, month } = roundBcuAndMonth(period));
  } else {
    month = requireMonth(scope.month);
    bcu = resolveBcu(db, scope.bcu);
    period = requireRounds(periodOfBcuMonth(db, bcu, month), bcu, month);
  }
  const catalogue = loadRubrics(resourcesDir).rubrics.map((f) => f.rubric);
  const rubric = reportingRubric(period, catalogue);
  const history = historyOf(db, bcu, month, catalogue, rubric);
  const answers = records(period);
  const input = inputOf(period, month, rubric, catalogue, history, answers);
  const inReport = new Map<number, number>();
  for (const s of period.sampled) inReport.set(s.round_id, (inReport.get(s.round_id) ?? 0) + 1);
  const statements = period.rounds.map((r) => roundStatement(r, inReport.get(r.id) ?? 0, period.roundSizes.get(r.id) ?? 0));
  const dataSha256 = sha256(
    canonicalJson({
      scope: scope.kind === 'round' ? scope : { kind: 'month', bcu, month },
      rubric: { id: rubric.id, version: rubric.version },
      versions: input.otherVersions?.map((r) => r.version) ?? [],
      rounds: period.rounds,
      sampled: period.sampled,
      reviews: period.reviews,
      history,
    }),
  );
  return {
    scope,
    bcu,
    month,
    rubric,
    versions: new Map([rubric, ...(input.otherVersions ?? [])].map((r) => [r.version, r])),
    input,
    answers,
    sampled: period.sampled,
    statements,
    asAt: latestInstant([...period.reviews.map((r) => r.submitted_at), ...period.rounds.map((r) => r.drawn_at)]),
    dataSha256,
  };
}
