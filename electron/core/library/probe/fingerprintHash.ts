import { createXXHash128 } from 'hash-wasm';

/**
 * The hash of a fingerprint's two ends (fingerprint.ts): XXH3-128, as 32 hex digits. A fingerprint only has to tell
 * one recording from another among files of the same size, to find where a file went; proving content is the full
 * SHA-256's job (--hash). XXH3-128 does the first at ~10 µs for a clip's 128 KiB where SHA-256 took ~35 µs, and that
 * was a third of the probe workers' time for every new file (measured at 100k files).
 *
 * The hasher is WebAssembly, compiled once per thread (hence the promise); hashing itself is synchronous.
 */
export type FingerprintHasher = (parts: readonly Uint8Array[]) => string;

export async function fingerprintHasher(): Promise<FingerprintHasher> {
  const hasher = await createXXHash128();
  return (parts) => {
    hasher.init();
    for (const p of parts) hasher.update(p);
    return hasher.digest('hex');
  };
}
