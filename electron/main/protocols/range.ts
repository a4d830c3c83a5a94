/**
 * HTTP Range parsing for the media protocol (RFC 9110 §14). Only single ranges: video elements never ask for
 * multipart ranges, and refusing them keeps the handler simple.
 */
export type RangeResult =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

export function parseRange(header: string | null, size: number): RangeResult {
  if (header === null || header.trim() === '') return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  // A syntactically invalid Range is ignored (RFC 9110: the server may serve the whole representation).
  if (!m) return { kind: 'full' };
  const [, a, b] = m;
  if (a === '' && b === '') return { kind: 'full' };
  if (size === 0) return { kind: 'unsatisfiable' };
  if (a === '') {
    // Suffix: the last n bytes.
    const n = Number(b);
    if (n === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || (b !== '' && Number(b) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}
