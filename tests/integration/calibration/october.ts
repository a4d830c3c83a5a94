import type { Database } from 'better-sqlite3';
import type { Rubric } from '../../../shared/rubric/schema';
import { allItems, answers, type AnswerSpec } from '../../unit/calibration/fixtures';
import { addIncident, addReview, addRound, addUser, assign } from './roundDb';

export interface October {
  roundId: number;
  /** Calibration incidents in draw order, then the routine one. */
  incidents: number[];
}

/**
 * A month's calibration, small enough to work out by hand:
 * - I1–I5 double-scored by Ash and Bell. Ash answers items 3 and 4 "no" on I1–I4 where Bell answers "yes"; both
 *   answer "partly" on I5. Ash answers item 13 "not applicable" everywhere, Bell "no". Ash's overall judgement is
 *   "requires improvement" on I1–I2 where Bell's is "good". Everything else: "yes" and "good".
 * - I6: Ash submitted, Bell still has a draft (counted, then excluded).
 * - I7 double-scored by Bell and Carr, who agree on everything.
 * - I8: Carr's review was made with rubric v2 (left out, with the reason); Ash's stands alone (excluded).
 * - I9: a routine incident (not calibration) that Ash scored alone: never part of the figures.
 */
export function seedOctober(db: Database, rubric: Rubric, quality: { id: string; name: string } | null = { id: 'analyst', name: 'Ms Quality' }): October {
  return db.transaction(() => {
    if (quality) addUser(db, quality.id, quality.name, 'quality');
    addUser(db, 'ash', 'Sgt Ash Patel', 'reviewer');
    addUser(db, 'bell', 'Sgt Bell Okafor', 'reviewer');
    addUser(db, 'carr', 'Insp Carr Lewis', 'reviewer');
    const roundId = addRound(db, 'October 2026');
    const incidents = Array.from({ length: 9 }, (_, i) => addIncident(db, i === 6 ? null : `CAD ${4101 + i}/0${(i % 9) + 1}OCT26`));
    const [i1, i2, i3, i4, i5, i6, i7, i8, i9] = incidents as [number, number, number, number, number, number, number, number, number];
    const base = (): AnswerSpec & { items: NonNullable<AnswerSpec['items']> } => ({ items: allItems(rubric, 'yes'), overall: 'good' });
    const submit = (incidentId: number, reviewerId: string, spec: AnswerSpec, status: 'draft' | 'submitted' = 'submitted') =>
      addReview(db, { roundId, incidentId, reviewerId }, answers(rubric, spec), status);

    for (const [k, id] of [i1, i2, i3, i4, i5].entries()) {
      assign(db, roundId, id, ['ash', 'bell'], true);
      const ash = base();
      const bell = base();
      ash.items['3'] = ash.items['4'] = k < 4 ? 'no' : 'partly';
      if (k === 4) bell.items['3'] = bell.items['4'] = 'partly';
      ash.items['13'] = 'na';
      bell.items['13'] = 'no';
      if (k < 2) ash.overall = 'requires_improvement';
      submit(id, 'ash', ash);
      submit(id, 'bell', bell);
    }
    assign(db, roundId, i6, ['ash', 'bell'], true);
    submit(i6, 'ash', base());
    submit(i6, 'bell', base(), 'draft');
    assign(db, roundId, i7, ['bell', 'carr'], true);
    submit(i7, 'bell', base());
    submit(i7, 'carr', base());
    assign(db, roundId, i8, ['ash', 'carr'], true);
    submit(i8, 'ash', base());
    addReview(db, { roundId, incidentId: i8, reviewerId: 'carr' }, { ...answers(rubric, base()), rubricVersion: 2 });
    assign(db, roundId, i9, ['ash'], false);
    const routine = base();
    routine.items['3'] = 'no';
    submit(i9, 'ash', routine);
    return { roundId, incidents };
  })();
}
