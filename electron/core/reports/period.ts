import type { Database } from 'better-sqlite3';
import { isMonth } from '../../../shared/report/months';
import { monthLabel } from '../../../shared/report/document';
import { daysInMonth } from '../../../shared/time/civil';
import { localDateRangeToUtc, utcToLocal } from '../../../shared/time/london';
import { UserError } from '../errors';
import { knownBcus, readRound, readRounds, type ReviewRow, type RoundRow, sampledOfBcu, sampledOfRound, type SampledRow, submittedReviews } from './read';

/** The rounds, sampled incidents and submitted reviews one report (or one month of its trend) is made from. */
export interface Period {
  /** In id order. */
  rounds: RoundRow[];
  /** In round, then draw order. */
  sampled: SampledRow[];
  /** Submitted reviews of exactly those (round, incident) pairs. */
  reviews: ReviewRow[];
  /** How many incidents each round sampled in all. */
  roundSizes: Map<number, number>;
}

/** 'YYYY-MM' of an instant in UK local time; null for a missing or unreadable time. */
export function ukMonth(iso: string | null): string | null {
  if (iso === null) return null;
  const t = utcToLocal(iso);
  return t.ok ? `${String(t.local.y).padStart(4, '0')}-${String(t.local.m).padStart(2, '0')}` : null;
}

function monthBounds(month: string): { startUtc: string; endUtcExclusive: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const range = localDateRangeToUtc(`${month}-01`, `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`);
  if (!range.ok) throw new UserError('bad-input', `month ${month}: ${range.error}`);
  return range;
}

function withReviews(db: Database, rounds: RoundRow[], sampled: SampledRow[], roundSizes: Map<number, number>): Period {
  const wanted = new Set(sampled.map((s) => `${s.round_id}:${s.incident_id}`));
  const reviews = rounds.flatMap((r) => submittedReviews(db, r.id).filter((v) => wanted.has(`${v.round_id}:${v.incident_id}`)));
  return { rounds, sampled, reviews, roundSizes };
}

export function periodOfRound(db: Database, roundId: number): Period {
  const round = readRound(db, roundId);
  if (round === undefined) throw new UserError('not-found', `round ${roundId} does not exist`);
  const sampled = sampledOfRound(db, roundId);
  return withReviews(db, [round], sampled, new Map([[roundId, sampled.length]]));
}

/**
 * Every round with sampled incidents of the BCU that started in the UK local month. Only those incidents are
 * taken: a round whose frame ran across two months gives each month its own incidents.
 */
export function periodOfBcuMonth(db: Database, bcu: string, month: string): Period {
  const { startUtc, endUtcExclusive } = monthBounds(month);
  const sampled = sampledOfBcu(db, bcu, startUtc, endUtcExclusive);
  const ids = [...new Set(sampled.map((s) => s.round_id))];
  const roundSizes = new Map(
    ids.map((id) => [id, (db.prepare('SELECT count(*) AS n FROM round_incidents WHERE round_id = ?').get(id) as { n: number }).n]),
  );
  return withReviews(db, readRounds(db, ids), sampled, roundSizes);
}

/** The library's own spelling of a BCU typed by a person (case and spacing ignored), or a not-found naming the known ones. */
export function resolveBcu(db: Database, text: string): string {
  const exact = db.prepare('SELECT bcu FROM incidents WHERE bcu = ? LIMIT 1').get(text) as { bcu: string } | undefined;
  if (exact !== undefined) return exact.bcu;
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const known = knownBcus(db);
  const found = known.find((b) => norm(b) === norm(text));
  if (found !== undefined) return found;
  const list = known.length === 0 ? 'the library has no incidents with a BCU' : `known BCUs: ${known.join(', ')}`;
  throw new UserError('not-found', `unknown BCU "${text}" (${list})`);
}

export function requireMonth(month: string): string {
  if (!isMonth(month)) throw new UserError('bad-input', `month "${month}" is not a month in the form YYYY-MM`);
  return month;
}

/** A BCU-month with nothing sampled is an error rather than an empty report: there is no round to describe. */
export function requireRounds(period: Period, bcu: string, month: string): Period {
  if (period.rounds.length === 0) {
    throw new UserError('not-found', `no audit round sampled ${bcu} incidents that started in ${monthLabel(month)} (${month})`);
  }
  return period;
}

function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  // Ties go to the later text: for months, the later month.
  for (const [v, n] of counts) if (n > bestCount || (n === bestCount && best !== null && v > best)) [best, bestCount] = [v, n];
  return best;
}

/**
 * A round report's BCU and month: those of most of its incidents (a round is normally drawn for one BCU and one
 * month); the month falls back to the month it was drawn when no incident has a start time.
 */
export function roundBcuAndMonth(period: Period): { bcu: string | null; month: string } {
  const round = period.rounds[0]!;
  const month = mostCommon(period.sampled.map((s) => ukMonth(s.started_at))) ?? ukMonth(round.drawn_at);
  if (month === null) throw new UserError('bad-input', `round ${round.id} (${round.name}): no incident start time or draw time to date it by`);
  return { bcu: mostCommon(period.sampled.map((s) => s.bcu)), month };
}
