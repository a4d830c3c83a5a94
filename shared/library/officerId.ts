/**
 * The collar number inside an officer label ("PC 2211CE", "PS 77CE", "PC1234CE" in an Axis user id) so footage can be
 * matched to the officer numbers reviewers register (they must never review their own footage). Only a rank followed
 * by digits and an optional borough/unit suffix counts: a name or anything else gives null rather than a guess.
 */
const RANKED_NUMBER = /^(?:PCSO|SPC|TDC|PC|PS|DC|DS|SGT|INSP|DI|DCI|CI)\s*(\d{1,6}[A-Z]{0,3})$/i;

export function collarNumberOf(officer: string): string | null {
  const m = RANKED_NUMBER.exec(officer.trim());
  return m ? m[1]!.toUpperCase() : null;
}
