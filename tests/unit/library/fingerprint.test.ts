import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xxhash128 } from 'hash-wasm';
import { fingerprintKey } from '../../../electron/core/library/fingerprint';
import { fingerprintHasher } from '../../../electron/core/library/probe/fingerprintHash';
import { probeFile } from '../../../electron/core/library/probe/probeFile';
import { createProbePool } from '../../../electron/core/library/probePool';

const dir = mkdtempSync(join(tmpdir(), 'bwc-fp-'));
const KIB = 1024;
const pool = createProbePool(2);
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Independent reading of the definition: XXH3-128 of bytes [0, 64K) followed by [max(64K, size-64K), size), hashed
 * here in one piece through the library's one-shot call (the workers stream the two ends through a reused hasher).
 */
async function expected(bytes: Buffer): Promise<string> {
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * KIB));
  const tail = bytes.subarray(Math.max(64 * KIB, bytes.length - 64 * KIB));
  return `${bytes.length}:${await xxhash128(Buffer.concat([head, tail]))}`;
}

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const patterned = (size: number, seed = 1) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed * 7) & 0xff));
const fingerprint = async (path: string, _size: number) => {
  const r = (await pool.probe(path)).fingerprint;
  if (!r.ok) throw new Error(r.reason);
  return r.hex;
};

describe('fingerprints (probe workers)', () => {
  it.each([0, 10, 64 * KIB, 64 * KIB + 1, 128 * KIB, 128 * KIB + 1, 300 * KIB, 3 * 1024 * KIB])('match the definition for %i bytes', async (size) => {
    const bytes = patterned(size);
    expect(await fingerprint(file(`f${size}`, bytes), size)).toBe(await expected(bytes));
  });

  it('are the same for the same bytes at another path, and differ when an end or the size changes', async () => {
    const bytes = patterned(300 * KIB);
    const a = await fingerprint(file('a', bytes), bytes.length);
    expect(await fingerprint(file('renamed', bytes), bytes.length)).toBe(a);
    const tail = Buffer.from(bytes);
    tail[tail.length - 1] = tail[tail.length - 1]! ^ 1;
    expect(await fingerprint(file('tail', tail), tail.length)).not.toBe(a);
    const head = Buffer.from(bytes);
    head[0] = head[0]! ^ 1;
    expect(await fingerprint(file('head', head), head.length)).not.toBe(a);
    // A change between the two ends is, by design, not seen: the fingerprint finds moves, --hash proves content.
    const middle = Buffer.from(bytes);
    middle[150 * KIB] = middle[150 * KIB]! ^ 1;
    expect(await fingerprint(file('middle', middle), middle.length)).toBe(a);
  });

  it('come back in order from batches spread over the workers', async () => {
    const files = Array.from({ length: 50 }, (_, i) => {
      const bytes = patterned(1000 + i, i);
      return { path: file(`batch${i}`, bytes), bytes };
    });
    const got = await Promise.all(files.map((f) => fingerprint(f.path, f.bytes.length)));
    expect(got).toEqual(await Promise.all(files.map((f) => expected(f.bytes))));
  });

  it('report a vanished file with its error code, and fail the probe with the same reason', async () => {
    expect(await pool.probe(join(dir, 'nope'))).toEqual({
      fingerprint: { ok: false, code: 'ENOENT', reason: 'file not found' },
      probe: { ok: false, reason: 'file not found' },
    });
  });

  it('are the same computed in this thread (the fallback when the bundled worker is missing)', async () => {
    const bytes = patterned(200 * KIB, 3);
    const path = file('inline', bytes);
    expect(probeFile(path, await fingerprintHasher()).fingerprint).toEqual({ ok: true, hex: await expected(bytes) });
    expect(await fingerprint(path, bytes.length)).toBe(await expected(bytes));
  });

  it('run in worker threads, not in this one', () => {
    expect(pool.size).toBe(2);
  });
});

describe('the fingerprint hash (XXH3-128)', () => {
  // Published XXH3-128 digests, seed 0: "abc" from the emn178 online XXH128 calculator's worked example
  // (https://emn178.github.io/online-tools/xxhash128/); the two sentences from Edge Delta's XXH128 converter
  // reference (https://docs.edgedelta.com/converter-xxh128).
  it.each([
    ['abc', '06b05ab6733a618578af5f94892f3950'],
    ['Hello, World!', '531df2844447dd5077db03842cd75395'],
    ['The quick brown fox jumps over the lazy dog', 'ddd650205ca3e7fa24a1cc2e3a8a7651'],
  ])('hashes %j to the published digest', async (text, digest) => {
    const hash = await fingerprintHasher();
    expect(hash([Buffer.from(text)])).toBe(digest);
    // Streamed in pieces, and reused: the same digest.
    expect(hash([Buffer.from(text.slice(0, 2)), Buffer.from(text.slice(2))])).toBe(digest);
  });
});

describe('fingerprintKey', () => {
  it('is the first 13 hex digits of the hash as an integer, and 0 for anything else', () => {
    expect(fingerprintKey('123:fffffffffffff0123')).toBe(2 ** 52 - 1);
    expect(fingerprintKey('5:0000000000001abc')).toBe(1);
    expect(fingerprintKey('10:06b05ab6733a618578af5f94892f3950')).toBe(0x06b05ab6733a6);
    expect(fingerprintKey('not a fingerprint')).toBe(0);
    expect(fingerprintKey('7:XYZ')).toBe(0);
  });
});
