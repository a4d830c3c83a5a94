import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';
import { fingerprintKey } from '../../library/fingerprint';

/**
 * Two lookups that a large library made slow.
 * - Move detection looks clips up by fingerprint. Indexing the 70-character fingerprint text made every new clip
 *   dirty a page of a large, randomly ordered index; an integer taken from the fingerprint's hash is as selective
 *   for this lookup (the text is still compared) and its index is a fraction of the size.
 * - Retiring an incident left without clips asks whether another incident points at it (superseded_by), which
 *   scanned the whole incidents table for each one (a regroup retiring many incidents at 100k clips: 11-19 s, ~3 s
 *   with the index).
 */
export const libraryLookups: Migration = {
  version: 5,
  name: 'integer fingerprint key for move detection; superseded_by index',
  up(db: Database) {
    db.exec('ALTER TABLE clips ADD COLUMN fp_key INTEGER');
    const set = db.prepare('UPDATE clips SET fp_key = ? WHERE id = ?');
    for (const r of db.prepare('SELECT id, fingerprint FROM clips').all() as { id: number; fingerprint: string }[]) {
      set.run(fingerprintKey(r.fingerprint), r.id);
    }
    db.exec(`
      DROP INDEX clips_fingerprint;
      CREATE INDEX clips_fp_key ON clips (fp_key);
      CREATE INDEX incidents_superseded_by ON incidents (superseded_by);
    `);
  },
};
