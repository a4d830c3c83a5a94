import type { Database } from 'better-sqlite3';
import type { ReviewClip, ReviewView } from '../../../shared/ipc/reviews';

/**
 * Reads of the library's tables (migration 002) that the review workspace needs: the incident's headline facts and
 * its clips as the player shows them. Kept in one module so the rest of reviews/ never depends on library columns.
 */

export type IncidentFacts = ReviewView['incident'];

interface IncidentRow {
  id: number;
  reference: string | null;
  bcu: string | null;
  team: string | null;
  started_at: string | null;
  categories: string;
}

function jsonList(text: string | null): string[] {
  if (!text) return [];
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function findIncident(db: Database, incidentId: number): IncidentFacts | null {
  const r = db.prepare('SELECT id, reference, bcu, team, started_at, categories FROM incidents WHERE id = ?').get(incidentId) as IncidentRow | undefined;
  if (!r) return null;
  return { id: r.id, reference: r.reference, startedAt: r.started_at, bcu: r.bcu, team: r.team, categories: jsonList(r.categories) };
}

export interface IncidentSummary {
  reference: string | null;
  startedAt: string | null;
  bcu: string | null;
  clipCount: number;
}

export function incidentSummaries(db: Database, incidentIds: readonly number[]): Map<number, IncidentSummary> {
  const out = new Map<number, IncidentSummary>();
  const stmt = db.prepare('SELECT reference, started_at, bcu FROM incidents WHERE id = ?');
  for (const id of incidentIds) {
    const r = stmt.get(id) as { reference: string | null; started_at: string | null; bcu: string | null } | undefined;
    if (r) out.set(id, { reference: r.reference, startedAt: r.started_at, bcu: r.bcu, clipCount: clipIdsOf(db, id).size });
  }
  return out;
}

/**
 * The incident whose clips are this incident's footage. Re-grouping can move every clip of a sampled incident into
 * another one (the library then marks it superseded, and keeps it because a round refers to it); the reviewer
 * should still see the footage, so the chain is followed. Bounded, in case a hand-edited file holds a cycle.
 */
function footageIncident(db: Database, incidentId: number): number {
  const step = db.prepare(
    `SELECT i.superseded_by AS next, (SELECT count(*) FROM clips c WHERE c.incident_id = i.id) AS clips
     FROM incidents i WHERE i.id = ? AND i.status = 'superseded'`,
  );
  let id = incidentId;
  for (let hops = 0; hops < 16; hops++) {
    const r = step.get(id) as { next: number | null; clips: number } | undefined;
    if (!r || r.clips > 0 || r.next === null) break;
    id = r.next;
  }
  return id;
}

interface ClipRow {
  id: number;
  file_name: string;
  officer: string | null;
  officer_id: string | null;
  serial: string | null;
  recorded_at: string | null;
  duration_sec: number | null;
  frame_rate: number | null;
  playable: number;
  unplayable_reason: string | null;
  probe_error: string | null;
  status: string;
}

/** "PC Patel (4521) · camera X81234": who wore the camera, and which one. */
function clipLabel(r: ClipRow): string {
  const number = r.officer_id && !(r.officer ?? '').includes(r.officer_id) ? `(${r.officer_id})` : null;
  const who = [r.officer, number].filter(Boolean).join(' ') || 'Unknown officer';
  return r.serial ? `${who} · camera ${r.serial}` : `${who} · ${r.file_name}`;
}

/** The incident's clips in recorded order (unknown times last), as the player needs them. */
export function clipsOf(db: Database, incidentId: number): ReviewClip[] {
  const rows = db
    .prepare(
      `SELECT id, file_name, officer, officer_id, serial, recorded_at, duration_sec, frame_rate, playable, unplayable_reason,
         probe_error, status
       FROM clips WHERE incident_id = ? ORDER BY recorded_at IS NULL, recorded_at, id`,
    )
    .all(footageIncident(db, incidentId)) as ClipRow[];
  return rows.map((r) => ({
    id: r.id,
    label: clipLabel(r),
    recordedAt: r.recorded_at,
    durationSec: r.duration_sec,
    frameRate: r.frame_rate,
    playable: r.playable !== 0 && r.probe_error === null,
    unplayableReason: r.probe_error ?? r.unplayable_reason,
    missing: r.status === 'missing',
  }));
}

export function clipIdsOf(db: Database, incidentId: number): Set<number> {
  const rows = db.prepare('SELECT id FROM clips WHERE incident_id = ?').all(footageIncident(db, incidentId)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** The incident a clip belongs to; null when the clip does not exist. */
export function clipIncident(db: Database, clipId: number): { incidentId: number | null } | null {
  const r = db.prepare('SELECT incident_id FROM clips WHERE id = ?').get(clipId) as { incident_id: number | null } | undefined;
  return r ? { incidentId: r.incident_id } : null;
}

export interface RoundIncident {
  id: number;
  reference: string | null;
  /** Every CAD/CRIS reference the incident is known by. */
  references: string[];
  /** How messages name it: its reference, or its id. */
  label: string;
}

/** A round's incidents in draw order. */
export function roundIncidents(db: Database, roundId: number): RoundIncident[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.reference, i.refs FROM round_incidents ri JOIN incidents i ON i.id = ri.incident_id
       WHERE ri.round_id = ? ORDER BY ri.draw_order, i.id`,
    )
    .all(roundId) as { id: number; reference: string | null; refs: string }[];
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    references: [...new Set([...(r.reference ? [r.reference] : []), ...jsonList(r.refs)])],
    label: r.reference ?? String(r.id),
  }));
}

/** Ids of library incidents an import cell may mean (by id or reference), to explain why it is not in the round. */
export function findIncidentsByKey(db: Database, text: string, referenceKey: string): number[] {
  const byId = /^\d+$/.test(text) ? (db.prepare('SELECT id FROM incidents WHERE id = ?').all(Number(text)) as { id: number }[]) : [];
  const byRef = db
    .prepare('SELECT incident_id AS id FROM incident_refs WHERE upper(ref) = @key UNION SELECT id FROM incidents WHERE upper(reference) = @key')
    .all({ key: referenceKey }) as { id: number }[];
  return [...new Set([...byId, ...byRef].map((r) => r.id))];
}
