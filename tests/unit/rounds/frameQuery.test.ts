import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { migrate } from '../../../electron/core/db/migrate';
import { checkDesign, type CheckedDesign } from '../../../electron/core/rounds/design';
import { frameQuery } from '../../../electron/core/rounds/frameRepo';
import type { RoundDesignInput } from '../../../shared/ipc/rounds';

function checked(d: Partial<RoundDesignInput>): CheckedDesign {
  const r = checkDesign({ size: { method: 'fixed', n: 1 }, ...d });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

const query = (d: Partial<RoundDesignInput>, before = 99) => {
  const c = checked(d);
  return frameQuery(c.filters, c.strata, before);
};

describe('frame filters', () => {
  it('with no filters: active incidents not sampled before, by id', () => {
    const q = query({});
    expect(q.sql).toBe(
      "SELECT i.id FROM incidents i WHERE i.status = 'active' AND NOT EXISTS (SELECT 1 FROM round_incidents ri " +
        'WHERE ri.incident_id = i.id AND ri.round_id < ?) ORDER BY i.id',
    );
    expect(q.params).toEqual([99]);
    expect(query({ filters: { includePreviouslySampled: true } }).params).toEqual([]);
  });

  it('turns UK local dates into UTC bounds (BST in October until the 25th, GMT in November)', () => {
    const q = query({ filters: { from: '2026-10-01', to: '2026-10-31', includePreviouslySampled: true } });
    expect(q.sql).toContain('i.started_at >= ? AND i.started_at < ?');
    expect(q.params).toEqual(['2026-09-30T23:00:00.000Z', '2026-11-01T00:00:00.000Z']);
    expect(query({ filters: { to: '2026-06-30', includePreviouslySampled: true } }).params).toEqual(['2026-06-30T23:00:00.000Z']);
  });

  it('matches any of the listed values within a field, and every field given', () => {
    const q = query({
      filters: { bcu: ' Central East ', teams: ['B', 'A', 'A'], categories: ['domestic abuse', 'neglect'], flags: ['child present'], officers: ['PC Jones'], includePreviouslySampled: true },
    });
    expect(q.sql).toContain('i.bcu = ?');
    expect(q.sql).toContain('i.team IN (?, ?)');
    // Bounded by BCU: each candidate's values are probed.
    expect(q.sql).toContain('EXISTS (SELECT 1 FROM incident_categories v WHERE v.incident_id = i.id AND v.category IN (?, ?))');
    expect(q.sql).toContain('EXISTS (SELECT 1 FROM incident_flags v WHERE v.incident_id = i.id AND v.flag IN (?))');
    expect(q.sql).toContain('EXISTS (SELECT 1 FROM incident_officers v WHERE v.incident_id = i.id AND v.officer IN (?))');
    expect(q.params).toEqual(['Central East', 'A', 'B', 'domestic abuse', 'neglect', 'child present', 'PC Jones']);
    // Unbounded: the value list drives the read.
    const open = query({ filters: { categories: ['neglect'], includePreviouslySampled: true } });
    expect(open.sql).toContain('i.id IN (SELECT incident_id FROM incident_categories WHERE category IN (?))');
  });

  it('selects only the id and the stratum fields asked for, in canonical order', () => {
    expect(query({ strata: ['officer', 'shift'] }).sql).toMatch(/^SELECT i\.id, i\.started_at, json_extract\(i\.officers, '\$\[0\]'\) FROM/);
    expect(query({ strata: ['officer', 'shift'] }).columns).toEqual(['shift', 'officer']);
    expect(query({ strata: ['category', 'team'] }).sql).toMatch(/^SELECT i\.id, i\.team, json_extract\(i\.categories, '\$\[0\]'\) FROM/);
  });

  it('reads through the indexes, never a scan of every incident when a BCU or team is given', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const plan = (d: Partial<RoundDesignInput>) => {
      const q = query(d);
      return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join('\n');
    };
    // One BCU over a period, by team: answered from the index alone.
    expect(plan({ filters: { bcu: 'Central East', from: '2026-10-01', to: '2026-10-31' }, strata: ['team'] })).toMatch(
      /SEARCH i USING COVERING INDEX incidents_frame \(bcu=\? AND started_at>\? AND started_at<\?\)/,
    );
    expect(plan({ filters: { teams: ['A'] } })).toMatch(/SEARCH i USING INDEX incidents_team/);
    const probed = plan({ filters: { bcu: 'Central East', categories: ['neglect'] } });
    expect(probed).toMatch(/SEARCH i USING (COVERING )?INDEX incidents_(bcu|frame)/);
    // A semi-join probe per candidate (category and incident id both bound), not a read of every 'neglect' row.
    expect(probed).toMatch(/SEARCH v .*\((incident_id=\? AND category=\?|category=\? AND incident_id=\?)\)/);
    expect(plan({})).toMatch(/USING COVERING INDEX round_incidents_incident \(incident_id=\? AND round_id<\?\)/);
    db.close();
  });
});

describe('design checks', () => {
  const problems = (d: unknown) => {
    const r = checkDesign(d);
    return r.ok ? [] : r.problems;
  };

  it('canonicalises strata and trims, de-duplicates and sorts the filter lists', () => {
    const c = checked({ strata: ['Shift', 'team'], filters: { categories: [' b ', 'a', 'b', ''] } });
    expect(c.strata).toEqual(['team', 'shift']);
    expect(c.filters.stored.categories).toEqual(['a', 'b']);
  });

  it('names the field of every problem', () => {
    expect(problems({ size: { method: 'fixed' }, strata: ['team', 'team'], minPerStratum: 1.5, filters: { from: '2026-13-01' } })).toEqual([
      { field: 'filters.from', message: 'From date: "2026-13-01": month 13 is not 1–12' },
      { field: 'size.n', message: 'Sample size is needed for the fixed method' },
      { field: 'strata', message: "Stratum field 'team' is listed twice" },
      { field: 'minPerStratum', message: 'Minimum per stratum must be a whole number, 0 or more (got 1.5)' },
    ]);
    expect(problems({ size: { method: 'discovery', confidence: 0.95, tolerableRate: 1 } })).toEqual([
      { field: 'size.tolerableRate', message: 'Tolerable rate: tolerableRate must be below 1' },
    ]);
    expect(problems({ size: { method: 'confidence', confidence: 0.95, margin: 0.05, proportion: 0 } })).toEqual([
      { field: 'size.proportion', message: 'Expected proportion: proportion must be above 0' },
    ]);
  });

  it('ignores the values of size methods not chosen', () => {
    expect(checked({ size: { method: 'percent', percent: 10, n: -4, margin: 7 } }).size).toEqual({ method: 'percent', percent: 10 });
  });
});
