import Database from 'better-sqlite3';

/**
 * Test set-up for the review workspace: an audit round on the app's own database, with incidents of the indexed
 * library assigned to the given reviewers. Written with SQL (as a second connection next to the running app, which
 * WAL allows) so the review tests do not depend on how rounds are drawn; the round is marked as drawn by 'e2e'.
 */
export interface ReviewRoundSpec {
  name?: string;
  /** How many incidents, taken in start order from those with a playable clip. */
  incidents: number;
  /** Reviewers who may not have opened the app yet are created as users. */
  users?: { id: string; displayName: string }[];
  /** Reviewer ids assigned to the incident at this position. */
  assign(index: number): string[];
}

export interface ReviewRound {
  roundId: number;
  incidentIds: number[];
  /** Every clip id per incident, in recorded order. */
  clips: Map<number, number[]>;
  references: Map<number, string | null>;
}

export function createReviewRound(dbPath: string, spec: ReviewRoundSpec): ReviewRound {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  try {
    return db.transaction((): ReviewRound => {
      const now = new Date().toISOString();
      for (const u of spec.users ?? []) {
        db.prepare("INSERT OR IGNORE INTO users (id, display_name, role, officer_ids, created_at) VALUES (?, ?, 'reviewer', '[]', ?)").run(u.id, u.displayName, now);
      }
      const incidents = db
        .prepare(
          `SELECT i.id, i.reference FROM incidents i
           WHERE i.status = 'active'
             AND EXISTS (SELECT 1 FROM clips c WHERE c.incident_id = i.id AND c.playable = 1 AND c.status = 'present')
           ORDER BY i.started_at, i.id LIMIT ?`,
        )
        .all(spec.incidents) as { id: number; reference: string | null }[];
      if (incidents.length < spec.incidents) throw new Error(`the library has only ${incidents.length} incidents with playable clips`);
      const roundId = Number(
        db
          .prepare(
            `INSERT INTO rounds (name, filters, frame_size, frame_hash, size_spec, size_result, n, allocation, proportional,
               algorithm_id, algorithm_version, prng, seed, rubric_id, rubric_version, drawn_by, drawn_at)
             VALUES (?, '{}', ?, 'e2e', '{}', '{}', ?, '[]', 1, 'e2e-fixed', 1, 'none', '0', 'child-focus', 1, 'e2e', ?)`,
          )
          .run(spec.name ?? 'E2E review round', incidents.length, incidents.length, now).lastInsertRowid,
      );
      const clips = new Map<number, number[]>();
      incidents.forEach((inc, i) => {
        db.prepare("INSERT INTO round_incidents (round_id, incident_id, draw_order, stratum) VALUES (?, ?, ?, 'all')").run(roundId, inc.id, i + 1);
        const who = spec.assign(i);
        for (const reviewer of who) {
          db.prepare('INSERT INTO assignments (round_id, incident_id, reviewer_id, calibration) VALUES (?, ?, ?, ?)').run(roundId, inc.id, reviewer, who.length > 1 ? 1 : 0);
        }
        const ids = db.prepare('SELECT id FROM clips WHERE incident_id = ? ORDER BY recorded_at IS NULL, recorded_at, id').all(inc.id) as { id: number }[];
        clips.set(inc.id, ids.map((c) => c.id));
      });
      return { roundId, incidentIds: incidents.map((i) => i.id), clips, references: new Map(incidents.map((i) => [i.id, i.reference])) };
    })();
  } finally {
    db.close();
  }
}

/** What the indexer records when a clip's file has gone: the row (and any scores) stay, marked missing. */
export function markClipMissing(dbPath: string, clipId: number): void {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  try {
    db.prepare("UPDATE clips SET status = 'missing', missing_since = ? WHERE id = ?").run(new Date().toISOString(), clipId);
  } finally {
    db.close();
  }
}
