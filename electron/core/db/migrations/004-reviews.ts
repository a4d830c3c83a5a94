import type { Migration } from '../migration';

export const reviews: Migration = {
  version: 4,
  name: 'reviews, their full history, and consultation de-duplication',
  up(db) {
    db.exec(`
      -- One review per (round, incident, reviewer). Answers are the rubric's JSON answer document, validated by
      -- shared/rubric before every write; the rubric id and version it was made with travel with it.
      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        reviewer_id TEXT NOT NULL REFERENCES users(id),
        rubric_id TEXT NOT NULL,
        rubric_version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
        answers TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        UNIQUE (round_id, incident_id, reviewer_id)
      ) STRICT;
      CREATE INDEX reviews_incident ON reviews (incident_id);

      -- Every submitted state and every amendment, with its reason: the history a reviewer and an auditor can read.
      CREATE TABLE review_history (
        review_id INTEGER NOT NULL REFERENCES reviews(id),
        revision INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('submitted', 'amended')),
        answers TEXT NOT NULL,
        reason TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (review_id, revision)
      ) STRICT;

      -- Playing a clip is a consultation (DPA s.62): one audit event per reviewer, clip and UK day.
      CREATE TABLE consultations (
        actor TEXT NOT NULL,
        clip_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (actor, clip_id, day)
      ) STRICT;
    `);
  },
};
