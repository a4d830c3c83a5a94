import type { Migration } from '../migration';

export const rounds: Migration = {
  version: 3,
  name: 'audit rounds, their statements, samples and assignments',
  up(db) {
    db.exec(`
      -- A drawn round is locked: its statement (everything an auditor needs to re-derive the sample) never changes.
      CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'drawn' CHECK (status IN ('drawn', 'closed')),
        -- Round filters as given (BCU, UK local date range, categories, flags, teams, officers, include sampled).
        filters TEXT NOT NULL,
        frame_size INTEGER NOT NULL,
        frame_hash TEXT NOT NULL,
        size_spec TEXT NOT NULL,
        size_result TEXT NOT NULL,
        n INTEGER NOT NULL,
        strata_fields TEXT NOT NULL DEFAULT '[]',
        min_per_stratum INTEGER NOT NULL DEFAULT 0,
        allocation TEXT NOT NULL,
        proportional INTEGER NOT NULL,
        algorithm_id TEXT NOT NULL,
        algorithm_version INTEGER NOT NULL,
        prng TEXT NOT NULL,
        seed TEXT NOT NULL,
        calibration TEXT NOT NULL DEFAULT '{}',
        rubric_id TEXT NOT NULL,
        rubric_version INTEGER NOT NULL,
        drawn_by TEXT NOT NULL,
        drawn_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE round_incidents (
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        draw_order INTEGER NOT NULL,
        stratum TEXT NOT NULL,
        weight REAL,
        PRIMARY KEY (round_id, incident_id)
      ) STRICT;
      CREATE INDEX round_incidents_incident ON round_incidents (incident_id);

      CREATE TABLE assignments (
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        reviewer_id TEXT NOT NULL REFERENCES users(id),
        calibration INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (round_id, incident_id, reviewer_id)
      ) STRICT;
      CREATE INDEX assignments_reviewer ON assignments (reviewer_id, round_id);
    `);
  },
};
