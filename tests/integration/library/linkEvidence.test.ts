import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { linkEvidence } from '../../../electron/core/library/importExports';
import { removeTmpDirs, tmpDir } from './media';

/**
 * Evidence linking over a library larger than one transaction (they are sized by time: transactionSizer.ts), on a real
 * database: every clip gets its row's link and officer, a second pass writes nothing, and a pass killed half-way
 * keeps what it committed and is finished by the next.
 */

afterAll(removeTmpDirs);

const CLIPS = 3000;
const NOW = '2026-11-01T00:00:00.000Z';

function library() {
  const db = openDatabase(join(tmpDir('bwc-link-'), 'x.sqlite'));
  db.prepare('INSERT INTO roots (path, added_at) VALUES (?, ?)').run('/footage', NOW);
  db.prepare("INSERT INTO manifests (path, sha256, mapping, rows, imported_at) VALUES ('/e.csv', 'x', 'axon', 0, ?)").run(NOW);
  const row = db.prepare(
    `INSERT INTO evidence (evidence_id, manifest_id, line, officer, officer_id, file_name, recorded_at, content_hash, updated_at)
     VALUES (?, 1, ?, ?, ?, ?, ?, 'h', ?)`,
  );
  const clip = db.prepare(
    `INSERT INTO clips (root_id, rel_path, file_name, size, mtime_ms, ino, fingerprint, container, playable, created_at, updated_at)
     VALUES (1, ?, ?, 1, 0, ?, ?, 'mp4', 1, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= CLIPS; i++) {
      // Every third clip has no export row; the others are named by their row, in another case.
      if (i % 3 !== 0) row.run(`EVD${i}`, i + 1, `PC ${i % 7}`, `${i % 7}`, `CLIP_${i}.MP4`, '2026-10-01T10:00:00.000Z', NOW);
      clip.run(`day/clip_${i}.mp4`, `clip_${i}.mp4`, String(i), `fp${i}`, NOW, NOW);
    }
  })();
  return db;
}

const linked = (db: ReturnType<typeof library>) =>
  db.prepare('SELECT count(*) FROM clips WHERE evidence_id IS NOT NULL').pluck().get() as number;

describe('linkEvidence on a library larger than one transaction', () => {
  it('links every clip to its row, and a second pass writes nothing', async () => {
    const db = library();
    try {
      expect(await linkEvidence(db, NOW)).toBe(CLIPS - CLIPS / 3);
      expect(linked(db)).toBe(CLIPS - CLIPS / 3);
      const c = db.prepare("SELECT e.evidence_id, c.officer, c.recorded_at, c.recorded_at_source FROM clips c JOIN evidence e ON e.id = c.evidence_id WHERE c.rel_path = 'day/clip_10.mp4'").get();
      expect(c).toEqual({ evidence_id: 'EVD10', officer: 'PC 3', recorded_at: '2026-10-01T10:00:00.000Z', recorded_at_source: 'export' });
      expect(db.prepare("SELECT evidence_id FROM clips WHERE rel_path = 'day/clip_9.mp4'").pluck().get()).toBeNull();
      expect(await linkEvidence(db, NOW)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('keeps what a pass killed half-way committed, and the next pass finishes the rest', async () => {
    const db = library();
    try {
      // The 1,500th clip linked fails, as a process killed at that moment would stop.
      db.exec(`CREATE TEMP TRIGGER killed BEFORE UPDATE OF evidence_id ON clips
               WHEN (SELECT count(*) FROM clips WHERE evidence_id IS NOT NULL) >= 1499 BEGIN SELECT RAISE(ABORT, 'killed'); END`);
      await expect(linkEvidence(db, NOW)).rejects.toThrow(/killed/);
      const done = linked(db);
      // Some transactions committed, the one that failed did not, and none is half-written.
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThanOrEqual(1499);
      expect(db.prepare('SELECT count(*) FROM clips WHERE evidence_id IS NOT NULL AND officer IS NULL').pluck().get()).toBe(0);
      db.exec('DROP TRIGGER killed');
      expect(await linkEvidence(db, NOW)).toBe(CLIPS - CLIPS / 3 - done);
      expect(linked(db)).toBe(CLIPS - CLIPS / 3);
    } finally {
      db.close();
    }
  });
});
