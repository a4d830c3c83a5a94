import type { FlagCondition, FlagRule } from './mapping';

/**
 * The flags a row earns under a mapping's rules (semantics documented on the schema in mapping.ts). `cellOf` gives
 * a header's cell, or null when the export has no such column: a rule on an absent column never fires.
 */
export function deriveFlags(rules: readonly FlagRule[], cellOf: (header: string) => string | null): string[] {
  const flags: string[] = [];
  for (const rule of rules) {
    if (flags.includes(rule.name)) continue;
    const cell = cellOf(rule.when.column);
    if (cell !== null && conditionHolds(rule.when, cell)) flags.push(rule.name);
  }
  return flags;
}

function conditionHolds(when: FlagCondition, cell: string): boolean {
  const text = cell.trim().toLowerCase();
  if (when.contains !== undefined) return text.includes(when.contains.toLowerCase());
  if (when.equals !== undefined) {
    const wanted = when.equals.toLowerCase();
    return text === wanted || text.split(/[;,]/).some((item) => item.trim() === wanted);
  }
  return when.regex !== undefined && new RegExp(when.regex, 'i').test(cell.trim());
}
