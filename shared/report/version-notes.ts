import type { Rubric } from '../rubric/schema';
import type { CountedReview } from './outcome';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Plain words for a period scored with more than one rubric version: which versions, how many incidents each, and
 * which items could not be compared, so nobody reads a changed question as a change in practice.
 */
export function versionNotes(rubric: Rubric, known: ReadonlyMap<number, Rubric>, counted: readonly CountedReview[]): string[] {
  const perVersion = new Map<number, number>();
  for (const c of counted) perVersion.set(c.review.rubricVersion, (perVersion.get(c.review.rubricVersion) ?? 0) + 1);
  const others = [...perVersion.keys()].filter((v) => v !== rubric.version).sort((a, b) => a - b);
  if (others.length === 0) return [];

  const tally = [...perVersion]
    .sort((a, b) => a[0] - b[0])
    .map(([v, n]) => `v${v}: ${plural(n, 'incident', 'incidents')}`)
    .join(', ');
  const notes = [
    `Reviews in this period were made with more than one version of rubric ${rubric.id} (${tally}). Figures are laid out by v${rubric.version}; an item is compared across versions only where its id and text are the same.`,
  ];
  const reportIds = new Set(rubric.items.map((item) => item.id));
  for (const v of others) {
    const n = perVersion.get(v) ?? 0;
    const made = known.get(v);
    if (made === undefined) {
      notes.push(
        `${plural(n, 'incident was', 'incidents were')} reviewed with ${rubric.id} v${v}, which was not given to the report: their answers are counted as not comparable (they still count for completion and escalations).`,
      );
      continue;
    }
    const match = counted.find((c) => c.review.rubricVersion === v)?.match;
    const parts: string[] = [];
    if (match !== undefined && match.differing.length > 0) {
      parts.push(`item${match.differing.length > 1 ? 's' : ''} ${match.differing.map((item) => item.number).join(', ')}`);
    }
    if (match !== undefined && !match.overall) parts.push('the overall judgement');
    const dropped = made.items.filter((item) => !reportIds.has(item.id)).map((item) => item.number);
    if (parts.length === 0) {
      notes.push(`v${v} asks the same items as v${rubric.version}: all ${plural(n, 'answer set', 'answer sets')} made with it are compared.`);
    } else {
      notes.push(
        `v${v} differs from v${rubric.version} on ${parts.join(' and ')}: answers made with v${v} (${plural(n, 'incident', 'incidents')}) are counted as not comparable there.`,
      );
    }
    if (dropped.length > 0) {
      notes.push(`v${v} item${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')} ${dropped.length > 1 ? 'have' : 'has'} no counterpart in v${rubric.version} and ${dropped.length > 1 ? 'are' : 'is'} not reported.`);
    }
  }
  return notes;
}
