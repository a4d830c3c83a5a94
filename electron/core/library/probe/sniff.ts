/**
 * Recognises a file's container from its first bytes, so a JPEG or a text file named .mp4 gets a reason that says
 * what it is instead of "bad box size". Magic numbers: Matroska/WebM EBML header 1A 45 DF A3 (RFC 8794 §8.1),
 * RIFF "AVI " (Microsoft AVI RIFF reference), JPEG SOI FF D8 FF, PNG 89 50 4E 47, PDF "%PDF".
 */
export function isMatroska(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3;
}

export function isAvi(head: Buffer): boolean {
  return head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'AVI ';
}

/** The one-line reason for a file whose first bytes are not the `expected` container ("an MP4/MOV"). */
export function describeNotA(expected: string, head: Buffer): string {
  const kind = guessKind(head);
  const hex = head.subarray(0, 8).toString('hex').replace(/(..)(?!$)/g, '$1 ');
  return `not ${expected} file (${kind ? `looks like ${kind}; ` : ''}first bytes ${hex})`;
}

function guessKind(head: Buffer): string | null {
  if (isMatroska(head)) return 'a Matroska/WebM file';
  if (isAvi(head)) return 'an AVI file';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'a JPEG image';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x89504e47) return 'a PNG image';
  if (head.toString('latin1', 0, 4) === '%PDF') return 'a PDF document';
  if (head.length > 0 && isText(head)) return 'text';
  return null;
}

function isText(head: Buffer): boolean {
  const sample = head.subarray(0, 512);
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20)) return false;
  return true;
}
