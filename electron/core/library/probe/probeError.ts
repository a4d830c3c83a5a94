/**
 * Why a file could not be probed, as one line a supervisor can act on ("truncated: ...", "not an MP4/MOV file ...").
 * Only ever thrown inside probe/; probeClip turns it into `{ ok: false, reason }`.
 */
export class ProbeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbeError';
  }
}
