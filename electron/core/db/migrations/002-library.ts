import type { Migration } from '../migration';

/**
 * The library index: where footage lives (roots, clips), what the force's exports say about it (manifests, evidence),
 * how it groups into incidents, and what each index run did and could not use (index_runs, problems).
 * Footage is never copied: a clip row is a reference (root + relative path) plus metadata read from its headers.
 */
export const library: Migration = {
  version: 2,
  name: 'library: roots, clips, evidence, incidents, index runs',
  up(db) {
    db.exec(`
      CREATE TABLE roots (
        id INTEGER PRIMARY KEY,
        -- Absolute path as the user gave it (resolved); clips hang off it by relative path so a re-mounted disk can
        -- be re-pointed by changing one row.
        path TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL,
        last_indexed_at TEXT
      ) STRICT;

      CREATE TABLE index_runs (
        id INTEGER PRIMARY KEY,
        -- 'running' rows left by a killed process are turned into 'interrupted' by the next run.
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'interrupted', 'failed')),
        actor TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        started_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL,
        finished_at TEXT,
        roots TEXT NOT NULL,
        manifests TEXT NOT NULL DEFAULT '[]',
        mapping TEXT,
        options TEXT NOT NULL DEFAULT '{}',
        -- Counts so far (kept current at every batch commit, so an interrupted run still shows what it did).
        counts TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX index_runs_status ON index_runs (status);

      -- What a run could not use: a file or folder (path), a manifest row (path + line), a sidecar.
      CREATE TABLE problems (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES index_runs(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('file', 'folder', 'row', 'sidecar', 'manifest')),
        path TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX problems_run ON problems (run_id, id);

      CREATE TABLE manifests (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        mapping TEXT NOT NULL,
        rows INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      -- One row per piece of evidence in a force export. Rows are kept even when no file matches them.
      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        evidence_id TEXT NOT NULL UNIQUE,
        manifest_id INTEGER NOT NULL REFERENCES manifests(id),
        line INTEGER NOT NULL,
        title TEXT,
        officer TEXT,
        officer_id TEXT,
        team TEXT,
        bcu TEXT,
        grp TEXT,
        categories TEXT NOT NULL DEFAULT '[]',
        flags TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        description TEXT,
        recorded_at TEXT,
        time_flag TEXT CHECK (time_flag IN ('ambiguous', 'nonexistent')),
        uploaded_at TEXT,
        duration_sec REAL,
        refs TEXT NOT NULL DEFAULT '[]',
        file_name TEXT,
        custom TEXT NOT NULL DEFAULT '{}',
        -- Hash of the record's content: re-importing the same export writes nothing.
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        -- The first CAD/CRIS reference (normalised); NULL for an incident made of clips without one.
        reference TEXT,
        refs TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL CHECK (source IN ('reference', 'single', 'proximity', 'manual')),
        -- Set by a person's merge or split: re-grouping never moves this incident's clips or drops it.
        manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
        -- 'superseded': re-grouping moved all its clips elsewhere but something (a sample, a score) still refers to it.
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded')),
        superseded_by INTEGER REFERENCES incidents(id),
        bcu TEXT,
        team TEXT,
        officers TEXT NOT NULL DEFAULT '[]',
        officer_ids TEXT NOT NULL DEFAULT '[]',
        started_at TEXT,
        ended_at TEXT,
        categories TEXT NOT NULL DEFAULT '[]',
        flags TEXT NOT NULL DEFAULT '[]',
        clip_count INTEGER NOT NULL DEFAULT 0,
        missing_count INTEGER NOT NULL DEFAULT 0,
        unplayable_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- One index per sortable column, each ending in started_at so "filter by X, newest first" walks it in order.
      CREATE INDEX incidents_started ON incidents (started_at);
      CREATE INDEX incidents_bcu ON incidents (bcu, started_at);
      CREATE INDEX incidents_team ON incidents (team, started_at);
      CREATE INDEX incidents_reference ON incidents (reference, started_at);
      CREATE INDEX incidents_clip_count ON incidents (clip_count, started_at);

      -- Multi-valued incident fields, one row per value, so filters are index lookups rather than JSON scans.
      CREATE TABLE incident_officers (
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        officer TEXT NOT NULL,
        PRIMARY KEY (incident_id, officer)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX incident_officers_value ON incident_officers (officer, incident_id);
      CREATE TABLE incident_categories (
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        PRIMARY KEY (incident_id, category)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX incident_categories_value ON incident_categories (category, incident_id);
      CREATE TABLE incident_flags (
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        flag TEXT NOT NULL,
        PRIMARY KEY (incident_id, flag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX incident_flags_value ON incident_flags (flag, incident_id);
      CREATE TABLE incident_refs (
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        ref TEXT NOT NULL,
        PRIMARY KEY (incident_id, ref)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX incident_refs_value ON incident_refs (ref, incident_id);

      CREATE TABLE clips (
        id INTEGER PRIMARY KEY,
        root_id INTEGER NOT NULL REFERENCES roots(id),
        -- Relative to the root, '/'-separated on every platform.
        rel_path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        -- Identity for "unchanged costs a stat only".
        size INTEGER NOT NULL,
        mtime_ms REAL NOT NULL,
        ino TEXT NOT NULL,
        -- size + SHA-256 of the first and last 64 KiB: finds a moved or renamed file without reading it whole.
        fingerprint TEXT NOT NULL,
        sha256 TEXT,
        hashed_at TEXT,
        status TEXT NOT NULL DEFAULT 'present' CHECK (status IN ('present', 'missing')),
        missing_since TEXT,
        container TEXT NOT NULL,
        -- Why the headers could not be read when a known clip's file went bad (the row and its scores are kept).
        probe_error TEXT,
        duration_sec REAL,
        -- Effective start: the file's creation_time, else a sidecar's, else an Axis clip name's, else the export's.
        recorded_at TEXT,
        recorded_at_source TEXT CHECK (recorded_at_source IN ('file', 'sidecar', 'name', 'export')),
        file_recorded_at TEXT,
        width INTEGER,
        height INTEGER,
        frame_rate REAL,
        video_codec TEXT,
        audio_codec TEXT,
        make TEXT,
        model TEXT,
        -- Camera serial: the file's own, else the sidecar's or Axis folder's.
        serial TEXT,
        software TEXT,
        lat REAL,
        lon REAL,
        alt REAL,
        playable INTEGER NOT NULL CHECK (playable IN (0, 1)),
        unplayable_reason TEXT,
        -- Sidecar facts (Motorola JSON/VTT, Axis folder name + metadata.json) and the stat signature they came from.
        sidecar_sig TEXT NOT NULL DEFAULT '',
        side_source TEXT CHECK (side_source IN ('motorola', 'axis')),
        side_officer TEXT,
        side_officer_id TEXT,
        side_serial TEXT,
        side_start TEXT,
        side_refs TEXT NOT NULL DEFAULT '[]',
        bookmarks TEXT NOT NULL DEFAULT '[]',
        -- Effective officer: the export row's, else the sidecar's.
        officer TEXT,
        officer_id TEXT,
        evidence_id INTEGER REFERENCES evidence(id),
        incident_id INTEGER REFERENCES incidents(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (root_id, rel_path)
      ) STRICT;
      CREATE INDEX clips_fingerprint ON clips (fingerprint, status);
      CREATE INDEX clips_incident ON clips (incident_id);
      CREATE INDEX clips_evidence ON clips (evidence_id);

      -- Files that looked like clips but could not be read (zero-byte, truncated, not video): remembered with their
      -- stat so an unchanged bad file costs a stat on the next run too, and is reported again.
      CREATE TABLE skipped_files (
        root_id INTEGER NOT NULL REFERENCES roots(id),
        rel_path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms REAL NOT NULL,
        ino TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (root_id, rel_path)
      ) STRICT;
    `);
  },
};
