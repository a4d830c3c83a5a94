import type { Migration } from '../migration';

export const foundation: Migration = {
  version: 1,
  name: 'users, settings, audit log',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('reviewer', 'lead', 'quality')),
        -- Collar/warrant numbers under which this person appears as an officer: they never review their own footage.
        officer_ids TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- DPA 2018 s.62 log. Append-only: triggers refuse UPDATE and DELETE; the hash chain catches anyone who drops
      -- the triggers and edits the file by hand.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN
          ('collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure')),
        object_type TEXT NOT NULL,
        object_id TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}',
        reason TEXT,
        recipient TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
