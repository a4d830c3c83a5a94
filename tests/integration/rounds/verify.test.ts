import { afterEach, describe, expect, it } from 'vitest';
import type { RoundCreateInput } from '../../../shared/ipc/rounds';
import { createRound } from '../../../electron/core/rounds/create';
import { verifyRound } from '../../../electron/core/rounds/verify';
import { addIncident, addOctober, makeLibrary, RESOURCES, type Library } from './library';

let lib: Library;
afterEach(() => lib?.db.close());

const opts = { actor: 'insp.lead', resourcesDir: RESOURCES };
const design: RoundCreateInput = {
  name: 'Central East — October 2026',
  filters: { bcu: 'Central East', from: '2026-10-01', to: '2026-10-31' },
  size: { method: 'confidence', confidence: 0.95, margin: 0.1 },
  strata: ['team'],
  seed: 'inspector-2026',
};

describe('verifying a round against today\'s library', () => {
  it('finds an untouched round identical', () => {
    lib = makeLibrary();
    addOctober(lib.db, 200);
    const d = createRound(lib.db, design, opts);
    const v = verifyRound(lib.db, d.statement.id);
    expect(v.identical).toBe(true);
    expect(v.storedFrameReproduces).toBe(true);
    expect(v.algorithmMatches).toBe(true);
    expect(v.frame).toMatchObject({ storedSize: 200, currentSize: 200, added: [], removed: [], restratified: [] });
    expect(v.frame.currentHash).toBe(d.statement.frameHash);
    expect(v.sample.differences).toEqual([]);
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatch(/^Identical/);
  });

  it('names the incident that joined the frame and the changed frame hash', () => {
    lib = makeLibrary();
    addOctober(lib.db, 200);
    const d = createRound(lib.db, design, opts);
    const late = addIncident(lib.db, { startedAt: '2026-10-31T12:00:00.000Z', team: 'Team B' });
    const v = verifyRound(lib.db, d.statement.id);
    expect(v.identical).toBe(false);
    expect(v.frame.added).toEqual([late]);
    expect(v.frame.removed).toEqual([]);
    expect(v.frame.currentSize).toBe(201);
    expect(v.frame.currentHash).not.toBe(d.statement.frameHash);
    expect(v.findings.join('\n')).toMatch(new RegExp(`1 incident joined the frame: ${late}`));
    expect(v.findings.join('\n')).toMatch(/The frame changed: 200 incidents when drawn, 201 now/);
    // The round's own stored frame still re-draws to its sample: the library moved, not the round.
    expect(v.storedFrameReproduces).toBe(true);
  });

  it('names incidents that left the frame or changed stratum, and where the sample now differs', () => {
    lib = makeLibrary();
    addOctober(lib.db, 200);
    const d = createRound(lib.db, design, opts);
    const [first, second] = d.incidents.map((i) => i.incidentId);
    lib.db.prepare("UPDATE incidents SET bcu = 'North West' WHERE id = ?").run(first);
    lib.db.prepare("UPDATE incidents SET team = 'Team Q' WHERE id = ?").run(second);
    const v = verifyRound(lib.db, d.statement.id);
    expect(v.identical).toBe(false);
    expect(v.frame.removed).toEqual([first]);
    expect(v.frame.restratified).toEqual([{ incidentId: second, stored: d.incidents[1]!.stratum, now: 'Team Q' }]);
    expect(v.sample.removed).toContain(first);
    expect(v.sample.differences.length).toBeGreaterThan(0);
    expect(v.findings.join('\n')).toMatch(/left the frame/);
    expect(v.findings.join('\n')).toMatch(/changed stratum/);
    expect(v.findings.join('\n')).toMatch(/sample differs at/);
  });

  it('is not disturbed by later rounds drawing from the same library', () => {
    lib = makeLibrary();
    addOctober(lib.db, 200);
    const d = createRound(lib.db, design, opts);
    createRound(lib.db, { ...design, seed: 'next' }, opts);
    expect(verifyRound(lib.db, d.statement.id).identical).toBe(true);
  });

  it('catches a stored sample edited behind the tool\'s back', () => {
    lib = makeLibrary();
    addOctober(lib.db, 100);
    const d = createRound(lib.db, design, opts);
    const [a, b] = d.incidents.map((i) => i.incidentId);
    lib.db.prepare('UPDATE round_incidents SET draw_order = 999 WHERE round_id = ? AND incident_id = ?').run(d.statement.id, a);
    lib.db.prepare('UPDATE round_incidents SET draw_order = 1 WHERE round_id = ? AND incident_id = ?').run(d.statement.id, b);
    const v = verifyRound(lib.db, d.statement.id);
    expect(v.identical).toBe(false);
    expect(v.storedFrameReproduces).toBe(false);
    expect(v.sample.differences[0]).toEqual({ position: 1, stored: b, now: a });
  });

  it('says why when today\'s frame cannot be drawn from at all', () => {
    lib = makeLibrary();
    const ids = addOctober(lib.db, 30);
    const d = createRound(lib.db, { ...design, size: { method: 'fixed', n: 10 } }, opts);
    lib.db.prepare(`UPDATE incidents SET bcu = 'Elsewhere' WHERE id IN (${ids.slice(0, 25).join(',')})`).run();
    const v = verifyRound(lib.db, d.statement.id);
    expect(v.identical).toBe(false);
    expect(v.drawError).toMatch(/larger than the frame \(5 incidents\)/);
    expect(v.frame.removed).toHaveLength(25);
  });

  it('refuses a round that does not exist', () => {
    lib = makeLibrary();
    expect(() => verifyRound(lib.db, 42)).toThrow(/round 42 does not exist/);
  });
});
