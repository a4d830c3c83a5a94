import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';

/**
 * Move detection reads the clips' fingerprint keys into memory once per run, when the first new file turns up in a
 * library that already has clips, instead of keeping an index on them. The index made every clip written dirty a
 * page of a randomly ordered b-tree: at 100k new files it cost ~0.4-0.8 s of a ~10 s first index, while the one read
 * of the keys costs what the size check it replaces did (~40 ms at 100k clips), and a first index makes none.
 */
export const moveKeysUnindexed: Migration = {
  version: 6,
  name: 'fingerprint keys read per run instead of indexed',
  up(db: Database) {
    db.exec('DROP INDEX IF EXISTS clips_fp_key');
  },
};
