import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';
import { fingerprintKey } from '../../library/fingerprint';

/**
 * Move detection looks clips up by fingerprint. Indexing the 70-character fingerprint text made every new clip dirty
 * a page of a large, randomly ordered index; an integer taken from the fingerprint's hash is as selective for this
 * lookup (the text is still compared) and its index is a fraction of the size.
 */
export const fingerprintKeyMigration: Migration = {
  version: 5,
  name: 'integer fingerprint key for move detection',
  up(db: Database) {
    db.exec('ALTER TABLE clips ADD COLUMN fp_key INTEGER');
    const set = db.prepare('UPDATE clips SET fp_key = ? WHERE id = ?');
    for (const r of db.prepare('SELECT id, fingerprint FROM clips').all() as { id: number; fingerprint: string }[]) {
      set.run(fingerprintKey(r.fingerprint), r.id);
    }
    db.exec('DROP INDEX clips_fingerprint; CREATE INDEX clips_fp_key ON clips (fp_key);');
  },
};
