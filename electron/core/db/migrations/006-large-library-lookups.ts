import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';

/**
 * Two changes for large libraries.
 * - Move detection reads the clips' fingerprint keys into memory once per run, when the first new file turns up in a
 *   library that already has clips, instead of keeping an index on them. The index made every clip written dirty a
 *   page of a randomly ordered b-tree: at 100k new files it cost ~0.4-0.8 s of a ~10 s first index, while the one
 *   read of the keys costs what the size check it replaces did (~40 ms at 100k clips), and a first index makes none.
 * - Every run ends by counting the present clips, which scanned the table (~18 ms at 100k clips, a tenth of an
 *   unchanged library's re-index); all clips less the missing ones, through a small partial index, costs ~1 ms.
 */
export const largeLibraryLookups: Migration = {
  version: 6,
  name: 'fingerprint keys read per run instead of indexed; missing clips indexed',
  up(db: Database) {
    db.exec(`
      DROP INDEX IF EXISTS clips_fp_key;
      CREATE INDEX clips_missing ON clips (id) WHERE status = 'missing';
    `);
  },
};
