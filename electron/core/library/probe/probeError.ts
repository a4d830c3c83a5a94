/**
 * Why a file could not be probed, as one line a supervisor can act on ("truncated: ...", "not an MP4/MOV file ...").
 * Only ever thrown inside probe/; probeClip turns it into `{ ok: false, reason }`. `code` is the system error code
 * when the file system refused (ENOENT, EACCES...), so the indexer can tell "gone" and "unreadable" from "bad file".
 */
export class ProbeError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ProbeError';
  }
}
