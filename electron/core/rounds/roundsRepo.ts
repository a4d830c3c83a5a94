import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  allocationRowSchema, roundFiltersSchema, sizeOutcomeSchema, sizeRequestSchema, STRATUM_FIELDS,
  type AllocationRow, type RoundFilters, type RoundStatement, type SizeOutcome, type SizeRequest,
} from '../../../shared/ipc/rounds';
import type { Assignment } from '../../../shared/sampling/assign';
import { UserError } from '../errors';
import type { EncodedFrame } from './frameCodec';

/** Reads and writes of the rounds tables (migration 003). The JSON columns hold the statement's parts. */

/** A row of the rounds table as stored (reports read it too). */
export interface RoundRow {
  id: number;
  name: string;
  status: 'drawn' | 'closed';
  filters: string;
  frame_size: number;
  frame_hash: string;
  size_spec: string;
  size_result: string;
  n: number;
  strata_fields: string;
  min_per_stratum: number;
  allocation: string;
  proportional: number;
  algorithm_id: string;
  algorithm_version: number;
  prng: string;
  seed: string;
  seed_source: 'given' | 'generated';
  calibration: string;
  reviewers: string;
  rubric_id: string;
  rubric_version: number;
  drawn_by: string;
  drawn_at: string;
}

export interface NewRound {
  name: string;
  filters: RoundFilters;
  frameSize: number;
  frameHash: string;
  sizeRequest: SizeRequest;
  sizeOutcome: SizeOutcome;
  strata: readonly string[];
  minPerStratum: number;
  allocation: AllocationRow[];
  proportional: boolean;
  algorithm: { id: string; version: number; prng: string };
  seed: string;
  seedGenerated: boolean;
  calibration: { fraction: number | null; count: number | null; incidents: number };
  reviewers: { id: string; officerIds: string[] }[];
  rubric: { id: string; version: number };
  drawnBy: string;
  drawnAt: string;
}

export interface SampledIncident {
  id: number;
  stratum: string;
  weight: number | null;
}

/** Writes a drawn round, its sample, its frame and its assignments; the caller holds the transaction. */
export function insertRound(
  db: Database,
  r: NewRound,
  sample: readonly SampledIncident[],
  frame: EncodedFrame,
  assignments: readonly Assignment[],
): number {
  const roundId = Number(
    db
      .prepare(
        `INSERT INTO rounds (name, status, filters, frame_size, frame_hash, size_spec, size_result, n, strata_fields,
           min_per_stratum, allocation, proportional, algorithm_id, algorithm_version, prng, seed, seed_source,
           calibration, reviewers, rubric_id, rubric_version, drawn_by, drawn_at)
         VALUES (?, 'drawn', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.name, JSON.stringify(r.filters), r.frameSize, r.frameHash, JSON.stringify(r.sizeRequest),
        JSON.stringify(r.sizeOutcome), r.sizeOutcome.n, JSON.stringify(r.strata), r.minPerStratum,
        JSON.stringify(r.allocation), r.proportional ? 1 : 0, r.algorithm.id, r.algorithm.version, r.algorithm.prng,
        r.seed, r.seedGenerated ? 'generated' : 'given', JSON.stringify(r.calibration), JSON.stringify(r.reviewers),
        r.rubric.id, r.rubric.version, r.drawnBy, r.drawnAt,
      ).lastInsertRowid,
  );
  const addIncident = db.prepare('INSERT INTO round_incidents (round_id, incident_id, draw_order, stratum, weight) VALUES (?, ?, ?, ?, ?)');
  sample.forEach((s, i) => addIncident.run(roundId, s.id, i + 1, s.stratum, s.weight));
  db.prepare('INSERT INTO round_frames (round_id, encoding, ids, strata, stratum_of) VALUES (?, ?, ?, ?, ?)').run(
    roundId, frame.encoding, frame.ids, JSON.stringify(frame.strata), frame.stratumOf,
  );
  const assign = db.prepare('INSERT INTO assignments (round_id, incident_id, reviewer_id, calibration) VALUES (?, ?, ?, ?)');
  for (const a of assignments) for (const reviewer of a.reviewerIds) assign.run(roundId, a.incidentId, reviewer, a.calibration ? 1 : 0);
  return roundId;
}

function parseColumn<T>(row: RoundRow, column: keyof RoundRow, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(String(row[column]));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UserError('conflict', `round ${row.id} (${row.name}) was not drawn by this tool: its stored ${column} cannot be read`);
  }
  return parsed.data;
}

const calibrationColumn = z.object({ fraction: z.number().nullable(), count: z.number().nullable(), incidents: z.number() });
const reviewersColumn = z.array(z.object({ id: z.string(), officerIds: z.array(z.string()) }));

function readRow(db: Database, roundId: number): RoundRow {
  const row = db.prepare('SELECT * FROM rounds WHERE id = ?').get(roundId) as RoundRow | undefined;
  if (!row) throw new UserError('not-found', `round ${roundId} does not exist (see bwc-dip sample list)`);
  return row;
}

export function verifyCommand(roundId: number): string {
  return `bwc-dip sample verify ${roundId}`;
}

export function readStatement(db: Database, roundId: number): RoundStatement {
  const row = readRow(db, roundId);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    filters: parseColumn(row, 'filters', roundFiltersSchema),
    frameSize: row.frame_size,
    frameHash: row.frame_hash,
    size: { request: parseColumn(row, 'size_spec', sizeRequestSchema), outcome: parseColumn(row, 'size_result', sizeOutcomeSchema) },
    strata: parseColumn(row, 'strata_fields', z.array(z.enum(STRATUM_FIELDS))),
    minPerStratum: row.min_per_stratum,
    allocation: parseColumn(row, 'allocation', z.array(allocationRowSchema)),
    proportional: row.proportional !== 0,
    algorithm: { id: row.algorithm_id, version: row.algorithm_version, prng: row.prng },
    seed: row.seed,
    seedGenerated: row.seed_source === 'generated',
    calibration: parseColumn(row, 'calibration', calibrationColumn),
    reviewers: parseColumn(row, 'reviewers', reviewersColumn),
    assignmentMethod: ASSIGNMENT_METHOD,
    rubric: { id: row.rubric_id, version: row.rubric_version },
    drawnBy: row.drawn_by,
    drawnAt: row.drawn_at,
    verifyCommand: verifyCommand(row.id),
  };
}

/** How create.ts assigns reviewers, in words an auditor can follow (kept here because every statement shows it). */
export const ASSIGNMENT_METHOD =
  'Incidents in draw order; the first k (the calibration count, or ceil(fraction × n)) go to two reviewers, the rest ' +
  'to one. Each goes to the least-loaded reviewer who is not one of its officers; ties are broken by MT19937 seeded ' +
  'with the seed words followed by 0x61737367 ("assg"), over the tied reviewers in id order.';

export function readSample(db: Database, roundId: number): SampledIncident[] {
  return db
    .prepare('SELECT incident_id AS id, stratum, weight FROM round_incidents WHERE round_id = ? ORDER BY draw_order, incident_id')
    .all(roundId) as SampledIncident[];
}

export function readStoredFrame(db: Database, roundId: number): EncodedFrame | null {
  const row = db.prepare('SELECT encoding, ids, strata, stratum_of FROM round_frames WHERE round_id = ?').get(roundId) as
    | { encoding: string; ids: Buffer; strata: string; stratum_of: Buffer }
    | undefined;
  if (!row) return null;
  return { encoding: row.encoding, ids: row.ids, strata: JSON.parse(row.strata) as string[], stratumOf: row.stratum_of };
}
