import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';

/**
 * Fingerprints change hash: XXH3-128 of a clip's two ends instead of SHA-256 (library/probe/fingerprintHash.ts). A
 * fingerprint cannot be recomputed without its file, so nothing is rewritten here: a library that already holds clips
 * is marked, and its next index run re-reads the two ends of every present clip still fingerprinted the old way and
 * stores the new fingerprint (nothing else about the clip changes). Until then, and for clips already missing at the
 * upgrade, a moved file is not recognised by its old fingerprint; it is indexed as new and the missing clip keeps its
 * history.
 */
export const OLD_FINGERPRINTS_KEY = 'library.oldFingerprints';

export const fingerprintHash: Migration = {
  version: 7,
  name: 'fingerprints hashed with XXH3-128; clips fingerprinted before are refreshed by the next index',
  up(db: Database) {
    db.prepare("INSERT INTO settings (key, value) SELECT ?, '1' WHERE EXISTS (SELECT 1 FROM clips)").run(OLD_FINGERPRINTS_KEY);
  },
};
