import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHashPool } from '../../../electron/core/library/hashPool';

const dir = mkdtempSync(join(tmpdir(), 'bwc-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createHashPool', () => {
  it('hashes files in worker threads to the same SHA-256 as node:crypto, across chunk boundaries', async () => {
    const pool = createHashPool(2);
    try {
      const sizes = [0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) * 2 + 5];
      const files = sizes.map((size, i) => {
        const bytes = Buffer.alloc(size, i + 1);
        const path = join(dir, `f${i}`);
        writeFileSync(path, bytes);
        return { path, bytes };
      });
      const results = await Promise.all(files.map((f) => pool.sha256(f.path)));
      results.forEach((r, i) => {
        expect(r).toEqual({ ok: true, hex: createHash('sha256').update(files[i]!.bytes).digest('hex'), bytes: sizes[i] });
      });
      // Known answer: SHA-256 of the empty string (FIPS 180-4 test vectors, NIST CSRC example values).
      expect(results[0]).toMatchObject({ hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    } finally {
      await pool.close();
    }
  });

  it('reports a missing file or a folder as a reason, not an exception', async () => {
    const pool = createHashPool(1);
    try {
      expect(await pool.sha256(join(dir, 'nope'))).toEqual({ ok: false, code: 'ENOENT', reason: 'file disappeared before it could be read' });
      expect(await pool.sha256(dir)).toMatchObject({ ok: false, reason: expect.stringMatching(/directory/) });
    } finally {
      await pool.close();
    }
  });

  it('rejects queued work with an AbortError when closed', async () => {
    const pool = createHashPool(1);
    const path = join(dir, 'big');
    writeFileSync(path, Buffer.alloc(8 << 20));
    const settled = Promise.allSettled([pool.sha256(path), pool.sha256(path), pool.sha256(path)]);
    await pool.close();
    for (const r of await settled) expect(r).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    await expect(pool.sha256(path)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
