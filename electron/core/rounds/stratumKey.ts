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

/** The facts a stratum key is built from, as the frame query reads them. */
export interface StratumFacts {
  team: string | null;
  startedAt: string | null;
  /** The incident's first category (its categories are stored sorted). */
  category: string | null;
  /** The incident's first officer. */
  officer: string | null;
}

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

function valueOf(field: StratumField, facts: StratumFacts): string {
  switch (field) {
    case 'team':
      return orMissing(facts.team);
    case 'shift': {
      const hour = facts.startedAt === null ? null : localHourOf(facts.startedAt);
      return hour === null ? MISSING : shiftOf(hour);
    }
    case 'category':
      return orMissing(facts.category);
    case 'officer':
      return orMissing(facts.officer);
  }
}

/** The stratum key of one incident for canonically ordered fields (see canonicalStrata). */
export function stratumKey(fields: readonly StratumField[], facts: StratumFacts): string {
  if (fields.length === 0) return NO_STRATA;
  if (fields.length === 1) return valueOf(fields[0]!, facts);
  return fields.map((f) => valueOf(f, facts)).join(KEY_SEPARATOR);
}
