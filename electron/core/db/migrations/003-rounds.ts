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
        -- 'generated': no seed was given, so one was drawn from the OS's cryptographic source (and shown).
        seed_source TEXT NOT NULL DEFAULT 'given' CHECK (seed_source IN ('given', 'generated')),
        calibration TEXT NOT NULL DEFAULT '{}',
        -- The reviewers as drawn, with the officer ids their conflicts were checked against at the time.
        reviewers TEXT NOT NULL DEFAULT '[]',
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
      -- Covers "sampled in an earlier round?" (incident_id, round_id < R) without touching the table.
      CREATE INDEX round_incidents_incident ON round_incidents (incident_id, round_id);

      -- A round's frame is usually one BCU over a period, stratified by team: this index answers that read by itself
      -- (no lookup into the wide incidents rows), which makes drawing from a million-incident library fast.
      CREATE INDEX incidents_frame ON incidents (bcu, started_at, status, team);

      -- The frame as it was drawn from (ids ascending and each one's stratum), so verify can name the incidents
      -- that joined, left or changed stratum since; the round's frame_hash is the published check of the ids.
      CREATE TABLE round_frames (
        round_id INTEGER PRIMARY KEY REFERENCES rounds(id),
        -- deflate(varint deltas of the ascending ids), deflate(varint index into strata per id).
        encoding TEXT NOT NULL,
        ids BLOB NOT NULL,
        strata TEXT NOT NULL,
        stratum_of BLOB NOT NULL
      ) STRICT;

      -- A drawn round is locked: only its status (drawn -> closed) may change, and it is never deleted.
      CREATE TRIGGER rounds_locked BEFORE UPDATE OF id, name, filters, frame_size, frame_hash, size_spec,
        size_result, n, strata_fields, min_per_stratum, allocation, proportional, algorithm_id, algorithm_version,
        prng, seed, seed_source, calibration, reviewers, rubric_id, rubric_version, drawn_by, drawn_at ON rounds
        BEGIN SELECT RAISE(ABORT, 'a drawn round is locked: its statement cannot change (draw a new round)'); END;
      CREATE TRIGGER rounds_no_delete BEFORE DELETE ON rounds
        BEGIN SELECT RAISE(ABORT, 'a drawn round is locked: it cannot be deleted'); END;
      CREATE TRIGGER round_frames_locked BEFORE UPDATE ON round_frames
        BEGIN SELECT RAISE(ABORT, 'a drawn round is locked: its frame cannot change'); END;

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
