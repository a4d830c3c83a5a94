import type { Database } from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../electron/core/db/open';
import { saveUser } from '../../../electron/core/users/users';

/**
 * A real database file with just enough library, round and users for the review workspace: incidents with clips,
 * one round on the shipped child-focus v1 rubric, and assignments. Rows are inserted with SQL because the library
 * and rounds code that normally writes them is not what these tests are about.
 */
export const RESOURCES = resolve(__dirname, '../../../resources');

export interface World {
  db: Database;
  dbPath: string;
  dir: string;
  roundId: number;
  /** Incident ids in draw order. */
  incidents: number[];
  /** Clip ids per incident id. */
  clips: Map<number, number[]>;
}

export interface WorldSpec {
  /** CAD/CRIS reference of each incident (null for none), in draw order. */
  references?: (string | null)[];
  clipsPerIncident?: number;
  reviewers?: string[];
  /** incident index → reviewer ids assigned to it (default: every reviewer to every incident). */
  assign?: (index: number) => string[];
  roundName?: string;
}

const NOW = '2026-03-02T10:00:00.000Z';

export function addRound(db: Database, name: string, incidentIds: number[], assign: (index: number) => string[]): number {
  const r = db
    .prepare(
      `INSERT INTO rounds (name, filters, frame_size, frame_hash, size_spec, size_result, n, allocation, proportional,
         algorithm_id, algorithm_version, prng, seed, rubric_id, rubric_version, drawn_by, drawn_at)
       VALUES (?, '{}', ?, 'test', '{}', '{}', ?, '[]', 1, 'test-draw', 1, 'mt19937', '1', 'child-focus', 1, 'lead.a', ?)`,
    )
    .run(name, incidentIds.length, incidentIds.length, NOW);
  const roundId = Number(r.lastInsertRowid);
  incidentIds.forEach((id, i) => {
    db.prepare("INSERT INTO round_incidents (round_id, incident_id, draw_order, stratum) VALUES (?, ?, ?, 'all')").run(roundId, id, i + 1);
    const who = assign(i);
    for (const reviewer of who) {
      db.prepare('INSERT INTO assignments (round_id, incident_id, reviewer_id, calibration) VALUES (?, ?, ?, ?)').run(roundId, id, reviewer, who.length > 1 ? 1 : 0);
    }
  });
  return roundId;
}

export function addIncident(db: Database, reference: string | null, clips: number, startedAt = NOW): { incidentId: number; clipIds: number[] } {
  const rootId = (db.prepare('SELECT id FROM roots LIMIT 1').get() as { id: number } | undefined)?.id
    ?? Number(db.prepare("INSERT INTO roots (path, added_at) VALUES ('/footage', ?)").run(NOW).lastInsertRowid);
  const incidentId = Number(
    db
      .prepare(
        `INSERT INTO incidents (reference, refs, source, bcu, team, started_at, categories, clip_count, created_at, updated_at)
         VALUES (?, ?, ?, 'Central East', 'Hackney ERT', ?, '["Domestic"]', ?, ?, ?)`,
      )
      .run(reference, JSON.stringify(reference ? [reference] : []), reference ? 'reference' : 'single', startedAt, clips, NOW, NOW).lastInsertRowid,
  );
  if (reference) db.prepare('INSERT INTO incident_refs (incident_id, ref) VALUES (?, ?)').run(incidentId, reference);
  const clipIds: number[] = [];
  for (let c = 0; c < clips; c++) {
    const file = `inc${incidentId}-cam${c}.mp4`;
    clipIds.push(
      Number(
        db
          .prepare(
            `INSERT INTO clips (root_id, rel_path, file_name, size, mtime_ms, ino, fingerprint, container, duration_sec, recorded_at,
               frame_rate, serial, playable, officer, officer_id, incident_id, created_at, updated_at)
             VALUES (?, ?, ?, 1000, 0, ?, ?, 'mp4', 60, ?, 25, ?, 1, ?, ?, ?, ?, ?)`,
          )
          .run(rootId, file, file, `ino-${file}`, `fp-${file}`, startedAt, `X8${c}000`, `PC Officer ${c}`, `45${c}1`, incidentId, NOW, NOW)
          .lastInsertRowid,
      ),
    );
  }
  return { incidentId, clipIds };
}

export function makeWorld(spec: WorldSpec = {}): World {
  const dir = mkdtempSync(join(tmpdir(), 'bwc-reviews-'));
  const dbPath = join(dir, 'bwc-dip.sqlite');
  const db = openDatabase(dbPath);
  const reviewers = spec.reviewers ?? ['sgt.a'];
  for (const id of [...reviewers, 'lead.a']) {
    saveUser(db, 'setup', { id, displayName: id === 'lead.a' ? 'Insp Lead' : `Sgt ${id.slice(4).toUpperCase()}`, role: id === 'lead.a' ? 'lead' : 'reviewer', officerIds: [] });
  }
  const references = spec.references ?? ['CAD 1001/02MAR26', 'CAD 1002/02MAR26', null];
  const clips = new Map<number, number[]>();
  const incidents = references.map((ref) => {
    const made = addIncident(db, ref, spec.clipsPerIncident ?? 2);
    clips.set(made.incidentId, made.clipIds);
    return made.incidentId;
  });
  const roundId = addRound(db, spec.roundName ?? 'Central East March 2026', incidents, spec.assign ?? (() => reviewers));
  return { db, dbPath, dir, roundId, incidents, clips };
}
