import type { Rubric, RubricItem } from '../rubric/schema';

/**
 * Across rubric versions an answer means the same thing only if it answered the same question, so an item is
 * compared only where both versions have its id with the same text (ignoring spacing differences). A changed
 * wording starts a new series for that item.
 */
export interface VersionMatch {
  /** Reporting-rubric item ids that the other version's answers can count for. */
  itemIds: ReadonlySet<string>;
  /** Whether the overall judgement question is the same. */
  overall: boolean;
  /** Reporting-rubric items that do not match (changed text, or absent from the other version). */
  differing: RubricItem[];
}

export function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

/** `made` undefined means the version is not known to the report: nothing can be compared. */
export function matchVersion(report: Rubric, made: Rubric | undefined): VersionMatch {
  if (made === undefined) return { itemIds: new Set(), overall: false, differing: [...report.items] };
  const madeItems = new Map(made.items.map((item) => [item.id, item]));
  const itemIds = new Set<string>();
  const differing: RubricItem[] = [];
  for (const item of report.items) {
    const other = madeItems.get(item.id);
    if (other !== undefined && sameText(other.text, item.text)) itemIds.add(item.id);
    else differing.push(item);
  }
  const overall = made.overall.id === report.overall.id && sameText(made.overall.text, report.overall.text);
  return { itemIds, overall, differing };
}
