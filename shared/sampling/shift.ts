/**
 * Shift stratum of an incident from its local (Europe/London wall-clock) start hour, on the common three-shift
 * pattern: day 07:00–14:59, late 15:00–22:59, night 23:00–06:59. A night shift spans midnight, so 02:00 on the
 * 5th belongs to the night that began on the 4th; this helper only names the shift, not the duty date.
 */
export type Shift = 'day' | 'late' | 'night';

export function shiftOf(localHour: number): Shift {
  if (!Number.isInteger(localHour) || localHour < 0 || localHour > 23) {
    throw new RangeError(`shiftOf: hour ${String(localHour)} must be a whole number from 0 to 23`);
  }
  if (localHour >= 7 && localHour < 15) return 'day';
  if (localHour >= 15 && localHour < 23) return 'late';
  return 'night';
}
