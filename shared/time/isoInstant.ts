import { civilDateTimeError, civilToEpochMs } from './civil';

/**
 * ISO 8601 / RFC 3339 date-times that carry their own offset ("2026-10-12T18:04:51Z", "...+01:00") name one instant
 * whatever the zone, so they need no clock rules. Everything the library stores is normalised through here to
 * Date#toISOString form ("2026-10-12T18:04:51.000Z") so that stored times compare correctly as strings.
 */
export type IsoInstantResult = { ok: true; utc: string; epochMs: number } | { ok: false; error: string };

const ISO_ABSOLUTE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

export function isAbsoluteIso(text: string): boolean {
  return ISO_ABSOLUTE.test(text.trim());
}

export function parseIsoInstant(text: string): IsoInstantResult {
  const trimmed = text.trim();
  const m = ISO_ABSOLUTE.exec(trimmed);
  if (!m) return { ok: false, error: `"${trimmed}" is not an ISO 8601 date-time with Z or an offset` };
  // Sub-millisecond digits are dropped: every time the app keeps is at millisecond resolution.
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const parts = { y: +m[1]!, m: +m[2]!, d: +m[3]!, hh: +m[4]!, mm: +m[5]!, ss: +(m[6] ?? 0), ms };
  const bad = civilDateTimeError(parts);
  if (bad) return { ok: false, error: `"${trimmed}": ${bad}` };
  const offset = offsetMinutes(m[8]!);
  if (offset === null) return { ok: false, error: `"${trimmed}": offset ${m[8]} is not a real UTC offset` };
  const epochMs = civilToEpochMs(parts) - offset * 60_000;
  return { ok: true, utc: new Date(epochMs).toISOString(), epochMs };
}

function offsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  // Real offsets run from -12:00 to +14:00; anything past ±18:00 (the ISO/Java limit) is a typo.
  if (hours > 18 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
