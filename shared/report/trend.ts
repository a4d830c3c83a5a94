import type { Rubric } from '../rubric/schema';
import { monthsEndingWith } from './months';
import { proportion } from './proportion';
import type { HistoryMonth, ItemFigures, TrendMonth } from './types';
import { sameText } from './versions';

export const TREND_MONTHS = 6;

/**
 * Six consecutive months ending with the report's month, gaps included (a missing month is shown as missing, not
 * closed up). The report month comes from this round's figures; earlier months from stored history. Several
 * history entries for one month (several rounds) are added together. A history item counts for a reporting item
 * only where id and text match, as across rubric versions.
 */
export function trend(
  rubric: Rubric,
  month: string,
  current: readonly ItemFigures[],
  history: readonly HistoryMonth[],
  notes: string[],
): TrendMonth[] {
  const months = monthsEndingWith(month, TREND_MONTHS);
  const later = history.filter((h) => h.month >= month);
  if (later.length > 0) {
    notes.push(`History for ${[...new Set(later.map((h) => h.month))].sort().join(', ')} is not earlier than ${month} and was left out of the trend.`);
  }
  const reworded = new Set<string>();
  const series = months.map((m): TrendMonth => {
    if (m === month) {
      return { month: m, items: current.map((f) => ({ itemId: f.itemId, compliance: f.compliance })) };
    }
    const entries = history.filter((h) => h.month === m);
    return {
      month: m,
      items: rubric.items.map((item) => {
        let yes = 0;
        let scored = 0;
        let found = false;
        for (const entry of entries) {
          for (const h of entry.items) {
            if (h.itemId !== item.id) continue;
            if (!sameText(h.text, item.text)) {
              reworded.add(item.id);
              continue;
            }
            found = true;
            yes += h.yes;
            scored += h.yes + h.partly + h.no;
          }
        }
        return { itemId: item.id, compliance: found ? proportion(yes, scored) : null };
      }),
    };
  });
  if (reworded.size > 0) {
    const list = rubric.items.filter((item) => reworded.has(item.id)).map((item) => item.number);
    notes.push(
      `Trend: item${list.length > 1 ? 's' : ''} ${list.join(', ')} had different wording in earlier months; those months are not shown for ${list.length > 1 ? 'them' : 'it'}.`,
    );
  }
  return series;
}
