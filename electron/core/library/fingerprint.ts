/**
 * A clip's identity that survives a move or rename without reading the whole file: its size and the XXH3-128 hash of
 * its first 64 KiB followed by its last 64 KiB (probe/fingerprintHash.ts), written "<size>:<32 hex digits>". The two
 * ranges never overlap: a file of 128 KiB or less is hashed whole. Body-worn camera files differ in their headers
 * (creation time, serial) and in their tails (the moov box or the last frames), so two different recordings sharing
 * both ends and the size is not a concern. Computed with the header probe, from the same two reads
 * (probe/probeFile.ts), in the probe workers. Libraries indexed before schema 7 held SHA-256 fingerprints (64 hex
 * digits); the next run replaces them (migrations/007).
 */
export const FINGERPRINT_EDGE = 64 * 1024;

/**
 * The first 52 bits of a fingerprint's hash as an integer (exact in a double): the indexed key move detection looks
 * up before comparing whole fingerprints. Anything not in "<size>:<hex>" form keys to 0 (and then matches on text).
 */
export function fingerprintKey(fingerprint: string): number {
  const hex = fingerprint.slice(fingerprint.indexOf(':') + 1, fingerprint.indexOf(':') + 14);
  return /^[0-9a-f]{13}$/.test(hex) ? parseInt(hex, 16) : 0;
}
