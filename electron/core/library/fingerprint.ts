/**
 * A clip's identity that survives a move or rename without reading the whole file: its size and the SHA-256 of its
 * first 64 KiB followed by its last 64 KiB, written "<size>:<hex>". The two ranges never overlap: a file of 128 KiB
 * or less is hashed whole. Body-worn camera files differ in their headers (creation time, serial) and in their tails
 * (the moov box or the last frames), so two different recordings sharing both ends and the size is not a concern.
 * Computed with the header probe, from the same two reads (probe/probeFile.ts), in the probe workers.
 */
export const FINGERPRINT_EDGE = 64 * 1024;
