import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';

/**
 * What each library folder held when the last complete index run settled it (library/folderStates.ts): a digest of
 * its video files' names, stats and sidecar stats, and the clips filed in it. A re-index lists every folder and stats
 * its files as before, but a folder whose digest is unchanged is settled without reading its clips' rows, so an
 * unchanged library no longer reads the clips table at all. Nothing is filled in here: the first run after the upgrade
 * compares file by file, as before, and writes the states at its end.
 */
export const folderStates: Migration = {
  version: 8,
  name: 'library folder states, so an unchanged folder is settled from its listing alone',
  up(db: Database) {
    db.exec(`
      CREATE TABLE folder_states (
        root_id INTEGER NOT NULL REFERENCES roots(id),
        -- The folder relative to its root, '/'-separated; '' is the root itself.
        rel_dir TEXT NOT NULL,
        -- Digest of the folder's listing when it was settled; '' when it must be compared file by file next time.
        listing TEXT NOT NULL,
        -- Ids of the clips (present or missing) whose file is directly in this folder, comma-separated, and how many.
        clip_ids TEXT NOT NULL,
        clip_count INTEGER NOT NULL,
        missing INTEGER NOT NULL,
        PRIMARY KEY (root_id, rel_dir)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
