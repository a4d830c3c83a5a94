import { STRATUM_FIELDS, type StratumField } from '../../../shared/ipc/rounds';
import { shiftOf } from '../../../shared/sampling/shift';
import { summerTimeBounds, utcToLocal } from '../../../shared/time/london';

/**
 * An incident's stratum: the values of the round's strata fields, in the fixed order team, shift, category,
 * officer, joined with ' | '. A missing value is 'none'; a round without strata has the single stratum 'all'.
 * The key is part of what the draw depends on, so its spelling must never change for a drawn algorithm version.
 */
export const NO_STRATA = 'all';
export const MISSING = 'none';
export const KEY_SEPARATOR = ' | ';

/** Strata fields in canonical order, so "shift,team" and "team,shift" name the same design. */
export function canonicalStrata(fields: readonly StratumField[]): StratumField[] {
  return STRATUM_FIELDS.filter((f) => fields.includes(f));
}

// Stored times are Date#toISOString text; anything else goes the slow, fully checked way.
const TO_ISO_STRING = /^(\d{4})-\d{2}-\d{2}T(\d{2}):\d{2}:\d{2}\.\d{3}Z$/;
const bstByYear = new Map<number, { start: string; end: string } | null>();

function bstBounds(year: number): { start: string; end: string } | null {
  let bounds = bstByYear.get(year);
  if (bounds === undefined) {
    const { startMs, endMs } = summerTimeBounds(year);
    bounds = { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
    bstByYear.set(year, bounds);
  }
  return bounds;
}

/**
 * The UK local (Europe/London) hour of a stored UTC instant, or null when it cannot be placed (unreadable, or before
 * the modelled clock rules). The fast path compares the text with the year's BST bounds (both in toISOString form,
 * so text order is time order) instead of parsing a date per incident: a million-incident frame stays fast.
 */
export function localHourOf(utcIso: string): number | null {
  const m = TO_ISO_STRING.exec(utcIso);
  const year = m ? Number(m[1]) : NaN;
  if (m && year >= 1996) {
    const bounds = bstBounds(year)!;
    const bst = utcIso >= bounds.start && utcIso < bounds.end;
    return (Number(m[2]) + (bst ? 1 : 0)) % 24;
  }
  const local = utcToLocal(utcIso);
  return local.ok ? local.local.hh : null;
}

const orMissing = (v: string | null) => (v === null || v.trim() === '' ? MISSING : v);

/** One field's part of a stratum key, from the value the frame query reads for that field. */
export function stratumPart(field: StratumField, value: string | null): string {
  if (field !== 'shift') return orMissing(value);
  const hour = value === null ? null : localHourOf(value);
  return hour === null ? MISSING : shiftOf(hour);
}

/** A stratum key from its parts, one per field in canonical order. */
export function joinStratumParts(parts: readonly string[]): string {
  return parts.length === 0 ? NO_STRATA : parts.join(KEY_SEPARATOR);
}
