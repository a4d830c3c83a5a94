/**
 * A date-time from a metadata tag (com.apple.quicktime.creationdate, ©day) as an ISO UTC string. Writers use ISO 8601
 * with an offset ("2026-10-25T01:30:00+0100", "...Z"); a time with no offset is local to an unknown zone, so it is
 * not a recording time we can place and gives null, as does anything that is not a real calendar instant.
 */
export function parseTagDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number, number, number, number, number, number,
  ];
  const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  // Date.UTC rolls 30 February into March; a real instant must survive the round trip unchanged.
  if (
    check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day ||
    hour > 23 || minute > 59 || second > 59
  ) {
    return null;
  }
  return new Date(local - offsetMinutes(m[8]!) * 60_000).toISOString();
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return sign * minutes;
}
