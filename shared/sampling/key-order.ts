/**
 * Ordering of stratum keys wherever order matters (allocation ties, draw order): by UTF-16 code units, so every
 * machine agrees. localeCompare would not do: its order depends on the ICU data and locale of the machine.
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
